import Testing

@testable import HindsightCore

/// Which commits a backtest replays, what it scores them against, and the baselines beside it.
@Suite struct BacktestWindowTests {
    /// One commit a day for `days` days; commit 3 is a merge.
    static func daily(_ days: Int) -> HistorySnapshot {
        var builder = SnapshotBuilder()
        for day in 0..<days {
            builder.commit(
                "feat: \(day)", day: Double(day), changes: [(.modified, "f\(day % 3).c", day + 1, 0)], isMerge: day == 3
            )
        }
        return builder.snapshot
    }

    @Test func graceEndsTheWindowAndMergesAreNeverReplayed() {
        let window = BacktestWindow(
            snapshot: Self.daily(10), cut: 1, until: 9, grace: 2 * SnapshotBuilder.day, maxCommits: nil)
        #expect(window.commits == [2, 4, 5, 6, 7])
        #expect(window.leftForGrace == 2)
        #expect(window.leftForCap == 0)
        #expect(window.cut == 1 && window.until == 9)
    }

    @Test func theCapKeepsTheLatestCommitsAndMovesTheCutUpToThem() {
        let window = BacktestWindow(snapshot: Self.daily(10), cut: 1, until: 9, grace: 0, maxCommits: 3)
        #expect(window.commits == [7, 8, 9])
        #expect(window.leftForCap == 4)
        #expect(window.cut == 6, "the guards learn from everything before the first replayed commit")
    }

    /// Each commit's parent is the one before it.
    static func linear(_ count: Int) -> CommitGraph {
        CommitGraph(parents: (0..<count).map { $0 == 0 ? [] : [$0 - 1] })
    }

    @Test func theDefaultCutIsAYearBeforeTheWindowsEndElseEightyPercent() {
        var builder = SnapshotBuilder()
        for day in [0.0, 100, 200, 300, 400, 500, 600] {
            builder.commit("feat", day: day, changes: [(.modified, "a.c", 1, 0)])
        }
        let cut = BacktestPoints.defaultCut(
            until: 6, grace: 100 * SnapshotBuilder.day, in: builder.snapshot, graph: Self.linear(7))
        #expect(cut == 1, "the end is day 500; a year before it is day 135, after commit 1 (day 100)")
        let long = BacktestWindow(
            snapshot: builder.snapshot, cut: cut, until: 6, grace: 100 * SnapshotBuilder.day, maxCommits: nil)
        #expect(long.commits == [2, 3, 4, 5])
        let short = BacktestPoints.defaultCut(until: 9, grace: 0, in: Self.daily(10), graph: Self.linear(10))
        #expect(short == 7)
    }

    /// Commits 0 and 1 on the mainline; 2 and 3 on a branch from 0, authored early; the mainline
    /// goes on with 4 (day 10) and merges the branch at 5 (day 20); 6 was rebased: authored on day
    /// 1, landed on day 21.
    static func branchMergedLate() -> (snapshot: HistorySnapshot, graph: CommitGraph) {
        var builder = SnapshotBuilder()
        builder.commit("feat: start", day: 0, changes: [(.added, "a.c", 3, 0)])
        builder.commit("feat: main", day: 1, changes: [(.modified, "a.c", 1, 0)])
        builder.commit("fix: side", day: 2, changes: [(.modified, "b.c", 1, 1)])
        builder.commit("feat: side", day: 3, changes: [(.added, "c.c", 2, 0)])
        builder.commit("feat: main again", day: 10, changes: [(.modified, "a.c", 1, 0)])
        builder.commit("Merge branch 'side'", day: 20, changes: [], isMerge: true)
        builder.commit("feat: rebased", day: 1, changes: [(.modified, "a.c", 1, 1)], landedDay: 21)
        return (builder.snapshot, CommitGraph(parents: [[], [0], [0], [2], [1], [4, 3], [5]]))
    }

    @Test func aDateIsTheMainlineAsItStoodThatDayByCommitterTime() {
        let (snapshot, graph) = Self.branchMergedLate()
        let day5 = SnapshotBuilder.time(5)
        #expect(BacktestPoints.mainline(before: day5, until: 6, in: snapshot, graph: graph) == 1)
        #expect(BacktestPoints.mainline(before: SnapshotBuilder.time(20.5), until: 6, in: snapshot, graph: graph) == 5)
        #expect(graph.firstParentChain(from: 6) == [6, 5, 4, 1, 0])
        #expect(BacktestPoints.mainline(before: 0, until: 6, in: snapshot, graph: graph) == nil)
    }

