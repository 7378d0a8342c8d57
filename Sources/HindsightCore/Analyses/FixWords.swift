/// How the default fix detector reads a message: the fix words, the chores that borrow them (a typo
/// or style "fix"), and mentions that do not claim a fix (negated, put off, or closing an issue).
enum FixWords {
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
            var found = false
            var previous: Range<Int>?
            var index = 0
            while let word = nextWord(in: bytes, from: index) {
                index = word.upperBound
                defer { previous = word }
                if choreTable.contains(bytes[word]) || asideTable.contains(bytes[word]) { return false }
                guard !found else { continue }
                found =
                    defectTable.contains(bytes[word])
                    || (notTable.contains(bytes[word]) && previous.map { obligationTable.contains(bytes[$0]) } == true)
            }
            return found
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
            guard let first = words.first, !words.contains(where: { choreTable.contains(bytes[$0]) }) else {
                return false
            }
            if fixTable.contains(bytes[first]) || plugTable.contains(bytes[first]) { return true }
            let negated =
                dontTable.contains(bytes[first]) || negationTable.contains(bytes[first])
                || (doTable.contains(bytes[first]) && words.count > 1 && notTable.contains(bytes[words[1]]))
            return negated && words.dropFirst().contains { fixTable.contains(bytes[$0]) }
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
            var index = 0
            while let word = nextWord(in: bytes, from: index) {
                if choreTable.contains(bytes[word]) { return true }
                index = word.upperBound
            }
            return false
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
                guard fixTable.contains(bytes[word]) else { continue }
                // "not a fix" and "should be fixed" claim nothing; "don't crash" and "no bug" still do.
                let isFixWord = bytes[word].count >= 3 && bytes[word.lowerBound] | 0x20 == UInt8(ascii: "f")
                let deferred = [twoBack, oneBack].contains { $0.map { deferringTable.contains(bytes[$0]) } ?? false }
                if isFixWord, deferred { continue }
                if isAdjective(bytes, word) { continue }
                if isTestKind(bytes, word) { continue }
                if closesIssue(bytes, after: word.upperBound) { continue }
                return true
            }
            return false
        }
    }

    private static let fixTable = FixDetector.defaultWordTable
    private static let choreTable = WordTable(choreWords)
    private static let deferringTable = WordTable(deferringWords)
    private static let adjectiveTable = WordTable(adjectiveNouns)
    private static let fixedTable = WordTable(["fixed"])
    private static let defectTable = WordTable(defectWords)
    private static let asideTable = WordTable(asideWords)
    private static let negationTable = WordTable(["dont", "never", "stop"])
    private static let dontTable = WordTable(["don"])
    private static let plugTable = WordTable(["plug", "plugs"])
    private static let doTable = WordTable(["do"])
    private static let notTable = WordTable(["not"])
    private static let obligationTable = WordTable(["should", "must"])
    private static let testTable = WordTable(["test", "tests"])
    private static let regressionTable = WordTable(["regression"])

    /// Whether `word` is "fixed" used as an adjective: joined by a hyphen, or before a word like "size".
    private static func isAdjective(_ bytes: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Bool {
        guard fixedTable.contains(bytes[word]) else { return false }
        if word.upperBound < bytes.count, bytes[word.upperBound] == UInt8(ascii: "-") { return true }
        guard let next = nextWord(in: bytes, from: word.upperBound), next.lowerBound == word.upperBound + 1 else {
            return false
        }
        return adjectiveTable.contains(bytes[next])
    }

    /// Whether `word` is "regression" naming a kind of test: "add a regression test".
    private static func isTestKind(_ bytes: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Bool {
        guard regressionTable.contains(bytes[word]), let next = nextWord(in: bytes, from: word.upperBound) else {
            return false
        }
        return next.lowerBound == word.upperBound + 1 && testTable.contains(bytes[next])
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
        WordTable.nextWord(in: bytes, from: start)
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
