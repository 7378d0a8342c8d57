/// `co-change`: the change touches A but not B, although B changed in most of A's commits
/// (and the pair clears the report's coupling thresholds).
public struct CoChangeRule: GuardRule {
    public let kind = GuardKind.coChange.id
    /// The share of A's commits that must also have changed B.
    public var minimumShare = 0.5

    /// The rule with its defaults.
    public init() {}

    public var descriptor: RuleDescriptor { GuardKind.coChange.descriptor }

    public func findings(in change: ChangeSet, context: GuardContext) -> [Finding] {
        let touched = Set(change.files.flatMap { [$0.path] + ($0.oldPath.map { [$0] } ?? []) })
        var findings: [Finding] = []
        for file in change.files where file.status != .deleted {
            guard let history = context.history(of: file) else { continue }
            let commits = history.commits
            for partner in history.coupling where !touched.contains(partner.path) {
                guard commits > 0, Double(partner.shared) / Double(commits) >= minimumShare else { continue }
                let name = history.path.string
                let partnerName = partner.path.string
                findings.append(
                    Finding(
                        ruleID: kind, kind: kind,
                        severity: context.severity(of: kind, default: GuardKind.coChange.defaultSeverity),
                        path: file.path,
                        message:
                            "\(partnerName) changed in \(partner.shared) of the \(commits) commits that changed \(name), but not in this change.",
                        action:
                            "Also review \(partnerName) (changed with \(name) in \(partner.shared) of \(commits) commits).",
                        evidence: history.sharedCommits[partner.path] ?? [],
                        fingerprint: "\(kind)|\(name)|\(partnerName)"))
            }
        }
        return findings
    }
}
