import HindsightConfig
import HindsightCore
import HindsightOutput

extension ToolCatalog {
    /// What a call to `record_lesson` gets while lesson writes are off (the tool is then not listed).
    static let lessonWritesOff =
        "record_lesson is off: this server writes no files unless the repository's .hindsight.yml sets "
        + "`lessons: {mcpWrites: true}` or the server runs as `hindsight mcp --allow-lesson-writes`. "
        + "Until then, a person can record the lesson with `hindsight lesson add`."

    /// `record_lesson`: one new lesson file, validated and written by the code path of `hindsight lesson add`.
    static let recordLesson = ToolSpec(
        name: "record_lesson",
        summary:
            "Record what you learned for the next agent: an approach tried and abandoned (tried, with its outcome), "
            + "something not to do (avoid, with the reason), a convention or a note. Writes one new file under "
            + ".hindsight/lessons/ and answers with its path: commit it with your change.",
        arguments: [
            ArgumentSpec(
                name: "kind", kind: .string(maxBytes: 32), summary: "What it records.", isRequired: true,
                choices: LessonKind.allCases.map(\.rawValue)),
            ArgumentSpec(
                name: "paths", kind: .strings(maxItems: LessonLimits.paths, maxBytes: ConfinedPath.maximumBytes),
                summary:
                    "Files, folders or globs it is about, from the repository root (\"src/cache/\", \"src/diff*.c\"); "
                    + "tried and avoid need one, none means the whole repository."),
            ArgumentSpec(
                name: "text", kind: .string(maxBytes: 4 * LessonLimits.text),
                summary: "What was learned, at most \(LessonLimits.text) characters.", isRequired: true),
            ArgumentSpec(
                name: "outcome", kind: .string(maxBytes: 4 * LessonLimits.outcome),
                summary: "The result (tried) or the reason (avoid), at most \(LessonLimits.outcome) characters."),
            ArgumentSpec(
                name: "evidence",
                kind: .strings(maxItems: LessonLimits.evidence, maxBytes: LessonLimits.evidenceCharacters),
                summary: "Commit ids, or http(s) URLs of the issues and pull requests behind it."),
            ArgumentSpec(
                name: "author", kind: .string(maxBytes: 4 * LessonLimits.author),
                summary: "Who records it, such as the agent's name (default: git's user.name)."),
            ArgumentSpec(
                name: "expires", kind: .string(maxBytes: 32), summary: "The day it stops applying, YYYY-MM-DD."),
        ],
        answer: { arguments, access in
            var draft = LessonDraft()
            draft.kind = try arguments.string("kind")
            draft.paths = try arguments.strings("paths")
            draft.text = try arguments.string("text")
            draft.outcome = try arguments.string("outcome")
            draft.evidence = try arguments.strings("evidence")
            draft.author = try arguments.string("author")
            draft.expires = try arguments.string("expires")
            draft.byAgent = true  // the server's clients are agents
            let (lesson, path) = try access.recordLesson(draft)
            return recordedAnswer(lesson, path: path)
        },
        writesLessons: true)

    /// The answer for a lesson written to `path`: where it is and that it travels only once committed.
    static func recordedAnswer(_ lesson: Lesson, path: String) -> ToolAnswer {
        let reminder = "Commit it with your change (git add \(path)): until then only this work tree has it."
        return ToolAnswer(
            lines: ["Recorded lesson \(lesson.id) (\(lesson.kind.rawValue)) in \(path).", reminder],
            fields: [
                ("path", .string(path)),
                ("lesson", LessonText.json(LessonEntry(lesson: lesson, state: .active))),
                ("reminder", .string(reminder)),
            ])
    }
}
