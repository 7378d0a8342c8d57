import Testing

@testable import HindsightCore

@Suite struct FixDetectorTests {
    @Test(arguments: [
        ("fix: crash on empty diff", "", true),
        ("fix(parser): off by one", "", true),
        ("Fix!: drop the cache", "", true),
        ("Handle the Bug in the lexer", "", true),
        ("Guard against a regression", "", true),
        ("hotfix for login", "", true),
        ("Parser fixes", "", true),
        ("Update docs", "This fixed the crash we saw.", true),
        ("feat: add html report", "", false),
        ("Prefix the fixture names", "", false),
        ("Add debug logging", "", false),
        ("fixup! fix: crash on empty diff", "", false),
        ("squash! Handle the bug", "", false),
        ("Bugs and crashes are words we do not match", "", false),
        ("suffix_fix", "", false),
        ("feat(guards): fix-needs-test rule", "Flags a fix without its tests.", false),
        ("refactor: split the crash handler", "", false),
        ("docs: how the bug score works", "", false),
        ("hotfix: login loop", "", true),
        ("bug(parser): stack overflow", "", true),
        ("Feat: not lowercase, so not a type", "It fixes the crash.", true),
    ])
    func recognisesFixCommits(subject: String, body: String, isFix: Bool) {
        #expect(FixDetector().matcher().isFix(subject: subject, body: body, fixesReferences: []) == isFix)
    }

    /// What people label from the corpus samples (bench/labels): chores that borrow the word, fixes
    /// put off or denied, and issue references are not fixes; a leak is.
    @Test(arguments: [
        ("Fix typo in README", "", false),
        ("fix: typos in the docs", "", false),
        ("Fix some coding style issues", "", false),
        ("Fix -Wmaybe-uninitialized warning", "", false),
        ("changelog: fix wording", "", false),
        ("Fix param definition is jsdoc for app.render", "", false),
        ("Add -0 shortcut for --null", "Fixes #419", false),
        ("Add shell completions", "fixes: https://example.com/issues/7", false),
        ("Tidy the parser", "The old code could crash on empty input.", true),
        ("Tidy the parser", "This is not a fix, it should get fixed eventually.", false),
        ("Tidy the parser", "It doesn't fix anything.", false),
        ("Revert \"fix: parser crash\"", "", false),
        ("Don't crash on empty input", "", true),
        ("graph: plug leak", "", true),
        ("Fix the race in the cache", "Fixes #12", true),
        ("Fixing the lock order in refresh", "", true),
        ("Bugfixes for the packer", "", true),
        ("pack: stop leaking file descriptors", "", true),
        ("Avoid a segfault on empty trees", "", true),
        ("Break the deadlock in the worker pool", "", true),
        ("Use fixed-size buffers for the header", "", false),
        ("Read the header as a fixed size block", "", false),
        ("edition: run cargo fix --edition", "", false),
        ("Run npm audit fix", "", false),
        ("This fixed size bug", "", true),
    ])
    func choresDeferralsAndIssueReferencesAreNotFixes(subject: String, body: String, isFix: Bool) {
        #expect(FixDetector().matcher().isFix(subject: subject, body: body, fixesReferences: []) == isFix)
    }

    /// Fixes that name no fix word but say what was wrong, from the corpus samples; and the subjects
    /// that use the same words for tests, notes or chores.
    @Test(arguments: [
        ("respond(204) should not have a body", "", true),
        (".netrc settings shouldn't blow away explicit auth", "", true),
        ("utils.guess_filename fails if the parameter looks like a file", "", true),
        ("Remove path hacks that break chardet in Python 3.", "", true),
        ("index: Correctly write entry mode", "", true),
        ("refactor res.render() to prevent clobbering locals", "", true),
        ("Returning error if dereferencing operation fails.", "", true),
        ("Add a failing test for local clones", "", false),
        ("tests: apply: verify that we correctly truncate the buffer", "", false),
        ("Note the breaking change in the release notes", "", false),
        ("Correct the wording of the error", "", false),
        ("Fix the wrong indentation", "", false),
        ("feat: fail early on a bad config", "", false),
        // "don't" and "always" named tweaks as often as fixes in the samples.
        ("Don't use an intermediate buffer when --threads=1.", "", false),
        ("ssh: always declare the libssh2 types", "", false),
    ])
    func defectWordingWithoutAFixWordIsAFix(subject: String, body: String, isFix: Bool) {
        #expect(FixDetector().matcher().isFix(subject: subject, body: body, fixesReferences: []) == isFix)
    }

