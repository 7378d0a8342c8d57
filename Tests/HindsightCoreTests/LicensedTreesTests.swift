import Testing

@testable import HindsightCore

/// The vendored-by-license rule: a license of its own, and files that mostly arrived in bulk.
@Suite struct LicensedTreesTests {
    typealias F = TreeFixtures
    static let rootLicense = "MIT License\n\nCopyright (c) the project\n"

    /// A project with a root license and a few files of its own.
    static func project() -> SnapshotBuilder {
        var history = SnapshotBuilder()
        history.commit("feat: start", day: 0, changes: F.adds(["LICENSE", "src/main.c", "src/util.c"]))
        return history
    }

    @Test func aBulkImportWithItsOwnLicenseIsVendored() throws {
        var history = Self.project()
        let zlib = ["deps/zlib/LICENSE", "deps/zlib/zlib.h", "deps/zlib/inflate.c", "deps/zlib/deflate.c"]
        history.commit("deps: import zlib", day: 10, changes: F.adds(zlib))
        history.commit("zlib: fix a warning", day: 20, changes: F.edits(["deps/zlib/inflate.c"]))
        history.commit("feat: use zlib", day: 30, changes: F.adds(["deps/zlib/CMakeLists.txt"]))
        let trees = F.trees(F.tip(history, licenses: ["LICENSE": Self.rootLicense, zlib[0]: "zlib license\n"]))
        let tree = try #require(trees.first)
        #expect(trees.count == 1)
        #expect(tree.path == RepoPath("deps/zlib") && tree.kind == .vendored && tree.files == 5)
        #expect(tree.reason == "own license deps/zlib/LICENSE, arrived in bulk (4 of 5 files in 1 commit)")
    }

    /// libgit2's `examples/`: its own CC0 COPYING, but written here, a file or two at a time.
    @Test func aLicensedDirectoryBuiltUpFileByFileIsNot() {
        var history = Self.project()
        history.commit("examples: add", day: 1, changes: F.adds(["examples/COPYING", "examples/init.c"]))
        for day in 2..<10 {
            history.commit("examples: more", day: Double(day), changes: F.adds(["examples/e\(day).c"]))
        }
        history.commit("examples: common", day: 11, changes: F.adds(["examples/common.c", "examples/common.h"]))
        #expect(F.summary(F.tip(history, licenses: ["examples/COPYING": "CC0\n"])).isEmpty)
    }

    /// git's `t/unit-tests/clar`: imported, then updated from upstream twice; a local file or two.
    @Test func anImportAndUpstreamUpdatesAreVendored() throws {
        var history = Self.project()
        history.commit(
            "t: import the clar unit testing framework", day: 1,
            changes: F.adds(["t/clar/COPYING", "t/clar/clar.c", "t/clar/clar.h", "t/clar/fs.h", "t/clar/print.h"]))
        history.commit(
            "t/clar: update to 206accb", day: 5,
            changes: F.adds(["t/clar/a.c", "t/clar/b.c", "t/clar/c.c", "t/clar/d.c"]) + F.edits(["t/clar/clar.c"]))
        history.commit("t/clar: fix for NonStop", day: 6, changes: F.adds(["t/clar/nonstop.h"]))
        let tree = try #require(F.trees(F.tip(history)).first)
        #expect(tree.reason == "own license t/clar/COPYING, arrived in bulk (9 of 10 files in 2 commits)")
    }

    /// ripgrep's crates copy the root's LICENSE-MIT and UNLICENSE: the project's own, however they arrived.
    @Test(arguments: [
        (rootText: LicensedTreesTests.rootLicense, isVendored: false), (rootText: "Other license\n", isVendored: true),
    ])
    func aCopyOfTheRootLicenseIsTheProjectsOwn(rootText: String, isVendored: Bool) {
        var history = Self.project()
        history.commit(
            "index: add grep-index crate", day: 3,
            changes: F.adds(["crates/index/LICENSE-MIT", "crates/index/Cargo.toml", "crates/index/src/lib.rs"]))
        // Line endings and trailing blanks do not make a copy someone else's.
        let copy = Self.rootLicense.replacingOccurrences(of: "\n", with: " \r\n") + "\r\n"
        let snapshot = F.tip(history, licenses: ["LICENSE": rootText, "crates/index/LICENSE-MIT": copy])
        #expect(F.summary(snapshot) == (isVendored ? ["crates/index vendored"] : []))
    }

