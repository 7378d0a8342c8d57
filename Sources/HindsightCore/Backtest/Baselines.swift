/// What a guard set must beat: simple ways of flagging the same number of commits.
public enum BacktestBaseline: String, CaseIterable, Sendable {
    /// Commits picked at random: the expected figures (hits = flagged × base rate), so its lift is 1.
    case random
    /// The commits that added the most lines.
    case mostAddedLines = "most-added-lines"
    /// The commits touching the files with the highest bug score at the cut.
    case topBugScoreFiles = "top-bug-score-files"

    /// The baseline's score when it flags `flagged` of `commits`.
    ///
    /// - Parameters:
    ///   - addedLines: lines each commit added.
    ///   - bugScore: per commit, the highest bug score (at the cut) of the files it touches; commits
    ///     touching no scored file are never flagged by `topBugScoreFiles`.
    public func score(
        flagging flagged: Int, of commits: [Int], truth: Set<Int>, addedLines: [Int: Int], bugScore: [Int: Double]
    ) -> BacktestScore {
        let inWindow = truth.intersection(commits)
        switch self {
        case .random:
            let expected = commits.isEmpty ? 0 : Double(flagged * inWindow.count) / Double(commits.count)
            var score = BacktestScore(
                commits: commits.count, fixInducing: inWindow.count, flagged: flagged, hits: Int(expected.rounded()))
            score.expectedHits = expected
            return score
        case .mostAddedLines:
            let ranked = commits.sorted { (addedLines[$0] ?? 0, $1) > (addedLines[$1] ?? 0, $0) }
            return BacktestScore(commits: commits.count, truth: inWindow, flagged: Set(ranked.prefix(flagged)))
        case .topBugScoreFiles:
            let ranked = commits.filter { (bugScore[$0] ?? 0) > 0 }.sorted {
                (bugScore[$0] ?? 0, $1) > (bugScore[$1] ?? 0, $0)
            }
            return BacktestScore(commits: commits.count, truth: inWindow, flagged: Set(ranked.prefix(flagged)))
        }
    }
}
