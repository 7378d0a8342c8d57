/// What `check --staged` checks when the pre-commit framework runs it with nothing staged, as
/// `pre-commit run --all-files` (or `--from-ref`/`--to-ref`) does in CI: hindsight checks a change,
/// not files, so it checks the change pre-commit names, else the CI's pull request, else nothing —
/// and says which.
public enum PreCommitRun {
    /// The decision, with the line that says it.
    public enum Outcome: Equatable, Sendable {
        /// Check this target instead of the (empty) staged change.
        case check(CheckTarget, note: String)
        /// There is no change to check.
        case nothing(note: String)
    }

    /// nil unless pre-commit runs the check (`PRE_COMMIT=1`) and nothing is staged.
    public static func outcome(environment: [String: String], nothingStaged: Bool, platform: CIPlatform?) -> Outcome? {
        guard environment["PRE_COMMIT"] == "1", nothingStaged else { return nil }
        if let from = environment["PRE_COMMIT_FROM_REF"], let to = environment["PRE_COMMIT_TO_REF"], !from.isEmpty,
            !to.isEmpty
        {
            return .check(
                .range(from: from, to: to),
                note:
                    "nothing is staged; checked \(from)..\(to), the change pre-commit was given (--from-ref/--to-ref).")
        }
        if let platform {
            let target = platform.pullRequestBase.map(CheckTarget.base) ?? .commit("HEAD")
            let what =
                platform.pullRequestBase.map { "the pull request (from the merge base with \($0))" } ?? "HEAD's commit"
            return .check(
                target,
                note:
                    "nothing is staged; checked \(what) on \(platform.name): hindsight checks changes, not the files pre-commit lists."
            )
        }
        return .nothing(
            note:
                "nothing is staged, so nothing was checked: hindsight checks a change, not the files `pre-commit run --all-files` lists. Run pre-commit with --from-ref BASE --to-ref HEAD, or `hindsight check --base BASE`."
        )
    }
}