    /// A directory moved in one commit keeps the history of its files: a move is no import.
    @Test func movingADirectoryIsNoImport() {
        var history = Self.project()
        history.commit("globset: start", day: 1, changes: F.adds(["globset/COPYING", "globset/lib.rs"]))
        for day in 2..<8 { history.commit("globset: more", day: Double(day), changes: F.adds(["globset/m\(day).rs"])) }
        let files = ["COPYING", "lib.rs"] + (2..<8).map { "m\($0).rs" }
        history.commit(
            "repo: move all source code in crates directory", day: 9,
            changes: files.map { (.renamed, "globset/\($0)->crates/globset/\($0)", 0, 0) })
        #expect(F.summary(F.tip(history, licenses: ["crates/globset/COPYING": "own\n"])).isEmpty)
    }

    /// requests' `docs/_themes`: the import brought twelve files, most dropped since; what is left
    /// still came in with it.
    @Test func anImportWhoseFilesWereMostlyDroppedSinceIsVendored() throws {
        var history = Self.project()
        let themes = ["LICENSE", "support.py"] + (0..<6).map { "kr/theme\($0).html" }
        history.commit("added krthemes", day: 1, changes: F.adds(themes.map { "docs/_themes/\($0)" }))
        history.commit(
            "docs: drop the old themes", day: 5,
            changes: (0..<6).map { (.deleted, "docs/_themes/kr/theme\($0).html", 0, 1) })
        history.commit("docs: ignore builds", day: 6, changes: F.adds(["docs/_themes/.gitignore"]))
        let tree = try #require(F.trees(F.tip(history)).first)
        #expect(tree.reason == "own license docs/_themes/LICENSE, arrived in bulk (2 of 3 files in 1 commit)")
    }

    /// An import moved to another folder later is still an import.
    @Test func aMovedImportIsVendored() {
        var history = Self.project()
        history.commit("import x", day: 1, changes: F.adds(["third/x/LICENSE", "third/x/x.c", "third/x/x.h"]))
        history.commit(
            "build: move x under deps", day: 2,
            changes: ["LICENSE", "x.c", "x.h"].map { (.renamed, "third/x/\($0)->deps/x/\($0)", 0, 0) })
        #expect(F.summary(F.tip(history)) == ["deps/x vendored"])
    }

    /// A first commit (or a shallow clone's) creates everything, a licensed folder among the rest.
    @Test func aCommitCreatingMostlyOtherFilesIsNoImport() {
        var history = SnapshotBuilder()
        history.commit(
            "Initial import", day: 0,
            changes: F.adds(["lib/foo/LICENSE", "lib/foo/foo.c"] + (0..<5).map { "src/file\($0).c" }))
        #expect(F.summary(F.tip(history)).isEmpty)
    }

    @Test func vendoredTreesNeedTheTipsPaths() {
        var history = Self.project()
        history.commit("lib: import", day: 1, changes: F.adds(["lib/x/LICENSE", "lib/x/x.c", "lib/x/x.h"]))
        #expect(F.summary(F.tip(history)) == ["lib/x vendored"])
        #expect(F.summary(F.tip(history, byNameOnly: true)).isEmpty, "a license outside deps/ needs the tip's paths")
    }

    @Test(arguments: [
        ("LICENSE", true), ("licence.md", true), ("COPYING.GPL", true), ("LICENSE-MIT", true), ("UNLICENSE", true),
        ("License_1_0.txt", true), ("COPYING", true), ("license.go", false), ("LICENSES", false),
        ("licensee.rb", false), ("copyright", false), ("README", false),
    ])
    func licenseFileNames(name: String, isLicense: Bool) {
        #expect(isLicenseFileName(Array(name.utf8)[...]) == isLicense)
    }
}
