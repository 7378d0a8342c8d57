/// `stable-file`: the change touches a file that history classes as stable.
public struct StableFileRule: GuardRule {
    public let kind = "stable-file"

    /// The rule.
    public init() {}

    public var descriptor: RuleDescriptor {
        RuleDescriptor(
            id: kind, kind: kind, summary: "A file that has not needed changes for a long time is changing.",
            help: "Stable files are settled; a change to one deserves a second look. The report's class rule decides "
                + "what is stable (by default unchanged for 180 days, or for 90 among the slowest changers).",
            severity: .notice)
    }

    public func findings(in change: ChangeSet, context: GuardContext) -> [Finding] {
        change.files.compactMap { file in
            guard file.status != .added, let history = context.history(of: file),
                  history.classification.fileClass == .stable else { return nil }
            return Finding(
                ruleID: kind, kind: kind, severity: context.severity(of: kind, default: .notice), path: file.path,
                message: "\(history.path.string) is \(history.classification.reason).",
                action: "Make sure this change is intended: the file has been settled; keep the change small and reviewed.",
                evidence: history.lastCommit.map { [$0] } ?? [],
                suppression: "add the trailer `Hindsight-Allow: \(kind)` to the commit message, or pass --allow \(kind)",
                fingerprint: "\(kind)|\(history.path.string)")
        }
    }
}
