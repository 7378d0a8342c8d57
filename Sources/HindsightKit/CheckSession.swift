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
    /// Which commits are fixes, for the change-risk model's `isFix`.
    public let fixes: FixDetector
    /// Which authors are coding agents, for the change-risk model's `isAgent`.
    public let bots: BotDetector
    /// Where the check runs, for each finding's advice on letting it through.
    public var stage: CheckStage = .commits

    /// A session under `configuration`, allowing `allow` (kinds or guard ids) too, telling fixes by
    /// `fixes` and agents by `bots`.
    public init(
        configuration: CheckConfiguration, allow: [String] = [], fixes: FixDetector = FixDetector(),
        bots: BotDetector = BotDetector()
    ) {
        self.configuration = configuration
        allowed = Set(allow)
        self.fixes = fixes
        self.bots = bots
    }

    /// Severity per kind: the configured one, else the record's (a kind below its lift runs at notice).
    public func severities(record: BacktestRecord?) -> [String: Severity] {
        record?.severities(configured: configuration.severities) ?? configuration.severities
    }

    /// The rules a check runs: the live ones, then `guards`, then `lessons` (the backtest has none: a
    /// lesson is what someone wrote down after the fact). Build them once when checking many changes.
    public static func rules(guards: [Guard], lessons: [LessonEntry] = []) -> [any GuardRule] {
        liveRules + [GuardSetRule(guards: guards)] + (lessons.isEmpty ? [] : [LessonRule(lessons: lessons)])
    }

    /// Checks `change` against the live rules, `guards` and `lessons`.
    ///
    /// - Parameter baseline: for `--new-only`, the change's base side (`Workspace.baseline(of:)`).
    public func run(
        _ change: ChangeSet, guards: GuardSet, lessons: [LessonEntry] = [], facts: KnownFacts,
        baseline: ChangeSet? = nil
    ) -> CheckResult {
        run(
            change, rules: Self.rules(guards: guards.guards, lessons: lessons), record: guards.record,
            model: guards.riskModel, facts: facts, baseline: baseline)
    }

    /// Checks `change` against `rules` built by `rules(guards:)`, with `record`'s severities and
    /// `model` for `risky-change` (nil: it stays quiet).
    public func run(
        _ change: ChangeSet, rules: [any GuardRule], record: BacktestRecord?, model: RiskModel?, facts: KnownFacts,
        baseline: ChangeSet? = nil
    ) -> CheckResult {
        let risk = model.map { model in
            let matcher = fixes.matcher()
            return RiskContext(
                model: model,
                authorCommits: change.author.flatMap { facts.authorCommits[$0.email.lowercased()] } ?? 0,
                isFix: change.messages.contains {
                    matcher.isFix(subject: $0.subject, body: $0.body, fixesReferences: $0.fixesReferences)
                },
                isAgent: change.author.map(bots.isAgent) == true
                    || change.messages.contains { $0.coAuthors.contains(where: bots.isAgent) },
                now: facts.now)
        }
        let context = GuardContext(
            files: facts.files, tip: facts.tip, severities: severities(record: record), risk: risk)
        var options = configuration.options
        options.allow.formUnion(allowed)
        options.stage = stage
        return check(change, rules: rules, context: context, options: options, baseline: baseline)
    }
}
