extension GuardKind {
    /// `stable-file`: a change to a file history classes as stable.
    public static let stableFile = GuardKind(
        id: "stable-file", source: .live, subject: .changedFiles, cacheKey: .anyChange, defaultSeverity: .notice,
        summary: "A file that has not needed changes for a long time is changing.",
        help: "Stable files are settled; a change to one deserves a second look. The report's class rule decides "
            + "what is stable (by default unchanged for 180 days, or for 90 among the slowest changers).",
        origin: "the report's class of the file (`stable`)",
        examples: [
            GuardExample(
                "a settled file changes",
                facts: [
                    facts("src/legacy.c", .stable, "unchanged for 412 days (stable after 180), 3 commits in 5.0 years")
                ],
                change: GuardExample.modifying(paths: ["src/legacy.c"]),
                message: "src/legacy.c is unchanged for 412 days (stable after 180), 3 commits in 5.0 years."),
            GuardExample(
                "an active file changes", facts: [facts("src/parser.c", .active, "active")],
                change: GuardExample.modifying(paths: ["src/parser.c"]), message: nil),
        ])

    private static func facts(_ path: String, _ fileClass: FileClass, _ reason: String) -> FileFacts {
        FileFacts(
            path: RepoPath(path), classification: Classification(fileClass, reason: reason), commits: 3,
            lastCommit: GuardExample.commit("8", "docs: explain the legacy format"), coupling: [], sharedCommits: [:])
    }
}
