import Foundation

/// Builds a history that exercises every kind of change the index must reproduce.
public enum KitchenSink {
    /// A repository with adds, edits, deletes, renames (pure and with edits), binaries, a merge,
    /// an empty commit, `.mailmap`, odd paths (spaces, unicode, newline, non-UTF-8), a symlink,
    /// a mode change, a type change, a submodule, a revert and trailers.
    public static func make() throws -> FixtureRepository {
        let repo = try FixtureRepository()
        let readme = (1...10).map { "Readme line \($0)" }.joined(separator: "\n") + "\n"
        try repo.write("README.md", readme)
        try repo.write("src/main.c", (1...10).map { "int main_\($0);" }.joined(separator: "\n") + "\n")
        try repo.write("src/util.c", (1...20).map { "int util_\($0);" }.joined(separator: "\n") + "\n")
        try repo.write("docs/guide.md", "# Guide\nstep one\nstep two\n")
        try repo.write("image.png", data: Data([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]))
        try repo.write(".mailmap", "Ada Lovelace <ada@example.com> <ada@old.example>\n")
        try repo.commit("feat: initial import", day: 0, author: "ada", email: "ada@old.example")

        try repo.write(
            "src/main.c", (1...12).map { $0 == 4 ? "int changed;" : "int main_\($0);" }.joined(separator: "\n") + "\n")
        try repo.commit(
            "fix: crash in main\n\nThe loop ran past the end.\n\nFixes: 0123456789abcdef0123456789abcdef01234567\nCo-authored-by: Grace Hopper <grace@example.com>",
            day: 1)

        try repo.remove("docs/guide.md")
        try repo.commit("docs: drop the guide", day: 2)

        try FileManager.default.createDirectory(
            at: repo.root.appendingPathComponent("lib"), withIntermediateDirectories: true)
        try repo.git(["mv", "src/util.c", "lib/util.c"])
        try repo.commit("refactor: move util to lib", day: 3)

        try repo.remove("README.md")
        try repo.write("README.txt", readme.replacingOccurrences(of: "Readme line 5", with: "Readme line five"))
        try repo.commit("docs: readme as text", day: 4)

        try repo.write("image.png", data: Data([0x89, 0x50, 0x4e, 0x47, 0, 9, 9, 9, 9]))
        try repo.commit("art: new logo", day: 5)

        try repo.commit("chore: empty commit", day: 6)

        try repo.write("dir with space/file name.txt", "spaced\n")
        try repo.write("unicodé/ñ.txt", "unicode\n")
        try repo.write("new\nline.txt", "newline in the name\n")
        try repo.commit("test: odd paths", day: 7)

        try repo.git(["checkout", "-q", "-b", "side"])
        try repo.write("lib/util.c", (1...21).map { "int util_\($0);" }.joined(separator: "\n") + "\n")
        try repo.commit("feat: side work", day: 8)
        try repo.git(["checkout", "-q", "main"])
        try repo.write("src/main.c", "int only;\n")
        try repo.commit("refactor: shrink main", day: 9)
        try repo.git(["merge", "-q", "--no-ff", "-m", "Merge branch 'side'", "side"], day: 10)

        try FileManager.default.createSymbolicLink(
            atPath: repo.root.appendingPathComponent("link").path, withDestinationPath: "src/main.c")
        try repo.git(["update-index", "--chmod=+x", "--add", "src/main.c"])
        try repo.commit("build: link and executable bit", day: 11, stageAll: false)
        try repo.git(["add", "-A"])
        try repo.commit("build: add link", day: 11)

        try repo.stage(
            pathBytes: Array("bytes-".utf8) + [0xff, 0xfe] + Array(".txt".utf8), content: Data("latin\n".utf8))
        try repo.commit("test: a path that is not UTF-8", day: 12, stageAll: false)

        try repo.write("lib/util.c", "int replaced;\n")
        let bad = try repo.commit("feat: rewrite util", day: 13)
        try repo.git(["revert", "--no-edit", bad], day: 14)

        try repo.remove("link")
        try repo.write("link", "now a regular file\nwith two lines\n")
        try repo.commit("build: link becomes a file", day: 15)

        try repo.git(["update-index", "--add", "--cacheinfo", "160000,\(bad),vendor/sub"])
        try repo.commit("build: vendor a submodule", day: 16, stageAll: false)
        try repo.git(["update-index", "--cacheinfo", "160000,\(try repo.head()),vendor/sub"])
        try repo.commit("build: bump the submodule", day: 17, stageAll: false)
        return repo
    }
}
