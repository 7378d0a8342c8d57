import Foundation
import HindsightTestSupport
import Testing

/// A branch that still edits a file's old path, merged after main moved the file: merges are not
/// diffed, so the branch's change stays recorded under the old path. The report must fold it onto
/// the new path (the move was seen on another line of history) and never show the old path, which
/// HEAD's tree does not have, as a live file.
@Suite struct MergedMoveTests {
    static func history() throws -> FixtureRepository {
        let repo = try FixtureRepository()
        try repo.write("src/repo.c", (1...20).map { "int line\($0) = \($0);\n" }.joined())
        try repo.write("src/other.c", "int other = 1;\n")
        _ = try repo.commit("feat: repository", day: 0)
        try repo.git(["checkout", "-q", "-b", "feature"])
        try repo.write("src/repo.c", (1...20).map { "int line\($0) = \($0 == 3 ? 33 : $0);\n" }.joined())
        _ = try repo.commit("feat: tune line 3 on the branch", day: 1)
        try repo.write("src/gone.c", "int gone = 1;\n")
        _ = try repo.commit("feat: a file only the branch adds and deletes", day: 2)
        try repo.remove("src/gone.c")
        _ = try repo.commit("refactor: drop it again", day: 3)
        try repo.git(["checkout", "-q", "main"])
        try repo.remove("src/repo.c")
        try repo.write("src/lib/repo.c", (1...20).map { "int line\($0) = \($0);\n" }.joined())
        _ = try repo.commit("refactor: move the repository code", day: 4)
        try repo.git(["merge", "-q", "--no-edit", "feature"], day: 5)
        return repo
    }

    @Test func noPathHeadLacksIsALiveFile() throws {
        let repo = try Self.history()
        let tree = Set(
            try repo.gitText(["ls-tree", "-r", "--name-only", "HEAD"]).split(separator: "\n").map(String.init))
        #expect(tree == ["src/lib/repo.c", "src/other.c"], "the merge applied the branch's edit to the moved file")
        let result = try HindsightBinary.run(
            ["report", "--format", "json", "--include-deleted"], in: repo.root, environment: repo.environment())
        #expect(result.status == 0, "\(result.error)")
        let json = try #require(try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any])
        let files = try #require(json["files"] as? [[String: Any]])
        let live = files.filter { $0["deleted"] as? Bool == false }.compactMap { $0["path"] as? String }
        #expect(live.sorted() == tree.sorted(), "live files are exactly HEAD's tree")
        #expect(Set(live).count == live.count, "no path appears twice")
        // git log --follow on the new path names the three commits that touched the file.
        let followed = try repo.gitText(["log", "--follow", "--format=%H", "--", "src/lib/repo.c"])
            .split(separator: "\n").count
        #expect(files.first { $0["path"] as? String == "src/lib/repo.c" }?["commits"] as? Int == followed)
        #expect(followed == 3)
        #expect(files.contains { $0["path"] as? String == "src/gone.c" && $0["deleted"] as? Bool == true })
    }

    @Test func historyGivesEveryChangeAPathHeadHasOrNone() throws {
        let repo = try Self.history()
        let tree = Set(
            try repo.gitText(["ls-tree", "-r", "--name-only", "HEAD"]).split(separator: "\n").map(String.init))
        let result = try HindsightBinary.run(
            ["history", "--format", "json"], in: repo.root, environment: repo.environment())
        #expect(result.status == 0, "\(result.error)")
        let json = try #require(try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any])
        let rows = try #require(json["rows"] as? [[String: Any]])
        let current = rows.compactMap { $0["currentPath"] as? String }
        #expect(Set(current).isSubset(of: tree), "\(Set(current).subtracting(tree))")
        let branchEdit = rows.first { $0["path"] as? String == "src/repo.c" && $0["status"] as? String == "M" }
        #expect(branchEdit?["currentPath"] as? String == "src/lib/repo.c")
        #expect(rows.contains { $0["path"] as? String == "src/gone.c" && $0["currentPath"] is NSNull })
    }
}
