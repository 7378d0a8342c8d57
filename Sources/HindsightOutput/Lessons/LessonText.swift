import HindsightCore

/// Lessons for people and scripts: `lesson list` and `lesson show` as text (untrusted text made safe
/// for a terminal) or JSON, and the phrases every surface shares (the staleness note, the origin).
public enum LessonText {
    /// "may be stale — 25 commits since", for a stale entry; nil otherwise.
    public static func staleNote(_ entry: LessonEntry) -> String? {
        guard case .stale(let activity) = entry.state else { return nil }
        return "may be stale — \(TextShaping.count(activity.commits, "commit")) and "
            + "\(TextShaping.count(activity.lines, "changed line")) in its paths since"
    }

    /// What the entry's state says in a list: its name, with the staleness figures.
    public static func stateText(_ entry: LessonEntry) -> String {
        staleNote(entry) ?? (entry.state == .gone ? "gone: no file at HEAD matches its paths" : entry.state.name)
    }

    /// Who wrote it, and whether an agent did.
    public static func authorText(_ lesson: Lesson) -> String {
        lesson.author + (lesson.byAgent ? " (agent)" : "")
    }

    /// Where it was read from: its file, or the commit whose trailer carries it.
    public static func sourceText(_ lesson: Lesson) -> String {
        switch lesson.source {
        case .file(let path): path
        case .trailer(let commit): "trailer of commit \(commit.hex.prefix(10))"
        }
    }

    /// The paths it is about, or the whole repository.
    public static func pathsText(_ lesson: Lesson) -> String {
        lesson.paths.isEmpty ? "(the whole repository)" : lesson.paths.joined(separator: ", ")
    }

    /// `lesson list`: one header line per lesson and the first line of its text.
    public static func list(_ entries: [LessonEntry]) -> String {
        guard !entries.isEmpty else { return "" }
        let safe = TerminalEscaping.safe
        return entries.map { entry in
            let lesson = entry.lesson
            let first = lesson.text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            return
                "\(safe(lesson.id))  \(lesson.kind.rawValue)  \(safe(TextShaping.truncated(pathsText(lesson), 60)))  "
                + "\(CalendarDate.isoDate(lesson.created))  \(safe(authorText(lesson)))  [\(stateText(entry))]\n"
                + "    \(safe(TextShaping.truncated(first, 100)))"
        }.joined(separator: "\n") + "\n"
    }

    /// `lesson show`: every field of one lesson.
    public static func show(_ entry: LessonEntry) -> String {
        let safe = TerminalEscaping.safe
        let lesson = entry.lesson
        var lines = [
            "\(safe(lesson.id))  \(lesson.kind.rawValue)  [\(stateText(entry))]",
            "",
            "  paths:     \(safe(pathsText(lesson)))",
            "  author:    \(safe(authorText(lesson)))",
            "  created:   \(CalendarDate.isoTimestamp(lesson.created))"
                + (lesson.head.map { " at \($0.hex.prefix(10))" } ?? ""),
            "  source:    \(safe(sourceText(lesson)))",
        ]
        if let outcome = lesson.outcome { lines.append("  outcome:   \(safe(outcome))") }
        if !lesson.evidence.isEmpty { lines.append("  evidence:  \(safe(lesson.evidence.joined(separator: ", ")))") }
        if let expires = lesson.expires { lines.append("  expires:   \(CalendarDate.isoDate(expires))") }
        if let activity = entry.activity {
            lines.append(
                "  since:     \(TextShaping.count(activity.commits, "commit")), "
                    + "\(TextShaping.count(activity.lines, "changed line")) in its paths")
        }
        if let retirement = lesson.retirement {
            lines.append(
                "  retired:   \(CalendarDate.isoTimestamp(retirement.time))"
                    + (retirement.by.map { " by \(safe($0))" } ?? "") + ": \(safe(retirement.reason))")
        }
        lines +=
            [""] + lesson.text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + safe(String($0)) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One entry as JSON (the shape `lesson list --format json` and the MCP server share).
    public static func json(_ entry: LessonEntry) -> JSONValue {
        let lesson = entry.lesson
        var fields: [(String, JSONValue)] = [
            ("id", .string(lesson.id)), ("kind", .string(lesson.kind.rawValue)),
            ("paths", .array(lesson.paths.map(JSONValue.string))), ("text", .string(lesson.text)),
            ("outcome", lesson.outcome.map(JSONValue.string) ?? .null),
            ("evidence", .array(lesson.evidence.map(JSONValue.string))), ("author", .string(lesson.author)),
            ("byAgent", .bool(lesson.byAgent)), ("created", .time(lesson.created)), ("head", .commit(lesson.head)),
            ("expires", lesson.expires.map { .string(CalendarDate.isoDate($0)) } ?? .null),
            ("status", .string(entry.state.name)),
            ("commitsSince", entry.activity.map { .int($0.commits) } ?? .null),
            ("linesSince", entry.activity.map { .int($0.lines) } ?? .null),
        ]
        switch lesson.source {
        case .file(let path): fields.append(("file", .string(path)))
        case .trailer(let commit): fields.append(("commit", .string(commit.hex)))
        }
        if let retirement = lesson.retirement {
            fields.append(
                (
                    "retired",
                    .object([
                        ("time", .time(retirement.time)), ("reason", .string(retirement.reason)),
                        ("by", retirement.by.map(JSONValue.string) ?? .null),
                    ])
                ))
        }
        return .object(fields)
    }
}
