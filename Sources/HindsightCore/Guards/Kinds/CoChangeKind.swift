extension GuardKind {
    /// `co-change`: a file changes without the partner that changed in most of its commits.
    public static let coChange = GuardKind(
        id: "co-change", source: .live, subject: .changedFiles, cacheKey: .anyChange, defaultSeverity: .warning,
        summary: "A file changed without the file that usually changes with it.",
        help: "History shows the two files changing together in most commits of the first (code-maat coupling, "
            + "degree ≥ 30%, ≥ 5 shared commits). Review the partner, or say in the commit message why it need not change.",
        origin: "the report's coupling (degree ≥ 30%, ≥ 5 shared commits, files with 5+ commits, commits of at most "
            + "30 files), when the partner changed in at least half of the file's commits",
        examples: [
            GuardExample(
                "the header is left behind", facts: [parser],
                change: GuardExample.modifying(paths: ["src/parser.c"]),
                message: "src/parser.h changed in 6 of the 6 commits that changed src/parser.c, but not in this change."
            ),
            GuardExample(
                "both change together", facts: [parser],
                change: GuardExample.modifying(paths: ["src/parser.c", "src/parser.h"]), message: nil),
        ])

    private static let parser: FileFacts = {
        let header = RepoPath("src/parser.h")
        return FileFacts(
            path: RepoPath("src/parser.c"), classification: Classification(.active, reason: "active"), commits: 6,
            lastCommit: GuardExample.commit("7", "feat: parse nested input"),
            coupling: [CouplingPartner(path: header, degree: 100, shared: 6, partnerCommits: 6)],
            sharedCommits: [header: [GuardExample.commit("7", "feat: parse nested input")]])
    }()
}
