import Foundation
import HindsightCore
import HindsightIndex
import HindsightTestSupport
import Testing

@Suite struct RepositoryShapeTests {
    @Test func shallowCloneMinesWhatIsPresent() throws {
        let origin = try KitchenSink.make()
        let scratch = try FixtureRepository()
        let clone = try scratch.clone("file://\(origin.root.path)", named: "shallow", options: ["--depth", "4"])
        let outcome = try Miner.mine(repositoryPath: clone.path, request: MineRequest(workers: 2))
        guard case .mined(let summary) = outcome else {
            Issue.record("nothing mined")
            return
        }
        #expect(summary.isShallow)
        let store = try IndexStore(url: clone.appendingPathComponent(".git/hindsight/index.sqlite"))
        let expected = try GitOracle.rows(in: clone, renames: true, environment: scratch.environment())
        #expect(Set(try store.history().map(OracleRow.init)) == Set(expected))
        #expect(try store.commits().filter(\.isShallowBoundary).count >= 1)

        // Deepening moves the boundary: the index is rebuilt and matches the full history.
        try ProcessRunner.run(
            "/usr/bin/env", ["git", "fetch", "-q", "--unshallow"], in: clone,
            environment: scratch.environment()
        ).requireSuccess("git fetch --unshallow")
        guard case .mined(let deeper) = try Miner.mine(repositoryPath: clone.path, request: MineRequest(workers: 2))
        else {
            Issue.record("nothing mined")
            return
        }
        #expect(deeper.rebuiltBecause != nil)
        #expect(!deeper.isShallow)
        let full = try GitOracle.rows(in: clone, renames: true, environment: scratch.environment())
        let rebuilt = try IndexStore(url: clone.appendingPathComponent(".git/hindsight/index.sqlite"))
        #expect(Set(try rebuilt.history().map(OracleRow.init)) == Set(full))
    }

    @Test func linkedWorktreesShareOneIndex() throws {
        let repo = try KitchenSink.make()
        let worktree = repo.home.appendingPathComponent("wt")
        try repo.git(["worktree", "add", "-q", "-b", "wt", worktree.path, "HEAD~2"])
        try Miner.mine(repositoryPath: worktree.path, request: MineRequest(workers: 2))
        #expect(
            FileManager.default.fileExists(atPath: repo.root.appendingPathComponent(".git/hindsight/index.sqlite").path)
        )
        let expected = try GitOracle.rows(in: worktree, renames: true, environment: repo.environment())
        #expect(Set(try indexedRows(repo)) == Set(expected))
    }

    @Test func bareRepositoryIsMined() throws {
        let origin = try KitchenSink.make()
        let scratch = try FixtureRepository()
        let bare = try scratch.clone(origin.root.path, named: "bare.git", options: ["--bare"])
        try Miner.mine(repositoryPath: bare.path, request: MineRequest(workers: 2))
        let store = try IndexStore(url: bare.appendingPathComponent("hindsight/index.sqlite"))
        let expected = try GitOracle.rows(in: bare, renames: true, environment: scratch.environment())
        #expect(Set(try store.history().map(OracleRow.init)) == Set(expected))
    }

    @Test func commitMetadataIsStoredAfterMailmap() throws {
        let repo = try KitchenSink.make()
        try mine(repo)
        let store = try IndexStore(url: repo.root.appendingPathComponent(".git/hindsight/index.sqlite"))
        let commits = try store.commits()
        #expect(
            commits.count
                == Int(
                    try repo.gitText(["rev-list", "--count", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)))
        let first = try #require(commits.last?.commit)
        #expect(first.author == Person(name: "Ada Lovelace", email: "ada@example.com"))
        #expect(first.authorTime == GitTime(seconds: Int64(FixtureRepository.epoch), offsetMinutes: 0))
        let fix = try #require(commits.first { $0.commit.message.subject == "fix: crash in main" }?.commit)
        #expect(fix.message.body.hasPrefix("The loop ran past the end."))
        #expect(fix.message.fixesReferences == ["0123456789abcdef0123456789abcdef01234567"])
        #expect(fix.message.coAuthors == [Person(name: "Grace Hopper", email: "grace@example.com")])
        let merge = try #require(commits.first { $0.commit.isMerge }?.commit)
        #expect(merge.parents.count == 2)
        #expect(try store.history().allSatisfy { $0.commit != merge.id })
        let revert = try #require(commits.first { $0.commit.message.subject.hasPrefix("Revert") }?.commit)
        let reverted = try #require(commits.first { $0.commit.message.subject == "feat: rewrite util" }?.commit)
        #expect(revert.message.revertedCommit == reverted.id)
    }

    @Test func historicalPathsResolveToCurrentOnes() throws {
        let repo = try KitchenSink.make()
        try mine(repo)
        let store = try IndexStore(url: repo.root.appendingPathComponent(".git/hindsight/index.sqlite"))
        let util = try store.history(under: RepoPath("lib/util.c"))
        #expect(util.contains { $0.change.path == RepoPath("src/util.c") && $0.change.status == .added })
        #expect(util.allSatisfy { $0.currentPath == RepoPath("lib/util.c") })
        let guide = try store.history(under: RepoPath("docs"))
        #expect(guide.count == 2)
        #expect(guide.allSatisfy { $0.currentPath == nil })
    }
}
