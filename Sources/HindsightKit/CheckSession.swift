import HindsightConfig
import HindsightCore

/// The one way to run a check, for `hindsight check`, the MCP server's `check_diff` and the
/// backtest's replay: the live rules and a guard set on a change, each kind at the severity the
/// configuration names, else the one the latest backtest record gives it, then suppression
/// (`--allow`, `Hindsight-Allow:` trailers, `check.exclude`) and `--new-only`.
public struct CheckSession: Sendable {
    /// The `check:` section of the configuration.
    public let configuration: CheckConfiguration
    /// Kinds or guard ids allowed for this run, besides the configuration's.
    public let allowed: Set<String>

    /// A session under `configuration`, allowing `allow` (kinds or guard ids) too.
    public init(configuration: CheckConfiguration, allow: [String] = []) {
        self.configuration = configuration
        allowed = Set(allow)
    }

    /// Severity per kind: the configured one, else the record's (a kind below its lift runs at notice).
    public func severities(record: BacktestRecord?) -> [String: Severity] {
        record?.severities(configured: configuration.severities) ?? configuration.severities
    }

    /// The rules a check runs: the live ones, then `guards`. Build them once when checking many changes.
    public static func rules(guards: [Guard]) -> [any GuardRule] {
        liveRules + [GuardSetRule(guards: guards)]
    }

    /// Checks `change` against the live rules and `guards`.
    ///
    /// - Parameter baseline: for `--new-only`, the change's base side (`Workspace.baseline(of:)`).
    public func run(_ change: ChangeSet, guards: GuardSet, facts: KnownFacts, baseline: ChangeSet? = nil) -> CheckResult
    {
        run(change, rules: Self.rules(guards: guards.guards), record: guards.record, facts: facts, baseline: baseline)
    }

    /// Checks `change` against `rules` built by `rules(guards:)`, with `record`'s severities.
    public func run(
        _ change: ChangeSet, rules: [any GuardRule], record: BacktestRecord?, facts: KnownFacts,
        baseline: ChangeSet? = nil
    ) -> CheckResult {
        let context = GuardContext(files: facts.files, tip: facts.tip, severities: severities(record: record))
        var options = configuration.options
        options.allow.formUnion(allowed)
        return check(change, rules: rules, context: context, options: options, baseline: baseline)
    }
}
