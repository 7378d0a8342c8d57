import Foundation

/// A lesson as someone wrote it, before validation: every field as given on the command line,
/// on standard input or by an MCP client.
public struct LessonDraft: Hashable, Sendable {
    /// `tried`, `avoid`, `convention` or `note`.
    public var kind: String?
    /// Paths or globs from the repository root.
    public var paths: [String] = []
    /// What was learned.
    public var text: String?
    /// The outcome or the reason.
    public var outcome: String?
    /// Commit ids and issue or pull-request URLs.
    public var evidence: [String] = []
    /// Who writes it.
    public var author: String?
    /// Whether a coding agent writes it.
    public var byAgent = false
    /// `YYYY-MM-DD`, the day it stops applying.
    public var expires: String?

    /// An empty draft.
    public init() {}
}

/// What a lesson may hold: sizes that keep one lesson a few lines in an agent's context.
public enum LessonLimits {
    /// Most characters of the text.
    public static let text = 2_000
    /// Most characters of the outcome or reason.
    public static let outcome = 500
    /// Most paths or globs.
    public static let paths = 20
    /// Most bytes of one path.
    public static let pathBytes = 256
    /// Most evidence entries.
    public static let evidence = 10
    /// Most characters of one evidence entry.
    public static let evidenceCharacters = 300
    /// Most characters of the author.
    public static let author = 100
    /// Most characters of a retirement reason.
    public static let reason = 500
}

/// A lesson field that cannot be used: which field, what is wrong, and how to fix it.
public struct LessonError: Error, Hashable, Sendable, UserFacingError {
    /// The field, as the lesson file and the flags name it (`kind`, `paths[2]`, `text`).
    public var field: String
    /// What is wrong and what to do, in one sentence.
    public var problem: String

    /// An error from its parts.
    public init(field: String, _ problem: String) {
        self.field = field
        self.problem = problem
    }

    public var description: String { "invalid lesson: \(field): \(problem)" }
    public var exitStatus: ExitStatus { .usage }
}

extension LessonDraft {
    /// The lesson this draft describes, written at `now` on `head` with `id`, or the first field that
    /// is wrong; a file read back may have an expiry that has passed since.
    public func validated(
        id: String, now: Int64, head: CommitID?, source: Lesson.Source, expiryMayHavePassed: Bool = false
    ) throws(LessonError) -> Lesson {
        guard let kindName = kind?.trimmed, !kindName.isEmpty else {
            throw LessonError(field: "kind", "missing; give one of tried, avoid, convention, note (--kind)")
        }
        guard let kind = LessonKind(rawValue: kindName.lowercased()) else {
            throw LessonError(field: "kind", "'\(shown(kindName))' is not a kind; use tried, avoid, convention or note")
        }
        let paths = try Self.validPaths(paths)
        if paths.isEmpty, kind.warnsOnChange {
            throw LessonError(
                field: "paths", "a \(kind.rawValue) lesson needs the paths it is about (--path src/cache/, repeatable)")
        }
        guard let text = text?.trimmed, !text.isEmpty else {
            throw LessonError(field: "text", "missing; say what was learned (--text, or the body on standard input)")
        }
        try Self.checkText(text, field: "text", limit: LessonLimits.text, multiline: true)
        let outcome = outcome?.trimmed
        if let outcome { try Self.checkText(outcome, field: "outcome", limit: LessonLimits.outcome, multiline: true) }
        guard let author = author?.trimmed, !author.isEmpty else {
            throw LessonError(field: "author", "missing; pass --author NAME, or set git's user.name")
        }
        try Self.checkText(author, field: "author", limit: LessonLimits.author, multiline: false)
        return Lesson(
            id: id, kind: kind, paths: paths, text: text, outcome: outcome?.isEmpty == true ? nil : outcome,
            evidence: try Self.validEvidence(evidence), author: author, byAgent: byAgent, created: now, head: head,
            expires: try Self.validExpiry(expires, now: expiryMayHavePassed ? nil : now), source: source)
    }

