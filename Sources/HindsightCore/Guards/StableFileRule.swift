/// `stable-file`: the change touches a file that history classes as stable.
public struct StableFileRule: GuardRule {
    public let kind = GuardKind.stableFile.id

    /// The rule.
    public init() {}

    public var descriptor: RuleDescriptor { GuardKind.stableFile.descriptor }

    public func findings(in change: ChangeSet, context: GuardContext) -> [Finding] {
        change.files.compactMap { file in
            guard file.status != .added, let history = context.history(of: file),
                history.classification.fileClass == .stable
            else { return nil }
            return Finding(
                ruleID: kind, kind: kind,
                severity: context.severity(of: kind, default: GuardKind.stableFile.defaultSeverity), path: file.path,
                message: "\(history.path.string) is \(history.classification.reason).",
                action:
                    "Make sure this change is intended: the file has been settled; keep the change small and reviewed.",
                evidence: history.lastCommit.map { [$0] } ?? [],
                fingerprint: "\(kind)|\(history.path.string)")
        }
    }
}
