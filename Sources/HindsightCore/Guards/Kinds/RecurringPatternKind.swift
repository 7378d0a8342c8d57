extension GuardKind {
    /// `recurring-pattern`: an added call that several fixes kept removing.
    public static let recurringPattern = GuardKind(
        id: "recurring-pattern", source: .mined, subject: .addedLines, cacheKey: .call, defaultSeverity: .warning,
        summary: "A change adds a call that fixes keep removing.",
        help: "Three or more fix commits, across two or more files, removed this call. Use what those fixes used "
            + "instead, or say why it is safe here.",
        origin: "a call (`name(`) 3 or more fix commits across 2 or more files removed without adding it back; "
            + "fires on any added line calling it, anywhere in the repository",
        examples: [
            GuardExample(
                "the call comes back in a new place", guards: [copy],
                change: GuardExample.modifying("src/util.c", adding: ["    strcpy(buffer, name);"], at: 7),
                message: copy.message),
            GuardExample(
                "the safer call whose name contains it", guards: [copy],
                change: GuardExample.modifying(
                    "src/util.c", adding: ["    strlcpy(buffer, name, sizeof buffer);"], at: 7),
                message: nil),
        ])

    private static let copy = Guard(
        kind: "recurring-pattern", severity: .warning, scope: [], match: "strcpy(",
        message: "3 fix commits across 2 files removed `strcpy(`; this change adds it.",
        action: "Use what those fixes used instead (most often `strlcpy(`), or say why `strcpy(` is safe here.",
        evidence: [
            GuardExample.commit("6", "fix: overflow in path copy", day: 3),
            GuardExample.commit("5", "fix: overflow in name copy", day: 2),
            GuardExample.commit("4", "fix: overflow in tag copy", day: 1),
        ])
}
