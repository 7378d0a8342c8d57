import HindsightConfig
import HindsightCore

extension BacktestRunner {
    /// Sends to notice the kinds that do not fit the alarm budget beside kinds that pay more, and
    /// scores the shipped set (what still runs at warning or above) beside the baselines flagging as
    /// many commits. Nothing changes when the window is too small to judge.
    ///
    /// - Returns: the commits the shipped set flags.
    func keepToBudget(
        _ result: inout BacktestResult, truth: GroundTruth, addedLines: [Int: Int], bugScore: [Int: Double]
    ) -> Set<Int> {
        guard result.tooSmall == nil else { return [] }
        let window = result.window.commits
        let below = Set(result.kindsBelowThreshold)
        let configured = configuration.check.severities
        let budget = AlarmBudget(result.alarmBudget).apply(kinds: result.kinds, flags: result.flags, window: window) {
            kind in
            let severity =
                configured[kind]
                ?? (below.contains(kind) ? .notice : GuardKind.named(kind)?.defaultSeverity ?? .warning)
            return severity >= .warning
        }
        result.overBudget = budget.overBudget
        let fixInducing = truth.commits.intersection(window)
        result.shipped = BacktestScore(commits: window.count, truth: fixInducing, flagged: budget.flagged)
        result.shippedBaselines = BacktestBaseline.allCases.map { baseline in
            KindRecord(
                name: baseline.rawValue,
                score: baseline.score(
                    flagging: budget.flagged.count, of: window, truth: fixInducing, addedLines: addedLines,
                    bugScore: bugScore))
        }
        return budget.flagged
    }
}
