import Testing

@testable import HindsightCore

/// Fixture trees by name, submodules, nesting, and what the analyses leave out.
@Suite struct TreeRecognitionTests {
    typealias F = TreeFixtures

    @Test(arguments: [
        ("tests/resources/merge/a.txt", "tests/resources", "`resources` under the test directory `tests`"),
        ("fuzzers/corpora/objects/1", "fuzzers/corpora", "test data directory name `corpora`"),
        ("pkg/testdata/x.go", "pkg/testdata", "test data directory name `testdata`"),
        ("web/__snapshots__/a.snap", "web/__snapshots__", "test data directory name `__snapshots__`"),
        ("spec/Fixtures/user.json", "spec/Fixtures", "test data directory name `Fixtures`"),
        ("test/fixture/a", "test/fixture", "test data directory name `fixture`"),
        ("t/resources/s", "t/resources", "`resources` under the test directory `t`"),
        ("src/test/resources/app.yml", "src/test/resources", "`resources` under the test directory `test`"),
        ("testdata/top.txt", "testdata", "test data directory name `testdata`"),
    ])
    func fixtureTreesByName(path: String, tree: String, reason: String) throws {
        var history = SnapshotBuilder()
        history.commit("add", day: 0, changes: F.adds(["src/main.c", path]))
        let trees = F.trees(F.tip(history))
        #expect(trees == [RecognisedTree(path: RepoPath(tree), kind: .fixture, reason: reason, files: 1)])
    }

    @Test(arguments: ["src/resources/icon.png", "tests/fixtures.py", "app/testdata", "lib/spec_helper/resources.rb"])
    func namesThatAreNotFixtureTrees(path: String) {
        var history = SnapshotBuilder()
        history.commit("add", day: 0, changes: F.adds(["src/main.c", path]))
        #expect(F.summary(F.tip(history)).isEmpty)
    }

