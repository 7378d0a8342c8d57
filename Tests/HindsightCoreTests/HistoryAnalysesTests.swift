import Testing

@testable import HindsightCore

@Suite struct HistoryAnalysesTests {
    @Test func revertsNameWhatTheyRevertedAndReLands() {
        var history = SnapshotBuilder()
        let feature = history.commit("feat: faster parser", day: 0, changes: [(.added, "p.c", 10, 0)])
        let revert = history.commit(
            "Revert \"feat: faster parser\"", day: 1, changes: [(.deleted, "p.c", 0, 10)], revert: feature)
        history.commit("Reapply \"feat: faster parser\"", day: 2, changes: [(.added, "p.c", 10, 0)], revert: revert)
        let records = reverts(in: history.input(now: 3))
        #expect(records.count == 2)
        #expect(records[0].isReland && records[0].revertedID == revert && records[0].reverted?.id == revert)
        #expect(!records[1].isReland && records[1].reverted?.subject == "feat: faster parser")
        #expect(records[1].files == [RepoPath("p.c")])
    }

    @Test func weeksStartOnMondayAndGapsAreFilled() {
        var history = SnapshotBuilder()
        // The epoch, 2023-11-14, is a Tuesday.
        history.commit("fix: a", day: 0, changes: [(.added, "a.c", 3, 0)])
        history.commit("feat: b", day: 15, changes: [(.modified, "a.c", 1, 1)])
        let weeks = weeklyActivity(in: history.input(now: 20))
        #expect(weeks.map(\.start) == [1_699_833_600, 1_700_438_400, 1_701_043_200])  // Mondays 13, 20, 27 Nov
        #expect(weeks.map(\.commits) == [1, 0, 1])
        #expect(weeks.map(\.fixes) == [1, 0, 0])
        #expect(weeks.map(\.churn) == [3, 0, 2])
    }

    @Test func directoriesCountEachCommitOnce() throws {
        var history = SnapshotBuilder()
        history.commit(
            "add", day: 0, changes: [(.added, "src/a.c", 1, 0), (.added, "src/b.c", 1, 0), (.added, "doc/x.md", 1, 0)])
        history.commit("fix: a", day: 1, changes: [(.modified, "src/a.c", 1, 1)])
        let report = stabilityReport(from: history.input(now: 2))
        let src = try #require(report.directories.first { $0.path == RepoPath("src") })
        #expect(src.files == 2 && src.commits == 2 && src.fixCommits == 1 && src.churn == 4)
        #expect(report.summary.commits == 2 && report.summary.fixCommits == 1 && report.summary.files == 3)
    }

    @Test func selectionFiltersSortsAndCuts() {
        var history = SnapshotBuilder()
        history.commit(
            "add", day: 0, changes: [(.added, "src/a.c", 9, 0), (.added, "src/b.c", 1, 0), (.added, "doc/x.md", 5, 0)])
        let report = stabilityReport(from: history.input(now: 1))
        let selected = report.selecting(ReportSelection(path: RepoPath("src"), sort: .churn, top: 1))
        #expect(selected.files.map(\.path) == [RepoPath("src/a.c")])
        #expect(selected.omittedFiles == 1)
        #expect(report.selecting(ReportSelection(classes: [.stable])).files.isEmpty)
    }
}
