import Foundation

/// Decides which commits are fixes: a fix word in the subject or body, a Conventional `fix:`
/// subject, or a `Fixes:` trailer; never a `fixup!`/`squash!`/`amend!` marker commit.
public struct FixDetector: Hashable, Sendable {
    /// The default words, matched whole and case-insensitively.
    public static let defaultPattern =
        #"\b(fix(es|ed|ing)?|bug|bugfix(es)?|hotfix|regression|crash|leaks?|leaking|segfaults?|deadlocks?)\b"#
    static let defaultWords: Set<String> = [
        "fix", "fixes", "fixed", "fixing", "bug", "bugfix", "bugfixes", "hotfix", "regression", "crash", "leak",
        "leaks", "leaking", "segfault", "segfaults", "deadlock", "deadlocks",
    ]

    /// A case-insensitive regular expression replacing `defaultPattern`; nil for the default.
    public var pattern: String?

    /// What a kept result classified with this detector depends on: the pattern, or the version of
    /// the default rules, which changes whenever they do so that caches built with older rules miss.
    public var fingerprint: String { pattern ?? "default-rules-2" }

    /// A detector with the default pattern, or `pattern` instead of it.
    public init(pattern: String? = nil) {
        self.pattern = pattern
    }

    /// Whether `pattern` compiles; the error message otherwise.
    public static func validate(pattern: String) -> String? {
        do {
            _ = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
            return nil
        } catch {
            return "not a valid regular expression"
        }
    }

    /// A matcher to classify many commits with one compiled pattern.
    public func matcher() -> FixMatcher {
        FixMatcher(regex: pattern.flatMap { try? NSRegularExpression(pattern: $0, options: [.caseInsensitive]) })
    }

    /// The default rule's word test: a whole word (letters, digits, `_` and non-ASCII count as
    /// word characters, as `\b` does) equal to one of the default words, case-insensitively.
    static func containsDefaultWord(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while let word = WordTable.nextWord(in: bytes, from: index) {
                if defaultWordTable.contains(bytes[word]) { return true }
                index = word.upperBound
            }
            return false
        }
    }

    /// The default words by first letter and length: this test runs on every word of every message
    /// of a report.
    static let defaultWordTable = WordTable(defaultWords)
}

/// A compiled `FixDetector`; build one per analysis run.
public struct FixMatcher {
    fileprivate let regex: NSRegularExpression?

    /// Whether a commit with this message is a fix. A Conventional Commits subject is an explicit
    /// statement: `fix:` is a fix, and another type (`feat:`, `refactor:`, `docs:`…) is not, whatever
    /// words its message uses (a body that names a `fix-needs-test` rule fixes nothing); only a
    /// `Fixes:` trailer overrides it.
    ///
    /// With the default words, a subject that fixes a typo, wording, style, a warning or the docs is
    /// not a fix; a fix word that is negated or put off ("not a fix", "should be fixed", "TODO: fix")
    /// or only closes an issue ("Fixes #12") does not count; a `Revert "…"` subject is a revert. A
    /// subject with no fix word that says what was wrong ("pack: don't allow a negative offset",
    /// "respond(204) should not have a body") is a fix too.
    public func isFix(subject: String, body: String, fixesReferences: [String]) -> Bool {
        for marker in ["fixup!", "squash!", "amend!"] where subject.hasPrefix(marker) { return false }
        if !fixesReferences.isEmpty { return true }
        if regex == nil, subject.hasPrefix("Revert \"") || FixWords.isChore(subject) { return false }
        if Self.isConventionalFix(subject) { return true }
        let type = conventionalType(subject)
        if let type, Self.nonFixTypes.contains(type) { return false }
        guard let regex else {
            // A test commit's body often tells the fix it covers; only its subject speaks for it.
            if let type, Self.testTypes.contains(type) { return FixWords.leadsWithFix(subject) }
            return FixWords.claimsFix(subject) || FixWords.claimsFix(body) || FixWords.describesDefect(subject)
        }
        return [subject, body].contains { text in
            regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }
    }

    /// Conventional Commits types that say a commit is not a fix (`hotfix:` or `bug:` still may be).
    /// `test:` is not one: it also corrects broken tests, and many projects write `tests:` as the area
    /// of a fix ("tests: plug a leak"), so its subject's words decide (`testTypes`).
    static let nonFixTypes: Set<String> = [
        "feat", "feature", "refactor", "docs", "doc", "perf", "chore", "style", "build", "ci", "release", "deps",
    ]

    /// Conventional Commits types of test commits, which are fixes only when their subject says so.
    static let testTypes: Set<String> = ["test", "tests"]

    /// `fix:`, `fix!:`, `fix(scope):` or `fix(scope)!:` at the start of the subject.
    static func isConventionalFix(_ subject: String) -> Bool {
        var rest = subject.utf8[...]
        guard rest.count >= 4, String(decoding: rest.prefix(3), as: UTF8.self).lowercased() == "fix" else {
            return false
        }
        rest = rest.dropFirst(3)
        if rest.first == UInt8(ascii: "(") {
            guard let close = rest.firstIndex(of: UInt8(ascii: ")")) else { return false }
            rest = rest[rest.index(after: close)...]
        }
        if rest.first == UInt8(ascii: "!") { rest = rest.dropFirst() }
        return rest.first == UInt8(ascii: ":")
    }
}
