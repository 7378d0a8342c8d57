extension GuardKind {
    /// `fix-needs-test`: a fragile file changes without the tests that usually change with it.
    public static let fixNeedsTest = GuardKind(
        id: "fix-needs-test", source: .live, subject: .changedFiles, cacheKey: .anyChange, defaultSeverity: .warning,
        summary: "A fragile file changes without the tests that usually change with it.",
        help: "The file is a hotspot, or the lines changed lie in a region two or more fixes changed. "
            + "Its tests usually change with it; update or run them.",
        origin: "a hotspot, or a change inside a region two or more fixes changed, when none of the test files that "
            + "changed in two or more of the file's commits is in the change",
        examples: [
            GuardExample(
                "a twice-fixed region changes alone", facts: [parser],
                change: GuardExample.modifying(
                    "src/parser.c", adding: ["if (depth > limit) return -1;"], at: 12,
                    removing: ["if (depth >= limit) return -1;"]),
                message:
                    "lines 10–14 of src/parser.c were fixed 3 times, and none of the tests that usually change with it changed."
            ),
            GuardExample(
                "the same change with its test", facts: [parser],
                change: ChangeSet(
                    description: "example",
                    files: [
                        ChangedFile(
                            status: .modified, path: RepoPath("src/parser.c"),
                            added: [DiffLine(number: 12, text: "if (depth > limit) return -1;")]),
                        ChangedFile(
                            status: .modified, path: RepoPath("tests/parser_test.c"),
                            added: [DiffLine(number: 3, text: "test_depth_limit();")]),
                    ]),
                message: nil),
        ])

    private static let parser: FileFacts = {
        var facts = FileFacts(
            path: RepoPath("src/parser.c"), classification: Classification(.active, reason: "active"), commits: 9,
            lastCommit: GuardExample.commit("9", "fix: depth limit off by one"), coupling: [], sharedCommits: [:])
        facts.testPartners = [TestPartner(path: RepoPath("tests/parser_test.c"), shared: 4)]
        facts.fixRegions = [
            FixedRegion(
                lines: 10...14, fixCount: 3, latestFixes: [GuardExample.commit("9", "fix: depth limit off by one")])
        ]
        return facts
    }()
}
