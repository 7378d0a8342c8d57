/// Where a check runs, which decides how one of its findings can be let through there: a
/// `Hindsight-Allow:` trailer works only where the check reads the message.
public enum CheckStage: String, CaseIterable, Sendable {
    /// `git commit`'s pre-commit hook: the staged changes, and no message yet.
    case preCommit = "pre-commit"
    /// `git commit`'s commit-msg hook: the staged changes and the message being written.
    case commitMessage = "commit-msg"
    /// Commits already made (`--commit`, `--range`, a pull request) or a diff handed over.
    case commits

    /// How to let `finding` through here, most specific first: its guard, lesson or kind once, then
    /// for good (muting a mined guard, retiring a lesson).
    public func advice(for finding: Finding) -> String {
        let id = finding.ruleID
        let isLesson = finding.kind == GuardKind.lesson.id && id != finding.kind
        let trailer =
            "add the trailer `Hindsight-Allow: \(id)`" + (isLesson ? " (or `lesson`)" : "") + " to the commit message"
        var ways: [String]
        switch self {
        case .preCommit: ways = ["commit with `HINDSIGHT_ALLOW=\(id) git commit …`"]
        case .commitMessage: ways = [trailer, "commit with `HINDSIGHT_ALLOW=\(id)`"]
        case .commits: ways = [trailer, "pass --allow \(id)"]
        }
        if isLesson {
            ways.append("retire it: hindsight lesson retire \(id) --reason …")
        } else if id != finding.kind, GuardKind.named(finding.kind)?.source == .mined {
            ways.append("`hindsight guards mute \(id) --reason …`")
        }
        guard let last = ways.popLast() else { return "" }
        return ways.isEmpty ? last : ways.joined(separator: ", ") + ", or " + last
    }
}
