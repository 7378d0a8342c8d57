extension GuardKind {
    /// `lesson`: a change touches the paths of a `tried` or `avoid` lesson.
    public static let lesson = GuardKind(
        id: "lesson", source: .written, subject: .changedFiles, cacheKey: .anyChange, defaultSeverity: .notice,
        summary: "The change touches the paths of a lesson about what was tried or what to avoid there.",
        help: "People and agents record what history cannot show in .hindsight/lessons/ (hindsight lesson add) or "
            + "in Lesson:/Tried: trailers. Read the lesson before repeating what it describes; retire it when it "
            + "no longer holds. Never an error unless check.severity.lesson says so.",
        origin: "the lessons in force (not retired or expired) of kind tried or avoid whose paths match a changed file",
        examples: [
            GuardExample(
                "the tried cache's folder changes", change: GuardExample.modifying(paths: ["src/cache/lru.c"]),
                message: "Lesson ls-0a1b2c3d (tried by Claude Code, an agent, on 2020-09-13): “An LRU cache of parsed "
                    + "trees” — outcome: “no faster: most trees are read once”.",
                lessons: [cacheLesson]),
            GuardExample(
                "a change elsewhere", change: GuardExample.modifying(paths: ["src/parser.c"]), message: nil,
                lessons: [cacheLesson]),
            GuardExample(
                "a retired lesson stays quiet", change: GuardExample.modifying(paths: ["src/cache/lru.c"]),
                message: nil, lessons: [LessonEntry(lesson: cacheLesson.lesson, state: .retired)]),
        ])

    private static let cacheLesson = LessonEntry(
        lesson: Lesson(
            id: "ls-0a1b2c3d", kind: .tried, paths: ["src/cache/"], text: "An LRU cache of parsed trees",
            outcome: "no faster: most trees are read once", author: "Claude Code", byAgent: true,
            created: 1_600_000_000, source: .file(".hindsight/lessons/ls-0a1b2c3d.md")),
        state: .active)
}
