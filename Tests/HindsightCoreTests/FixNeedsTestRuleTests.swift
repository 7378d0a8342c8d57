import Testing

@testable import HindsightCore

@Suite struct FixNeedsTestRuleTests {
    static let fix = CommitRef(
        id: CommitID(trustedHex: String(repeating: "f", count: 40)), time: 0, subject: "fix: bounds", author: "Ada")

    static func context(fileClass: FileClass = .active) -> GuardContext {
        var facts = FileFacts(
            path: RepoPath("src/parser.c"),
            classification: Classification(fileClass, reason: "\(fileClass.rawValue): figures"),
            commits: 9, lastCommit: fix, coupling: [], sharedCommits: [:])
        facts.testPartners = [TestPartner(path: RepoPath("tests/parser_test.c"), shared: 5)]
        facts.fixRegions = [FixedRegion(lines: 10...14, fixCount: 3, latestFixes: [fix])]
        return GuardContext(files: [facts.path: facts], tip: nil)
    }

    static func change(line: Int, alsoTest: Bool = false) -> ChangeSet {
        var files = [
            ChangedFile(
                status: .modified, path: RepoPath("src/parser.c"),
                added: [DiffLine(number: line, text: "x")], removed: [DiffLine(number: line, text: "y")])
        ]
        if alsoTest { files.append(ChangedFile(status: .modified, path: RepoPath("tests/parser_test.c"))) }
        return ChangeSet(description: "staged changes", files: files)
    }

    @Test func aFixedRegionWithoutItsTestsIsFlagged() throws {
        let finding = try #require(
            FixNeedsTestRule().findings(in: Self.change(line: 12), context: Self.context()).first)
        #expect(
            finding.message
                == "lines 10–14 of src/parser.c were fixed 3 times, and none of the tests that usually change with it changed."
        )
        #expect(finding.action == "Update or run its tests: tests/parser_test.c (changed with it in 5 commits).")
        #expect(finding.line == 12 && finding.evidence == [Self.fix])
    }

    @Test func outsideTheRegionOrWithTheTestItIsQuiet() {
        #expect(FixNeedsTestRule().findings(in: Self.change(line: 30), context: Self.context()).isEmpty)
        #expect(FixNeedsTestRule().findings(in: Self.change(line: 12, alsoTest: true), context: Self.context()).isEmpty)
    }

    /// libgit2: an octopus-merge change adding 290 lines to tests/libgit2/merge/octopus.c was told
    /// "none of the tests that usually change with it changed".
    @Test(arguments: [
        ("tests/merge/octopus.c", "src/merge.c", true), ("tests/parser/errors.c", "src/parser.c", true),
        ("tests/test_parser.py", "src/parser.c", true), ("pkg/parser_test.go", "src/parser.c", true),
        ("tests/ParserTests.swift", "src/Parser.swift", true), ("tests/parser_extra.c", "src/parser.c", true),
        ("tests/index/add.c", "src/parser.c", false), ("tests/reparse.c", "src/parser.c", false),
        ("other/test_io.py", "src/parser.c", false), ("tests/merge/trees.c", "src/index.c", true),
    ])
    func aTestCoversTheFileWhenItIsAPartnerBesideOneOrNamedForItsArea(test: String, path: String, covers: Bool) {
        let partners = [
            TestPartner(path: RepoPath("tests/parser_test.c"), shared: 5),
            TestPartner(path: RepoPath("tests/merge/octopus.c"), shared: 2),
        ]
        #expect(HindsightCore.covers(RepoPath(test), RepoPath(path), partners: partners) == covers)
    }

    @Test func aTestOfTheAreaAnywhereUnderTheTestTreeCounts() {
        var change = Self.change(line: 12)
        change.files.append(ChangedFile(status: .added, path: RepoPath("tests/parser/octopus.c")))
        #expect(FixNeedsTestRule().findings(in: change, context: Self.context()).isEmpty)
        var elsewhere = Self.change(line: 12)
        elsewhere.files.append(ChangedFile(status: .added, path: RepoPath("tests/index/add.c")))
        #expect(FixNeedsTestRule().findings(in: elsewhere, context: Self.context()).count == 1)
    }

    @Test func aHotspotNeedsItsTestsAnywhere() throws {
        let finding = try #require(
            FixNeedsTestRule().findings(in: Self.change(line: 30), context: Self.context(fileClass: .hotspot)).first)
        #expect(finding.message.hasPrefix("src/parser.c is a hotspot (hotspot: figures)"))
    }

    @Test func testPartnersComeFromSharedCommits() throws {
        var history = SnapshotBuilder()
        history.commit(
            "add", day: 0,
            changes: [(.added, "src/a.c", 1, 0), (.added, "tests/a_test.c", 1, 0), (.added, "docs/a.md", 1, 0)])
        history.commit("fix: a", day: 1, changes: [(.modified, "src/a.c", 1, 0), (.modified, "tests/a_test.c", 1, 0)])
        history.commit("docs", day: 2, changes: [(.modified, "src/a.c", 1, 0), (.modified, "docs/a.md", 1, 0)])
        let facts = fileFacts(in: history.input(now: 3))
        #expect(
            try #require(facts[RepoPath("src/a.c")]).testPartners == [
                TestPartner(path: RepoPath("tests/a_test.c"), shared: 2)
            ])
        #expect(try #require(facts[RepoPath("docs/a.md")]).testPartners == [])
    }

    @Test(arguments: [
        ("tests/parser.c", true), ("Tests/HindsightCoreTests/FooTests.swift", true), ("pkg/foo_test.go", true),
        ("test_parser.py", true), ("web/app.spec.ts", true), ("src/latest.c", false), ("src/contest.c", false),
        ("src/ParserTests.swift", true),
        ("src/protest/a.c", false), ("t/t4013-diff-various.sh", true), ("src/t.c", false),
    ])
    func testPathsAreRecognised(path: String, isTest: Bool) {
        #expect(isTestPath(RepoPath(path)) == isTest)
    }
}