    @Test func aTreeInsideATreeIsNotListed() {
        var history = SnapshotBuilder()
        history.commit(
            "deps: import pcre2", day: 0,
            changes: F.adds(["deps/pcre2/LICENCE.md", "deps/pcre2/pcre2.c", "deps/pcre2/testdata/in1"]))
        history.commit("tests: add", day: 1, changes: F.adds(["tests/resources/a/testdata/x", "tests/resources/b"]))
        history.commit(
            "tests: a vendored-looking fixture", day: 2,
            changes: F.adds(["tests/resources/lib/LICENSE", "tests/resources/lib/lib.c"]))
        history.commit("feat: main", day: 3, changes: F.adds(["src/main.c"]))
        let trees = F.trees(F.tip(history))
        #expect(
            trees.map { "\($0.path) \($0.kind.rawValue) \($0.files)" } == [
                "deps/pcre2 vendored 3", "tests/resources fixture 4",
            ])
    }

    /// libgit2's deps/clar and deps/ntlmclient have no license file of their own and changed little
    /// by little, yet they are others' code: a root `deps/` child is vendored by name.
    @Test func childrenOfARootDepsFolderAreVendored() {
        var history = SnapshotBuilder()
        history.commit(
            "add", day: 0, changes: F.adds(["deps/clar/clar.c", "deps/clar/clar.h", "deps/README", "src/deps/x.c"]))
        #expect(
            F.trees(F.tip(history)) == [
                RecognisedTree(
                    path: RepoPath("deps/clar"), kind: .vendored,
                    reason: "under `deps/`, where projects keep others' code",
                    files: 2)
            ])
    }

    @Test func submodulesAreVendored() {
        var history = SnapshotBuilder()
        history.commit(
            "add", day: 0, changes: F.adds(["src/main.c", ".gitmodules", "sha1collisiondetection", "lib/copy/a.c"]))
        let snapshot = F.tip(history, submodules: ["sha1collisiondetection", "lib/copy", "gone"])
        #expect(
            F.trees(snapshot) == [
                RecognisedTree(
                    path: RepoPath("lib/copy"), kind: .vendored, reason: "submodule in .gitmodules", files: 1),
                RecognisedTree(
                    path: RepoPath("sha1collisiondetection"), kind: .vendored, reason: "submodule in .gitmodules",
                    files: 1),
            ])
    }

    @Test func ignoredPathsAreNeverTrees() {
        var history = SnapshotBuilder()
        history.commit("add", day: 0, changes: F.adds(["src/main.c", "vendor/x/testdata/a", "node_modules/y/LICENSE"]))
        #expect(F.summary(F.tip(history)).isEmpty)
    }

    @Test func fixtureTreesAreRecognisedByNameWithoutTheTipsPaths() {
        var history = SnapshotBuilder()
        history.commit("add", day: 0, changes: F.adds(["src/main.c", "fuzzers/corpora/1", "fuzzers/corpora/2"]))
        #expect(F.summary(F.tip(history, byNameOnly: true)) == ["fuzzers/corpora fixture"])
    }

    /// libgit2's test data pushed the bug-score cut down; left out, the percentiles are the code's own.
    @Test func analysesLeaveTreeFilesOutUnlessRecognitionIsOff() throws {
        var history = SnapshotBuilder()
        history.commit("feat: start", day: 0, changes: F.adds(["src/a.c", "tests/resources/r1", "tests/resources/r2"]))
        history.commit("fix: crash", day: 5, changes: F.edits(["src/a.c", "tests/resources/r1"]))
        history.commit("test: more data", day: 9, changes: F.adds(["tests/resources/r3"]))
        history.commit("chore: drop r2", day: 10, changes: [(.deleted, "tests/resources/r2", 0, 1)])
        var settings = AnalysisSettings(now: SnapshotBuilder.time(20))
        let input = AnalysisInput(snapshot: F.tip(history), settings: settings)
        #expect(input.files.map(\.path) == [RepoPath("src/a.c")])
        #expect(input.recognisedTrees.map(\.path) == [RepoPath("tests/resources")])
        let report = stabilityReport(from: input)
        #expect(report.files.map(\.path) == [RepoPath("src/a.c")])
        #expect(report.directories.map(\.path) == [RepoPath("src")])
        let rollup = try #require(report.recognisedTrees.first)
        #expect(rollup.tree.files == 2 && rollup.commits == 4 && rollup.lastChanged == SnapshotBuilder.time(10))
        settings.recogniseTrees = false
        let everything = AnalysisInput(snapshot: F.tip(history), settings: settings)
        #expect(everything.files.count == 3 && everything.recognisedTrees.isEmpty)
        #expect(stabilityReport(from: everything).recognisedTrees.isEmpty)
    }

    @Test func selectingAPathKeepsTheTreesAtAndAboveIt() {
        var history = SnapshotBuilder()
        history.commit("add", day: 0, changes: F.adds(["src/a.c", "src/testdata/x", "web/fixtures/y"]))
        let report = stabilityReport(from: AnalysisInput(snapshot: F.tip(history), settings: .init(now: 0)))
        let paths = { (path: String) in
            report.selecting(ReportSelection(path: RepoPath(path))).recognisedTrees.map(\.tree.path.string)
        }
        #expect(paths("src") == ["src/testdata"])
        #expect(paths("src/testdata/x") == ["src/testdata"])
        #expect(paths("web").count == 1 && paths("lib").isEmpty)
    }

    @Test func gitmodulesPaths() {
        let text = """
            [submodule "sha1dc"]
            \tpath = sha1collisiondetection
            \turl = https://example.com/sha1dc.git
            # path = commented/out
            [submodule "quoted"]
              path = "deps/with space/"
              url = x
            """
        #expect(
            submodulePaths(inGitmodules: text) == [RepoPath("sha1collisiondetection"), RepoPath("deps/with space")])
    }
}
