extension GuardKind {
    /// `reverted-change`: a change that re-adds most of what a reverted commit added.
    public static let revertedChange = GuardKind(
        id: "reverted-change", source: .mined, subject: .changedFiles, cacheKey: .matchLines, defaultSeverity: .warning,
        summary: "A change re-applies a commit that was reverted.",
        help: "The change adds most of the distinctive lines of a commit that a later commit reverted (and that "
            + "was not re-landed). Read why it was reverted, and say what is different now.",
        origin: "the distinctive lines (3 or more) a reverted commit added, unless the revert was itself reverted; "
            + "fires when a change adds at least 60% of them",
        examples: [
            GuardExample(
                "the reverted cache comes back whole", guards: [cache],
                change: ChangeSet(
                    description: "example",
                    files: [
                        ChangedFile(
                            status: .added, path: RepoPath("src/cache.c"),
                            added: cacheLines.enumerated().map {
                                DiffLine(number: $0.offset + 1, text: $0.element)
                            })
                    ]),
                message: cache.message),
            GuardExample(
                "one of its lines alone", guards: [cache],
                change: GuardExample.modifying("src/cache.c", adding: [cacheLines[0]]), message: nil),
        ])

    private static let cacheLines = [
        "static int cache[64];", "int cached_parse(void) { return cache[0]; }",
        "void cache_clear(void) { cache[0] = 0; }",
    ]

    private static let cache = Guard(
        kind: "reverted-change", severity: .warning, scope: [RepoPath("src/cache.c")],
        match: cacheLines.sorted().joined(separator: "\n"),
        message: "This change re-applies 2222222222 'feat: cache parse results', which 3333333333 reverted.",
        action:
            "Read why 3333333333 'Revert \"feat: cache parse results\"' reverted it before landing it again, and say what is different now.",
        evidence: [
            GuardExample.commit("3", "Revert \"feat: cache parse results\"", day: 2),
            GuardExample.commit("2", "feat: cache parse results"),
        ])
}