    @Test func theReplayedHistoryPutsTheCutsAncestryFirstAndWhatLandedAfterIt() {
        let (snapshot, graph) = Self.branchMergedLate()
        let (history, cut) = snapshot.replayHistory(cut: 1, until: 6, graph: graph)
        #expect(
            history.commits.map(\.subject) == [
                "feat: start", "feat: main", "fix: side", "feat: side", "feat: main again", "Merge branch 'side'",
                "feat: rebased",
            ])
        #expect(cut == 1)
        #expect(history.prefix(through: cut).commits.map(\.subject) == ["feat: start", "feat: main"])
        #expect(history.changes[history.commits[3].changes].map { history.paths[$0.path] } == [RepoPath("c.c")])
        let window = BacktestWindow(snapshot: history, cut: cut, until: 6, grace: 0, maxCommits: nil)
        #expect(
            window.commits == [2, 3, 4, 6], "the branch merged after the cut landed after it; merges are not replayed")
        let graced = BacktestWindow(
            snapshot: history, cut: cut, until: 6, grace: 5 * SnapshotBuilder.day, maxCommits: nil)
        #expect(
            graced.commits == [2, 3, 4],
            "the rebased commit, authored on day 1, landed on day 21: after the end, day 16")
        #expect(graced.leftForGrace == 1)
        let untilFour = snapshot.replayHistory(cut: 1, until: 4, graph: graph).history
        #expect(untilFour.commits.map(\.subject) == ["feat: start", "feat: main", "feat: main again"])
    }

    @Test func aPrefixIsTheHistoryAsItStoodAtOneCommit() {
        let snapshot = Self.daily(10)
        let prefix = snapshot.prefix(through: 4)
        #expect(prefix.commits.count == 5)
        #expect(prefix.tip == snapshot.commits[4].id)
        #expect(prefix.changes.count == snapshot.commits[4].changes.upperBound)
        #expect(snapshot.prefix(through: 99).commits.count == 10)
    }

    /// Six commits, 2 and 5 fix-inducing; the guards flag 2 (two kinds) and 3; baselines flag two commits too.
    @Test func scoresAddUpByKindByGuardAndOverall() {
        let window = BacktestWindow(snapshot: Self.daily(8), cut: 1, until: 7, grace: 0, maxCommits: nil)
        #expect(window.commits == [2, 4, 5, 6, 7])
        var flags = BacktestFlags()
        let finding = { (kind: String, rule: String) in
            Finding(
                ruleID: rule, kind: kind, severity: .warning, path: RepoPath("a.c"), message: "", action: "",
                suppression: "", fingerprint: rule)
        }
        flags.record([finding("reintroduced-fix", "hs-1"), finding("co-change", "co-change")], for: 2)
        flags.record([finding("co-change", "co-change")], for: 4)
        let truth = GroundTruth(sources: [2: [.szz], 5: [.reverted], 0: [.szz]])
        let scores = scoreBacktest(
            window: window, truth: truth, flags: flags, kinds: ["reintroduced-fix", "co-change", "stable-file"],
            addedLines: [2: 1, 4: 50, 5: 40, 6: 3, 7: 2], bugScore: [6: 0.5, 7: 0.9])
        #expect(scores.overall == BacktestScore(commits: 5, fixInducing: 2, flagged: 2, hits: 1))
        #expect(scores.kinds.map(\.name) == ["reintroduced-fix", "co-change", "stable-file"])
        #expect(scores.kinds.map(\.score.flagged) == [1, 2, 0])
        #expect(scores.kinds.map(\.score.hits) == [1, 1, 0])
        #expect(scores.guards.map(\.name) == ["hs-1"])
        #expect(scores.kinds[0].score.lift == 2.5, "precision 1 over a base rate of 2 in 5")
        let baseline = Dictionary(uniqueKeysWithValues: scores.baselines.map { ($0.name, $0.score) })
        #expect(baseline["random"]?.expectedHits == 0.8, "2 flagged × 2/5")
        #expect(baseline["random"]?.lift == 1, "random is the yardstick")
        #expect(baseline["most-added-lines"]?.hits == 1, "commits 4 and 5")
        #expect(baseline["top-bug-score-files"]?.hits == 0, "commits 7 and 6")
    }

    @Test func aBaselineFlagsOnlyCommitsItHasAReasonFor() {
        let score = BacktestBaseline.topBugScoreFiles.score(
            flagging: 3, of: [1, 2, 3], truth: [1], addedLines: [:], bugScore: [1: 0.2])
        #expect(score.flagged == 1 && score.hits == 1)
    }
}