    static func validPaths(_ paths: [String]) throws(LessonError) -> [String] {
        guard paths.count <= LessonLimits.paths else {
            throw LessonError(
                field: "paths", "\(paths.count) given, at most \(LessonLimits.paths); name a folder instead")
        }
        var result: [String] = []
        for (index, raw) in paths.enumerated() {
            let field = "paths[\(index)]"
            var path = raw.trimmed
            while path.hasPrefix("./") { path.removeFirst(2) }
            guard !path.isEmpty else { throw LessonError(field: field, "empty; give a path from the repository root") }
            guard path.utf8.count <= LessonLimits.pathBytes else {
                throw LessonError(field: field, "longer than \(LessonLimits.pathBytes) bytes; name its folder instead")
            }
            if let bad = path.unicodeScalars.first(where: { $0.value < 0x20 || $0.value == 0x7f || $0 == "\\" }) {
                throw LessonError(field: field, "holds \(scalarName(bad)); paths use `/` and printable characters")
            }
            try checkText(path, field: field, limit: LessonLimits.pathBytes, multiline: false)
            guard !path.hasPrefix("/") else {
                throw LessonError(field: field, "'\(shown(path))' is absolute; give it from the repository root")
            }
            let components = path.split(separator: "/", omittingEmptySubsequences: false)
            guard !components.dropLast().contains(where: \.isEmpty),
                !components.contains(where: { $0 == ".." || $0 == "." })
            else {
                throw LessonError(
                    field: field,
                    "'\(shown(path))' has an empty, `.` or `..` component; give it from the repository root")
            }
            if !result.contains(path) { result.append(path) }
        }
        return result
    }

    static func validEvidence(_ evidence: [String]) throws(LessonError) -> [String] {
        guard evidence.count <= LessonLimits.evidence else {
            throw LessonError(field: "evidence", "\(evidence.count) given, at most \(LessonLimits.evidence)")
        }
        var result: [String] = []
        for (index, raw) in evidence.enumerated() {
            let item = raw.trimmed
            let field = "evidence[\(index)]"
            let isCommit = (4...40).contains(item.count) && item.allSatisfy(\.isHexDigit)
            let isURL =
                (item.hasPrefix("https://") || item.hasPrefix("http://"))
                && item.count <= LessonLimits.evidenceCharacters
                && item.unicodeScalars.allSatisfy {
                    $0.value > 0x20 && $0.value < 0x7f && !"<>\"`".unicodeScalars.contains($0)
                }
            guard isCommit || isURL else {
                throw LessonError(
                    field: field,
                    "'\(shown(item))' is neither a commit id (4 to 40 hex digits) nor an http(s) URL of printable ASCII"
                )
            }
            result.append(isCommit ? item.lowercased() : item)
        }
        return result
    }

    static func validExpiry(_ expires: String?, now: Int64?) throws(LessonError) -> Int64? {
        guard let text = expires?.trimmed, !text.isEmpty else { return nil }
        guard let day = CalendarDate.midnight(ofISODate: text), CalendarDate.isoDate(day) == text else {
            throw LessonError(field: "expires", "'\(shown(text))' is not a date; write it as YYYY-MM-DD")
        }
        if let now, day <= now { throw LessonError(field: "expires", "\(text) has passed; give a later day or none") }
        return day
    }

    /// Refuses text over `limit` characters, control characters (but line breaks and tabs where
    /// `multiline`) and invisible format characters that would hide words from a reader.
    public static func checkText(_ text: String, field: String, limit: Int, multiline: Bool) throws(LessonError) {
        guard text.count <= limit else {
            throw LessonError(field: field, "\(text.count) characters, at most \(limit); say it shorter")
        }
        for scalar in text.unicodeScalars {
            let allowed = multiline && (scalar == "\n" || scalar == "\t")
            let control = scalar.value < 0x20 || (0x7f...0x9f).contains(scalar.value)
            if (control && !allowed) || scalar.properties.generalCategory == .format
                || scalar.value == 0x2028 || scalar.value == 0x2029
            {
                throw LessonError(field: field, "holds \(scalarName(scalar)); remove it")
            }
        }
    }
}

private func scalarName(_ scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16, uppercase: true)
    return "the invisible or control character U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex)"
}

/// Untrusted input shown back in an error: one line, capped.
private func shown(_ text: String) -> String {
    TextShaping.truncated(TextShaping.visible(text).replacingOccurrences(of: "\n", with: " "), 60)
}

extension StringProtocol {
    var trimmed: String { String(trimmingLeadingWhitespace().trimmingTrailingWhitespace()) }
}
