extension GuardKind {
    /// `reintroduced-fix`: an added line that a fix commit removed from the same file.
    public static let reintroducedFix = GuardKind(
        id: "reintroduced-fix", source: .mined, subject: .addedLines, cacheKey: .scopePaths, defaultSeverity: .warning,
        summary: "A line a fix removed is being added back to the same file.",
        help: "A fix commit removed this line and it has not come back since. Keep it out, or say in the commit "
            + "message why it is right now.",
        origin:
            "a distinctive line (12+ characters, 6 of them letters or digits) a fix removed from a file and did not "
            + "re-add, in fewer than 3 files, still absent today; at most 20 removed lines per file",
        examples: [
            GuardExample(
                "the removed line comes back, indented differently", guards: [freedTwice],
                change: GuardExample.modifying("src/tree.c", adding: ["\tfree(node->name);"], at: 41),
                message: freedTwice.message),
            GuardExample(
                "the same line in another file", guards: [freedTwice],
                change: GuardExample.modifying("src/list.c", adding: ["free(node->name);"], at: 41), message: nil),
        ])

    private static let freedTwice = Guard(
        kind: "reintroduced-fix", severity: .warning, scope: [RepoPath("src/tree.c")], match: "free(node->name);",
        message: "A fix removed `free(node->name);` from src/tree.c, and it had not come back.",
        action: "Removed by 1111111111 'fix: double free of node names': keep it out, or say why.",
        evidence: [GuardExample.commit("1", "fix: double free of node names")])
}
