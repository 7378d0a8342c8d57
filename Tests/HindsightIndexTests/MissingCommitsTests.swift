import Foundation
import HindsightCore
import HindsightGit
import HindsightIndex
import HindsightTestSupport
import Testing

/// How far the index is behind HEAD: the commits a mine would add, counted without mining.
@Suite struct MissingCommitsTests {
    @Test func countsTheCommitsAMineWouldAddAndStopsPastTheLimit() throws {
        let repo = try FixtureRepository()
        try repo.importLinearHistory(commits: 5)
        try mine(repo)
        let store = try IndexStore(url: repo.root.appendingPathComponent(".git/hindsight/index.sqlite"))
        let git = try GitRepository(path: repo.root.path)
        let head = try #require(try git.resolveCommit())
        #expect(try store.missingCommitCount(from: head, in: git, limit: 10) == 0)
        for day in 1...3 {
            try repo.write("new.txt", "\(day)\n")
            try repo.commit("feat: step \(day)", day: day)
        }
        try repo.git(["checkout", "-q", "-b", "side", "HEAD~1"])
        try repo.write("side.txt", "side\n")
        try repo.commit("feat: side", day: 4)
        try repo.git(["checkout", "-q", "main"])
        try repo.git(["merge", "-q", "--no-ff", "-m", "merge side", "side"], day: 5)
        let newHead = try #require(try git.resolveCommit())
        // 3 on main, the side commit, the merge.
        #expect(try store.missingCommitCount(from: newHead, in: git, limit: 10) == 5)
        #expect(try store.missingCommitCount(from: newHead, in: git, limit: 4) == nil)
        try mine(repo)
        #expect(try store.missingCommitCount(from: newHead, in: git, limit: 10) == 0)
    }
}
