import Foundation

/// What `check` lets through: kinds or guard ids allowed for this run, and paths never checked.
public struct CheckOptions: Hashable, Sendable {
    /// Kinds or guard ids whose findings are suppressed (`--allow`), besides `Hindsight-Allow:` trailers.
    public var allow: Set<String> = []
    /// Paths never checked.
    public var exclude: [GlobPattern] = []
    /// Where the check runs, for each finding's advice on letting it through.
    public var stage: CheckStage = .commits

    /// Options from their parts.
    public init(allow: Set<String> = [], exclude: [GlobPattern] = [], stage: CheckStage = .commits) {
        self.allow = allow
        self.exclude = exclude
        self.stage = stage
    }
}

/// The guard kinds that run from the index day to day, without a guard set entry each.
public let liveRules: [any GuardRule] = [CoChangeRule(), StableFileRule(), FixNeedsTestRule(), RiskyChangeRule()]

/// The guard kinds whose findings are about lines a change adds, so the base can already have them.
/// The other kinds are about the act of changing a file, which is always new.
public let contentKinds: Set<String> = GuardKind.contentKindIDs

/// Runs `rules` on `change` and applies suppressions: `--allow`, `Hindsight-Allow:` trailers in the
/// change's commit messages (comma-separated kinds or ids), and excluded paths; each finding kept
/// says how to let it through where the check runs (`options.stage`).
///
/// - Parameter baseline: for `--new-only`, the change's base side (``ChangeSet/baseline(baseTexts:)``):
///   content findings with the same fingerprint there are left out and counted as pre-existing.
public func check(
    _ change: ChangeSet, rules: [any GuardRule] = liveRules, context: GuardContext, options: CheckOptions = .init(),
    baseline: ChangeSet? = nil
) -> CheckResult {
    let atBase =
        baseline.map { base in
            Set(
                rules.flatMap { $0.findings(in: base, context: context) }.filter { contentKinds.contains($0.kind) }.map(
                    \.fingerprint))
        } ?? []
    var allowed = options.allow
    for message in change.messages {
        for trailer in message.trailers where trailer.key.lowercased() == "hindsight-allow" {
            for value in trailer.value.split(separator: ",") {
                allowed.insert(value.trimmingCharacters(in: .whitespaces))
            }
        }
    }
    var kept: [Finding] = []
    var suppressed = 0
    var preexisting = 0
    for rule in rules {
        for var finding in rule.findings(in: change, context: context) {
            if options.exclude.contains(where: { $0.matches(finding.path) }) { continue }
            if contentKinds.contains(finding.kind), atBase.contains(finding.fingerprint) {
                preexisting += 1
            } else if allowed.contains(finding.ruleID) || allowed.contains(finding.kind) {
                suppressed += 1
            } else {
                finding.suppression = options.stage.advice(for: finding)
                kept.append(finding)
            }
        }
    }
    kept.sort {
        ($1.severity, $0.path, $0.line ?? 0, $0.ruleID, $0.fingerprint) < (
            $0.severity, $1.path, $1.line ?? 0, $1.ruleID, $1.fingerprint
        )
    }
    return CheckResult(
        target: change.description, findings: kept, rules: rules.flatMap(\.descriptors), indexTip: context.tip,
        suppressed: suppressed, preexisting: preexisting)
}
