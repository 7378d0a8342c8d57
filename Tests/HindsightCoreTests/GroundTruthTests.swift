import Testing

@testable import HindsightCore

/// The backtest's explicit ground truth (Fixes: trailers, reverts) and its arithmetic.
@Suite struct GroundTruthTests {
    /// A and B in the window; C reverts B; D names A in a Fixes: trailer; E names an issue, not a commit.
    static func history() -> (HistorySnapshot, [String: CommitID]) {
        var builder = SnapshotBuilder()
        var ids: [String: CommitID] = [:]
        ids["A"] = builder.commit("feat: a", day: 0, changes: [(.added, "a.c", 3, 0)])
        ids["B"] = builder.commit("feat: b", day: 1, changes: [(.added, "b.c", 3, 0)])
        ids["C"] = builder.commit("Revert \"feat: b\"", day: 2, changes: [(.deleted, "b.c", 0, 3)], revert: ids["B"])
        let prefix = String(ids["A"]?.hex.prefix(40) ?? "")
        ids["D"] = builder.commit(
            "fix: a", day: 3, changes: [(.modified, "a.c", 1, 1)], fixes: ["\(prefix) (\"feat: a\")"])
        ids["E"] = builder.commit("fix: issue", day: 4, changes: [(.modified, "a.c", 1, 1)], fixes: ["#123"])
        return (builder.snapshot, ids)
    }

    @Test func trailersAndRevertsNameTheWindowsCommitsEachWithItsSource() {
        let (snapshot, _) = Self.history()
        let truth = explicitGroundTruth(in: snapshot, window: 0..<3, until: 5)
        #expect(truth.commits == [0, 1])
        #expect(truth.commits(from: .fixesTrailer) == [0])
        #expect(truth.commits(from: .reverted) == [1])
        #expect(truth.commits(from: .szz).isEmpty)
    }

    @Test func nothingAfterUntilCountsAndNothingOutsideTheWindowIsNamed() {
        let (snapshot, _) = Self.history()
        #expect(explicitGroundTruth(in: snapshot, window: 0..<3, until: 3).commits == [1])
        #expect(explicitGroundTruth(in: snapshot, window: 1..<3, until: 5).commits == [1])
        #expect(explicitGroundTruth(in: snapshot, window: 0..<3, until: 2).commits.isEmpty)
    }

    @Test func fixesValuesResolveByUniquePrefixOnly() {
        let byHex = [
            "0123456789abcdef0123456789abcdef01234567": 0, "0123456fffffffffffffffffffffffffffffffff": 1,
            "89abcdef0123456789abcdef0123456789abcdef": 2,
        ]
        #expect(commitIndex(named: "89abcde (\"subject\")", in: byHex) == 2)
        #expect(commitIndex(named: "0123456", in: byHex) == nil)  // two commits share it
        #expect(commitIndex(named: "01234567", in: byHex) == 0)
        #expect(commitIndex(named: "89ABCDEF0123", in: byHex) == 2)
        #expect(commitIndex(named: "abc12", in: byHex) == nil)  // too short to be an id
        #expect(commitIndex(named: "#123", in: byHex) == nil)
    }

    /// 10 commits, 4 fix-inducing, 3 flagged of which 2 hit.
    @Test func theMetricsMatchAHandComputedExample() {
        let score = BacktestScore(commits: 10, truth: [1, 2, 3, 4], flagged: [1, 2, 9])
        #expect(score.hits == 2)
        #expect(score.alarmRate == 0.3)
        #expect(score.recall == 0.5)
        #expect(abs(score.precision - 2.0 / 3.0) < 1e-12)
        #expect(score.baseRate == 0.4)
        #expect(abs(score.lift - (2.0 / 3.0) / 0.4) < 1e-12)
        let empty = BacktestScore(commits: 0, truth: [], flagged: [])
        #expect(empty.alarmRate == 0 && empty.recall == 0 && empty.precision == 0 && empty.lift == 0)
    }

    @Test func sourcesAreOrderedByTrust() {
        #expect(FixInducingSource.allCases.sorted() == [.fixesTrailer, .reverted, .szz])
    }
}