    /// `tests:` is often the area of a fix; a test commit is a fix only when its subject says so.
    @Test(arguments: [
        ("tests: plug a leak", "", true),
        ("tests: fix test missing assertion", "", true),
        ("test(parser): fix the flaky timeout", "", true),
        ("tests: cover the truncation", "Without the bug fixed, we would apply the patch.", false),
        ("tests: add a regression test for the parser", "", false),
        ("test: add regression test for fixed gitignore bug", "", false),
        ("tests: refs::create: fix memory leak", "", true),
        ("tests: don't leak objects", "", true),
        ("tests: fix typos", "", false),
    ])
    func aTestCommitIsAFixOnlyByItsSubject(subject: String, body: String, isFix: Bool) {
        #expect(FixDetector().matcher().isFix(subject: subject, body: body, fixesReferences: []) == isFix)
    }

    @Test func theDefaultRulesHaveTheirOwnFingerprint() {
        #expect(FixDetector().fingerprint != FixDetector(pattern: "fix").fingerprint)
        #expect(FixDetector(pattern: "fix").fingerprint == "fix")
    }

    @Test(arguments: [
        ("README.md", true), ("docs/guide.html", true), ("Documentation/git-log.txt", true), ("CHANGELOG", true),
        ("tests/resources/merge/a.txt", true), ("pkg/testdata/x.go", true), ("fuzzers/corpora/objects/1", true),
        ("src/history.c", false), ("CMakeLists.txt", false), ("requirements.txt", false), ("src/readme.c", false),
    ])
    func documentationAndTestDataAreNotCode(path: String, isDocumentation: Bool) {
        #expect(isDocumentationOrTestData(RepoPath(path)) == isDocumentation)
    }

    /// A fix must change code: the same message on a commit touching only docs or test data is not one.
    @Test func aFixOfDocumentationOrTestDataAloneIsNotAFix() {
        var history = SnapshotBuilder()
        history.commit(
            "feat: parser", day: 0, changes: [(.added, "src/parser.c", 10, 0), (.added, "docs/parser.md", 5, 0)])
        history.commit("Fix the crash example", day: 1, changes: [(.modified, "docs/parser.md", 1, 1)])
        history.commit("Fix the crash on empty input", day: 2, changes: [(.modified, "src/parser.c", 1, 1)])
        history.commit(
            "Fix the crash fixture", day: 3, changes: [(.added, "tests/resources/empty.bin", 1, 0)],
            fixes: ["0000000003"])
        #expect(history.input(now: 4).isFix == [false, false, true, true])
    }

    @Test func aFixesTrailerIsAFix() {
        #expect(FixDetector().matcher().isFix(subject: "Tidy up", body: "", fixesReferences: ["abc123 (\"x\")"]))
        #expect(FixDetector().matcher().isFix(subject: "feat: retry", body: "", fixesReferences: ["abc123 (\"x\")"]))
    }

    @Test func aCustomPatternReplacesTheWords() {
        let matcher = FixDetector(pattern: #"\bJIRA-\d+"#).matcher()
        #expect(matcher.isFix(subject: "Close jira-42", body: "", fixesReferences: []))
        #expect(!matcher.isFix(subject: "Handle the bug", body: "", fixesReferences: []))
        #expect(matcher.isFix(subject: "fix: still Conventional", body: "", fixesReferences: []))
    }

    @Test func badPatternsAreReported() {
        #expect(FixDetector.validate(pattern: "(unclosed") != nil)
        #expect(FixDetector.validate(pattern: #"\bfix\b"#) == nil)
    }

    @Test func botsAndAgentsAreNotPeople() {
        let detector = BotDetector(extraBots: ["ci-robot"])
        #expect(
            detector.isBot(Person(name: "dependabot[bot]", email: "49699333+dependabot[bot]@users.noreply.github.com")))
        #expect(detector.isBot(Person(name: "CI Robot", email: "ci-robot@example.com")))
        #expect(detector.isAgent(Person(name: "Claude", email: "noreply@anthropic.com")))
        #expect(detector.isAgent(Person(name: "Copilot", email: "198982749+Copilot@users.noreply.github.com")))
        #expect(detector.isHuman(Person(name: "Claude Monet", email: "claude@example.com")))
        #expect(detector.isHuman(Person(name: "Haider Ali", email: "haider@example.com")))
    }

    @Test func fragmentsAreFoundByteForByte() {
        #expect(BotDetector.has("49699333+dependabot[bot]@users", "dependabot[bot]"))
        #expect(BotDetector.has("abc", "c") && BotDetector.has("abc", "abc") && BotDetector.has("abc", ""))
        #expect(!BotDetector.has("ab", "abc") && !BotDetector.has("abd", "abc") && !BotDetector.has("", "a"))
        #expect(BotDetector.has("aab", "ab"))  // a partial match at the first start does not hide the second
        #expect(FixDetector.containsDefaultWord("Segfaults on start") && !FixDetector.containsDefaultWord("fixture"))
        #expect(FixDetector.containsDefaultWord("a HOTFIX") && !FixDetector.containsDefaultWord("bugs"))
    }
}
