import Testing

@testable import HindsightCore

/// The shipped set keeps to the alarm budget, keeping the kinds whose alarms pay most.
@Suite struct AlarmBudgetTests {
    @Test func kindsAreKeptByLiftUntilTheBudgetIsSpent() {
        let window = Array(1...20)
        let truth: Set<Int> = [1, 2, 3]
        var flags = BacktestFlags()
        let flaggedBy: [String: [Int]] = [
            "co-change": [1, 2], "fix-needs-test": [3, 4, 5, 6], "recurring-pattern": [1], "stable-file": Array(1...10),
        ]
        for (kind, commits) in flaggedBy {
            for commit in commits {
                flags.record(
                    [
                        Finding(
                            ruleID: kind, kind: kind, severity: .warning, path: RepoPath("a.c"), message: "",
                            action: "",
                            suppression: "", fingerprint: kind)
                    ], for: commit)
            }
        }
        let kinds = flaggedBy.keys.sorted().map { kind in
            KindRecord(
                name: kind,
                score: BacktestScore(commits: 20, truth: truth, flagged: Set(flaggedBy[kind] ?? [])))
        }
        // Lifts: recurring-pattern 6.67, co-change 6.67 (more alarms), fix-needs-test 1.67; stable-file ships at notice.
        let result = AlarmBudget(0.2).apply(kinds: kinds, flags: flags, window: window) { $0 != "stable-file" }
        #expect(result.overBudget == ["fix-needs-test"], "4 alarms allowed: 1 and 2, then 3–6 would make 6")
        #expect(result.flagged == [1, 2])
        let roomy = AlarmBudget(0.5).apply(kinds: kinds, flags: flags, window: window) { $0 != "stable-file" }
        #expect(roomy.overBudget.isEmpty && roomy.flagged == [1, 2, 3, 4, 5, 6])
    }
}
