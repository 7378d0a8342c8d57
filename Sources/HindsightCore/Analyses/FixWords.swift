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

    /// Words just before `fix`, `fixes` or `fixed` that negate it or put it off ("not a fix", "should be
    /// fixed") or name a tool ("cargo fix", "npm audit fix").
    static let deferringWords: Set<String> = [
        "not", "no", "never", "t", "be", "should", "will", "would", "could", "might", "todo", "eventually", "cargo",
        "audit",
    ]

    /// Words after `fixed` that make it an adjective: "fixed size", "fixed-width".
    static let adjectiveNouns: Set<String> = [
        "size", "sized", "width", "length", "point", "number", "offset", "seed", "buffer", "string", "array",
        "version", "versions", "timestamp", "time", "rate", "format",
    ]

    /// Words that say what a change corrects without a fix word: "should not have a body", "fails on
    /// file objects", "break chardet", "plug a leak", "correctly write the mode". "don't" and "always"
    /// are not among them: on the hand-labelled samples they named a fix as often as a tweak
    /// ("don't use an intermediate buffer", "always declare the types").
    static let defectWords: Set<String> = [
        "shouldn", "mustn", "fail", "fails", "failed", "failing", "failure", "failures", "break", "breaks", "broke",
        "broken", "plug", "plugs", "plugged", "correctly", "incorrect", "incorrectly", "wrong", "wrongly", "prevent",
        "prevents", "preventing",
    ]

    /// Words that put a subject's defect words aside: it is about tests, notes or a release, not a defect
    /// ("add failing test", "verify that we correctly truncate", "note the breaking change").
    static let asideWords: Set<String> = [
        "test", "tests", "testcase", "testcases", "note", "notes", "release", "breaking",
    ]

    /// Whether a subject without a fix word says what was wrong: it has a defect word, or "should not"
    /// or "must not"; never when it names a chore, tests, notes or a release.
    static func describesDefect(_ subject: String) -> Bool {
        var text = subject
        return text.withUTF8 { bytes in
            let words = Self.words(in: bytes)
            if words.contains(where: { isOne(of: choreBytes, bytes[$0]) || isOne(of: asideBytes, bytes[$0]) }) {
                return false
            }
            return words.indices.contains { index in
                if isOne(of: defectBytes, bytes[words[index]]) { return true }
                guard index + 1 < words.endIndex, isOne(of: notBytes, bytes[words[index + 1]]) else { return false }
                return isOne(of: obligationBytes, bytes[words[index]])
            }
        }
    }

    /// Whether a test commit's subject leads with a fix: after its `area: ` prefixes, the first word
    /// is a fix word or "plug" ("tests: fix test missing assertion", "tests: refs: plug a leak"), or it
    /// is "don't" before a fix word ("tests: don't leak objects"). "add regression test for fixed bug"
    /// is a test, not a fix.
    static func leadsWithFix(_ subject: String) -> Bool {
        var text = subject
        return text.withUTF8 { bytes in
            let rest = bytes[areasEnd(of: bytes)...]
            let words = Self.words(in: UnsafeBufferPointer(rebasing: rest)).map {
                ($0.lowerBound + rest.startIndex)..<($0.upperBound + rest.startIndex)
            }
            guard let first = words.first, !words.contains(where: { isOne(of: choreBytes, bytes[$0]) }) else {
                return false
            }
            if isOne(of: fixBytes, bytes[first]) || isOne(of: plugBytes, bytes[first]) { return true }
            let negated =
                isOne(of: dontBytes, bytes[first]) || isOne(of: negationBytes, bytes[first])
                || (isOne(of: doBytes, bytes[first]) && words.count > 1 && isOne(of: notBytes, bytes[words[1]]))
            return negated && words.dropFirst().contains { isOne(of: fixBytes, bytes[$0]) }
        }
    }

    /// Where a subject's leading `area: ` prefixes end (runs without spaces, each before ": "), or 0.
    private static func areasEnd(of bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var end = 0
        var index = 0
        while index + 1 < bytes.count, bytes[index] != UInt8(ascii: " ") {
            if bytes[index] == UInt8(ascii: ":"), bytes[index + 1] == UInt8(ascii: " ") {
                end = index + 2
                index = end
            } else {
                index += 1
            }
        }
        return end
    }

    /// Whether the subject is a chore dressed as a fix: it has a fix word and a chore word.
    static func isChore(_ subject: String) -> Bool {
        guard FixDetector.containsDefaultWord(subject) else { return false }
        var text = subject
        return text.withUTF8 { bytes in
            let words = Self.words(in: bytes)
            return words.contains { isOne(of: fixBytes, bytes[$0]) }
                && words.contains { isOne(of: choreBytes, bytes[$0]) }
        }
    }

    /// Whether `text` claims a fix: a fix word not negated or put off by the two words before it and
    /// not only naming an issue it closes (`fixes #12`). Reads bytes and allocates nothing per word:
    /// it runs on every message of the history.
    static func claimsFix(_ text: String) -> Bool {
        // The byte scan is cheap and most messages have no fix word at all.
        guard FixDetector.containsDefaultWord(text) else { return false }
        var text = text
        return text.withUTF8 { bytes in
            // The two words before the current one; no array per word on this hot path.
            var twoBack: Range<Int>?
            var oneBack: Range<Int>?
            var index = 0
            while let word = nextWord(in: bytes, from: index) {
                index = word.upperBound
                defer { (twoBack, oneBack) = (oneBack, word) }
                guard isOne(of: fixBytes, bytes[word]) else { continue }
                // "not a fix" and "should be fixed" claim nothing; "don't crash" and "no bug" still do.
                let isFixWord = bytes[word].count >= 3 && bytes[word.lowerBound] | 0x20 == UInt8(ascii: "f")
                let deferred = [twoBack, oneBack].contains { $0.map { isOne(of: deferringBytes, bytes[$0]) } ?? false }
                if isFixWord, deferred { continue }
                if isAdjective(bytes, word) { continue }
                if isTestKind(bytes, word) { continue }
                if closesIssue(bytes, after: word.upperBound) { continue }
                return true
            }
            return false
        }
    }

    private static let fixBytes = fixWords.map { Array($0.utf8) }
    private static let choreBytes = choreWords.map { Array($0.utf8) }
    private static let deferringBytes = deferringWords.map { Array($0.utf8) }
    private static let adjectiveBytes = adjectiveNouns.map { Array($0.utf8) }
    private static let fixedBytes = [Array("fixed".utf8)]
    private static let defectBytes = defectWords.map { Array($0.utf8) }
    private static let asideBytes = asideWords.map { Array($0.utf8) }
    private static let negationBytes = ["dont", "never", "stop"].map { Array($0.utf8) }
    private static let dontBytes = [Array("don".utf8)]
    private static let plugBytes = ["plug", "plugs"].map { Array($0.utf8) }
    private static let doBytes = [Array("do".utf8)]
    private static let notBytes = [Array("not".utf8)]
    private static let obligationBytes = ["should", "must"].map { Array($0.utf8) }
    private static let testBytes = ["test", "tests"].map { Array($0.utf8) }
    private static let regressionBytes = [Array("regression".utf8)]

    /// Whether `word` is "fixed" used as an adjective: joined by a hyphen, or before a word like "size".
    private static func isAdjective(_ bytes: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Bool {
        guard isOne(of: fixedBytes, bytes[word]) else { return false }
        if word.upperBound < bytes.count, bytes[word.upperBound] == UInt8(ascii: "-") { return true }
        guard let next = nextWord(in: bytes, from: word.upperBound), next.lowerBound == word.upperBound + 1 else {
            return false
        }
        return isOne(of: adjectiveBytes, bytes[next])
    }

    /// Whether `word` is "regression" naming a kind of test: "add a regression test".
    private static func isTestKind(_ bytes: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Bool {
        guard isOne(of: regressionBytes, bytes[word]), let next = nextWord(in: bytes, from: word.upperBound) else {
            return false
        }
        return next.lowerBound == word.upperBound + 1 && isOne(of: testBytes, bytes[next])
    }

    /// Whether `word` equals one of `candidates` (lower-case ASCII), ignoring ASCII case.
    private static func isOne(of candidates: [[UInt8]], _ word: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        candidates.contains { candidate in
            candidate.count == word.count && zip(candidate, word).allSatisfy { $0 == $1 | 0x20 }
        }
    }

    /// Whether an issue reference follows a fix word: `#12`, `gh-12`, or a link.
    private static func closesIssue(_ bytes: UnsafeBufferPointer<UInt8>, after end: Int) -> Bool {
        var index = end
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: ":") { index += 1 }
        guard index < bytes.count else { return false }
        if bytes[index] == UInt8(ascii: "#") { return true }
        let rest = bytes[index..<min(bytes.count, index + 4)].map { $0 | 0x20 }
        return rest.starts(with: "gh-".utf8) || rest.starts(with: "http".utf8)
    }

    /// The words of `bytes` (runs of ASCII letters, digits, `_` and non-ASCII bytes, as `\\b` sees them).
    private static func words(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var index = 0
        while let word = nextWord(in: bytes, from: index) {
            result.append(word)
            index = word.upperBound
        }
        return result
    }

    /// The next word at or after `start`, if any.
    private static func nextWord(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Range<Int>? {
        var index = start
        while index < bytes.count, !isWordByte(bytes[index]) { index += 1 }
        let first = index
        while index < bytes.count, isWordByte(bytes[index]) { index += 1 }
        return index > first ? first..<index : nil
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7a) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5f || byte >= 0x80
    }
}

/// Whether `path` is documentation (`*.md`, `*.rst`, `*.adoc`, `*.txt`, `docs/`, `doc/`,
/// `Documentation/`, `man/`, a README, changelog, news or authors file) or test data
/// (a fixture tree by name: `testdata/`, `fixtures/`, `corpora/`, `__snapshots__/`, `tests/resources/`…),
/// which a fix alone does not change.
public func isDocumentationOrTestData(_ path: RepoPath) -> Bool {
    let text = path.string
    let components = text.split(separator: "/").map { $0.lowercased() }
    guard let name = components.last else { return false }
    let folders = components.dropLast()
    let documentation: Set<String> = ["docs", "doc", "documentation", "man"]
    // Test data is what tree recognition calls a fixture tree.
    if folders.contains(where: documentation.contains) || testDataDirectory(in: path) != nil { return true }
    // CMakeLists.txt and requirements.txt are build inputs, not prose.
    if name == "cmakelists.txt" || name.hasPrefix("requirements") { return false }
    if [".md", ".rst", ".adoc", ".txt", ".markdown"].contains(where: name.hasSuffix) { return true }
    return ["readme", "changelog", "changes", "history", "news", "authors", "contributors"].contains(name)
}
