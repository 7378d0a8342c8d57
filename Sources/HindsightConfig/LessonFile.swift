import Foundation
import HindsightCore
import Yams

/// One lesson file of `.hindsight/lessons/`: YAML front matter between `---` lines, then the text as
/// Markdown. Written by `lesson add` and the MCP server, readable and editable by people in review.
public enum LessonFile {
    /// The front matter's keys, in the order they are written.
    static let keys = [
        "id", "kind", "paths", "outcome", "evidence", "author", "by", "created", "head", "expires", "status",
        "retired", "retiredBy", "retiredReason",
    ]

    /// The file's text for `lesson`.
    public static func render(_ lesson: Lesson) -> String {
        var lines = ["---", "id: \(lesson.id)", "kind: \(lesson.kind.rawValue)"]
        lines += list("paths", lesson.paths)
        if let outcome = lesson.outcome { lines.append("outcome: \(yamlScalar(outcome))") }
        lines += list("evidence", lesson.evidence, quoting: doubleQuoted)
        lines.append("author: \(yamlScalar(lesson.author))")
        lines.append("by: \(lesson.byAgent ? "agent" : "person")")
        lines.append("created: \(yamlScalar(CalendarDate.isoTimestamp(lesson.created)))")
        if let head = lesson.head { lines.append("head: \(doubleQuoted(head.hex))") }
        if let expires = lesson.expires { lines.append("expires: \(yamlScalar(CalendarDate.isoDate(expires)))") }
        if let retirement = lesson.retirement {
            lines.append("status: retired")
            lines.append("retired: \(yamlScalar(CalendarDate.isoTimestamp(retirement.time)))")
            if let by = retirement.by { lines.append("retiredBy: \(yamlScalar(by))") }
            lines.append("retiredReason: \(yamlScalar(retirement.reason))")
        } else {
            lines.append("status: active")
        }
        lines += ["---", "", lesson.text]
        return lines.joined(separator: "\n") + "\n"
    }

    private static func list(_ key: String, _ values: [String], quoting: (String) -> String = yamlScalar) -> [String] {
        values.isEmpty ? [] : ["\(key):"] + values.map { "  - \(quoting($0))" }
    }

    /// Parses the text of the file at `path` (from the work tree's root, for errors and `source`),
    /// validating every field as `lesson add` does, except that an expiry may have passed.
    public static func parse(_ text: String, path: String) throws(LessonFileError) -> Lesson {
        let (fields, body) = try frontMatter(of: text, path: path, known: keys)
        let reader = FieldReader(path: path, fields: fields)
        let draft = try draft(reader, body: body)
        guard let id = try reader.text("id"), isLessonID(id) else {
            throw reader.invalid("id", "missing or malformed; ids look like ls-1a2b3c4d")
        }
        guard let createdText = try reader.text("created"),
            let created = CalendarDate.seconds(ofISOTimestamp: createdText)
        else {
            throw reader.invalid("created", "missing or not a UTC timestamp such as 2026-12-02T18:30:00Z")
        }
        var head: CommitID?
        if let text = try reader.text("head") {
            guard let id = CommitID(hex: text), text.count == 40 else {
                throw reader.invalid("head", "'\(text)' is not a full commit id")
            }
            head = id
        }
        var lesson: Lesson
        do {
            lesson = try draft.validated(
                id: id, now: created, head: head, source: .file(path), expiryMayHavePassed: true)
        } catch {
            let key = String(error.field.prefix { $0 != "[" })
            throw LessonFileError(path: path, line: (fields[key]?.mark?.line).map { $0 + 1 }, error: error)
        }
        lesson.retirement = try retirement(reader)
        return lesson
    }

    /// The fields people give on `lesson add`'s standard input.
    static let inputKeys = ["kind", "paths", "outcome", "evidence", "author", "by", "expires"]

    /// A lesson as `lesson add --stdin` reads it: a file's front matter (the fields people give:
    /// kind, paths, outcome, evidence, author, by, expires) and text, or, without front matter,
    /// the text alone.
    public static func draft(fromInput text: String) throws(LessonFileError) -> LessonDraft {
        guard text.hasPrefix("---\n") || text.hasPrefix("---\r\n") else {
            var draft = LessonDraft()
            draft.text = text
            return draft
        }
        let (fields, body) = try frontMatter(of: text, path: "standard input", known: inputKeys)
        return try draft(FieldReader(path: "standard input", fields: fields), body: body)
    }

