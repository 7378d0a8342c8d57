/// How the default fix detector reads a message: the fix words, the chores that borrow them (a typo
/// or style "fix"), and mentions that do not claim a fix (negated, put off, or closing an issue).
enum FixWords {
    /// Words that claim a fix, matched whole and case-insensitively.
    static let fixWords = FixDetector.defaultWords

    /// Words that make a fix subject a chore: typos, wording, style, warnings, comments, docs.
    static let choreWords: Set<String> = [
        "typo", "typos", "spelling", "misspelling", "misspellings", "grammar", "wording", "whitespace",
        "indentation", "style", "formatting", "lint", "pyflakes", "flake8", "warning", "warnings", "comment",
        "comments", "doc", "docs", "documentation", "jsdoc", "javadoc", "readme", "changelog",
    ]

    /// Words just before `fix`, `fixes` or `fixed` that negate it or put it off: "not a fix", "should be fixed".
    static let deferringWords: Set<String> = [
        "not", "no", "never", "t", "be", "should", "will", "would", "could", "might", "todo", "eventually",
    ]

    /// Whether the subject is a chore dressed as a fix: it has a fix word and a chore word.
    static func isChore(_ subject: String) -> Bool {
        guard FixDetector.containsDefaultWord(subject) else { return false }
        let words = Self.words(in: Array(subject.utf8)).map(\.word)
        return words.contains(where: fixWords.contains) && words.contains(where: choreWords.contains)
    }

    /// Whether `text` claims a fix: a fix word not negated or put off by the two words before it and
    /// not only naming an issue it closes (`fixes #12`).
    static func claimsFix(_ text: String) -> Bool {
        // The byte scan is cheap and most messages have no fix word at all.
        guard FixDetector.containsDefaultWord(text) else { return false }
        let bytes = Array(text.utf8)
        let words = Self.words(in: bytes)
        for (position, entry) in words.enumerated() where fixWords.contains(entry.word) {
            // "not a fix" and "should be fixed" claim nothing; "don't crash" and "no bug" still do.
            let before = words[max(0, position - 2)..<position].map(\.word)
            if entry.word.hasPrefix("fix"), before.contains(where: deferringWords.contains) { continue }
            if closesIssue(bytes, after: entry.end) { continue }
            return true
        }
        return false
    }

    /// Whether an issue reference follows a fix word: `#12`, `gh-12`, or a link.
    private static func closesIssue(_ bytes: [UInt8], after end: Int) -> Bool {
        var index = end
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: ":") { index += 1 }
        let rest = String(decoding: bytes[index..<min(bytes.count, index + 4)], as: UTF8.self).lowercased()
        return rest.hasPrefix("#") || rest.hasPrefix("gh-") || rest.hasPrefix("http")
    }

    /// The words of `bytes` (runs of ASCII letters, digits, `_` and non-ASCII bytes, as `\\b` sees
    /// them), ASCII lower-cased, each with the offset just past it.
    private static func words(in bytes: [UInt8]) -> [(word: String, end: Int)] {
        var result: [(String, Int)] = []
        var index = 0
        while index < bytes.count {
            while index < bytes.count, !isWordByte(bytes[index]) { index += 1 }
            let start = index
            while index < bytes.count, isWordByte(bytes[index]) { index += 1 }
            if index > start {
                let lowered = bytes[start..<index].map { $0 >= 0x41 && $0 <= 0x5a ? $0 | 0x20 : $0 }
                result.append((String(decoding: lowered, as: UTF8.self), index))
            }
        }
        return result
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7a) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5f || byte >= 0x80
    }
}

/// Whether `path` is documentation (`*.md`, `*.rst`, `*.adoc`, `*.txt`, `docs/`, `doc/`,
/// `Documentation/`, `man/`, a README, changelog, news or authors file) or test data
/// (`tests/resources/`, `testdata/`, `fixtures/`, `corpora/`, `__snapshots__/`), which a fix alone
/// does not change.
public func isDocumentationOrTestData(_ path: RepoPath) -> Bool {
    let text = path.string
    let components = text.split(separator: "/").map { $0.lowercased() }
    guard let name = components.last else { return false }
    let folders = components.dropLast()
    let documentation: Set<String> = ["docs", "doc", "documentation", "man"]
    let testData: Set<String> = ["testdata", "fixtures", "corpora", "__snapshots__"]
    if folders.contains(where: documentation.contains) || folders.contains(where: testData.contains) { return true }
    if zip(folders, folders.dropFirst()).contains(where: { ["tests", "test"].contains($0) && $1 == "resources" }) {
        return true
    }
    // CMakeLists.txt and requirements.txt are build inputs, not prose.
    if name == "cmakelists.txt" || name.hasPrefix("requirements") { return false }
    if [".md", ".rst", ".adoc", ".txt", ".markdown"].contains(where: name.hasSuffix) { return true }
    return ["readme", "changelog", "changes", "history", "news", "authors", "contributors"].contains(name)
}
