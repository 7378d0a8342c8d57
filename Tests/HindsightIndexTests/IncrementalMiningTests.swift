import Foundation
import HindsightCore
import HindsightIndex
import HindsightTestSupport
import Testing

@Suite struct IncrementalMiningTests {
    private func oracle(_ repo: FixtureRepository) throws -> Set<OracleRow> {
        Set(try GitOracle.rows(in: repo.root, renames: true, environment: repo.environment()))
    }

    @Test func newCommitIsAddedWithoutRemining() throws {
        let repo = try KitchenSink.make()
        try mine(repo)
        try repo.write("src/new.c", "int fresh;\n")
        try repo.git(["add", "src/new.c"])
        try repo.commit("feat: one more", day: 20, stageAll: false)
        guard case .mined(let summary) = try mine(repo) else {
            Issue.record("nothing mined")
            return
        }
        #expect(summary.newCommits == 1)
        #expect(summary.newChanges == 1)
        #expect(Set(try indexedRows(repo)) == (try oracle(repo)))
    }

    @Test func secondMineWithNoNewCommitsDoesNothing() throws {
        let repo = try KitchenSink.make()
        try mine(repo)
        guard case .mined(let summary) = try mine(repo) else {
            Issue.record("nothing mined")
            return
        }
        #expect(summary.newCommits == 0)
        #expect(summary.rebuiltBecause == nil)
    }

    @Test func amendedCommitReplacesTheOldOne() throws {
        let repo = try KitchenSink.make()
        try repo.write("a.txt", "one\n")
        let original = try repo.commit("feat: a", day: 20)
        try mine(repo)
        try repo.write("a.txt", "one\ntwo\n")
        try repo.git(["add", "-A"])
        try repo.git(["commit", "-q", "--amend", "--no-edit"], day: 21)
        try mine(repo)
        let rows = try indexedRows(repo)
        #expect(!rows.contains { $0.commit == original })
        #expect(Set(rows) == (try oracle(repo)))
    }

    @Test func rebaseAndBranchSwitchFollowTheCurrentHead() throws {
        let repo = try KitchenSink.make()
        try repo.git(["checkout", "-q", "-b", "topic", "HEAD~3"])
        try repo.write("topic.txt", "topic\n")
        try repo.commit("feat: topic", day: 20)
        try mine(repo)
        #expect(Set(try indexedRows(repo)) == (try oracle(repo)))
        try repo.git(["rebase", "-q", "main"], day: 21)
        try mine(repo)
        #expect(Set(try indexedRows(repo)) == (try oracle(repo)))
        try repo.git(["checkout", "-q", "main"])
        try repo.git(["reset", "-q", "--hard", "HEAD~2"])
        try mine(repo)
        #expect(Set(try indexedRows(repo)) == (try oracle(repo)))
        try repo.git(["checkout", "-q", "topic"])
        try mine(repo)
        #expect(Set(try indexedRows(repo)) == (try oracle(repo)))
    }

    @Test(arguments: [1, 3, 7])
    func interruptedMineResumes(stopAfter: Int) throws {
        let repo = try KitchenSink.make()
        guard case .mined(let partial) = try mine(repo, limit: stopAfter, batchSize: 2) else {
            Issue.record("nothing mined")
            return
        }
        #expect(partial.isPartial)
        #expect(partial.newCommits == stopAfter)
        try mine(repo)
        let resumed = try indexedRows(repo)
        try mine(repo, rebuild: true)
        #expect(resumed == (try indexedRows(repo)))
        #expect(Set(resumed) == (try oracle(repo)))
    }

    @Test func changedOptionsRebuildTheIndex() throws {
        let repo = try KitchenSink.make()
        try mine(repo, renames: true)
        guard case .mined(let summary) = try mine(repo, renames: false) else {
            Issue.record("nothing mined")
            return
        }
        #expect(summary.rebuiltBecause?.contains("history options changed") == true)
        #expect(
            Set(try indexedRows(repo))
                == Set(try GitOracle.rows(in: repo.root, renames: false, environment: repo.environment())))
    }

    @Test func emptyRepositoryHasNothingToMine() throws {
        let repo = try FixtureRepository()
        #expect(try mine(repo) == .nothingToMine)
    }

    @Test func mineAtRevisionIndexesThatHistoryOnly() throws {
        let repo = try KitchenSink.make()
        try mine(repo, revision: "HEAD~5")
        let expected = try GitOracle.rows(in: repo.root, renames: true, environment: repo.environment())
        let atRevision = try repo.gitText(["rev-list", "HEAD~5"]).split(separator: "\n").map(String.init)
        #expect(Set(try indexedRows(repo)) == Set(expected.filter { atRevision.contains($0.commit) }))
    }
}