    private static func draft(_ reader: FieldReader, body: String) throws(LessonFileError) -> LessonDraft {
        var draft = LessonDraft()
        draft.kind = try reader.text("kind")
        draft.paths = try reader.texts("paths")
        draft.text = body
        draft.outcome = try reader.text("outcome")
        draft.evidence = try reader.texts("evidence")
        draft.author = try reader.text("author")
        switch try reader.text("by") {
        case nil, "person": draft.byAgent = false
        case "agent": draft.byAgent = true
        case let other?: throw reader.invalid("by", "'\(other)' is neither agent nor person")
        }
        draft.expires = try reader.text("expires")
        return draft
    }

    /// The front matter's fields (each one of `known`) and the text after it.
    private static func frontMatter(
        of text: String, path: String, known: [String]
    ) throws(LessonFileError) -> (
        [String: Node], String
    ) {
        let fail = { (line: Int?, field: String, problem: String) in
            LessonFileError(path: path, line: line, error: LessonError(field: field, problem))
        }
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") else {
            throw fail(1, "front matter", "the file must start with a `---` line and front matter closed by another")
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: lines[1..<end].joined(separator: "\n"))
        } catch let YamlError.scanner(_, problem, mark, _), let YamlError.parser(_, problem, mark, _) {
            throw fail(mark.line + 1, "front matter", "not valid YAML (\(problem))")
        } catch {
            throw fail(nil, "front matter", "not valid YAML")
        }
        guard let mapping = node?.mapping else { throw fail(2, "front matter", "expected `key: value` lines") }
        var fields: [String: Node] = [:]
        for (key, value) in mapping {
            let name = key.string ?? ""
            guard known.contains(name) else {
                throw fail(
                    (key.mark?.line).map { $0 + 1 }, name, "unknown key; known keys: \(known.joined(separator: ", "))")
            }
            fields[name] = value
        }
        return (fields, lines[(end + 1)...].joined(separator: "\n"))
    }

    private static func retirement(_ reader: FieldReader) throws(LessonFileError) -> Lesson.Retirement? {
        switch try reader.text("status") {
        case nil, "active":
            return nil
        case "retired":
            guard let reason = try reader.text("retiredReason"), !reason.isEmpty else {
                throw reader.invalid("retiredReason", "a retired lesson keeps why it was retired")
            }
            let time = try reader.text("retired").flatMap(CalendarDate.seconds(ofISOTimestamp:))
            guard let time else { throw reader.invalid("retired", "missing or not a UTC timestamp") }
            return Lesson.Retirement(time: time, reason: reason, by: try reader.text("retiredBy"))
        case let other?:
            throw reader.invalid("status", "'\(other)' is neither active nor retired")
        }
    }
}

/// The front matter's fields, read as text with errors that name the field and its line.
private struct FieldReader {
    let path: String
    let fields: [String: Node]

    func invalid(_ key: String, _ problem: String) -> LessonFileError {
        LessonFileError(
            path: path, line: (fields[key]?.mark?.line).map { $0 + 1 }, error: LessonError(field: key, problem))
    }

    func text(_ key: String) throws(LessonFileError) -> String? {
        guard let node = fields[key] else { return nil }
        guard case .scalar(let scalar) = node else { throw invalid(key, "expected text") }
        return scalar.string
    }

    func texts(_ key: String) throws(LessonFileError) -> [String] {
        guard let node = fields[key] else { return [] }
        if case .scalar(let scalar) = node { return scalar.string.isEmpty ? [] : [scalar.string] }
        guard let sequence = node.sequence else { throw invalid(key, "expected a list of text") }
        var values: [String] = []
        for element in sequence {
            guard case .scalar(let scalar) = element else { throw invalid(key, "expected a list of text") }
            values.append(scalar.string)
        }
        return values
    }
}

/// A lesson file that cannot be read: where, and the field's problem.
public struct LessonFileError: Error, Hashable, Sendable, UserFacingError {
    /// The file, from the work tree's root.
    public var path: String
    /// The line of the field, when known.
    public var line: Int?
    /// The field and its problem.
    public var error: LessonError

    /// An error from its parts.
    public init(path: String, line: Int?, error: LessonError) {
        self.path = path
        self.line = line
        self.error = error
    }

    public var description: String {
        "invalid lesson file \(path)\(line.map { ":\($0)" } ?? ""): \(error.field): \(error.problem). Fix the file, or remove it."
    }

    public var exitStatus: ExitStatus { .usage }
}
