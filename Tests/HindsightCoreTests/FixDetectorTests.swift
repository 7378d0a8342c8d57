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
}
