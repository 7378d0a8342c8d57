import HindsightConfig
import HindsightCore
import HindsightGit

/// Which commits of a stretch of history later needed a fix, by the backtest's three sources
/// (`Fixes:` trailers, reverts, SZZ by content): read from the index plus each involved commit's
/// diff. The backtest scores its replay with these labels and the change-risk model learns from them.
struct FixInducingReader {
    let git: GitRepository
    let options: HistoryOptions

    /// The commits of `window` (snapshot indices) that a later commit up to `until` names, reverts,
    /// or whose lines a later fix removed.
    func truth(of window: Range<Int>, until: Int, in input: AnalysisInput) throws -> GroundTruth {
        guard !window.isEmpty else { return GroundTruth() }
        let snapshot = input.snapshot
        var truth = explicitGroundTruth(in: snapshot, window: window, until: until + 1)
        let first = window.lowerBound
        let fixes = (first + 1...max(first + 1, until)).filter { $0 <= until && input.isFix[$0] }
        for origins in try origins(of: fixes, tracedFrom: window.lowerBound..<(until + 1), in: snapshot).values {
            for origin in origins where window.contains(origin) { truth.add(origin, .szz) }
        }
        return truth
    }

    /// Each fix's SZZ origins within `window`, read from the fixes' and their ancestors' diffs.
    func origins(of fixes: [Int], tracedFrom window: Range<Int>, in snapshot: HistorySnapshot) throws -> [Int: Set<Int>]
    {
        var failure: (any Error)?
        let traced = szzOrigins(in: snapshot, window: window, fixes: fixes) { commit in
            do {
                return try git.changedLines(of: snapshot.commits[commit].id, options: options)
            } catch {
                failure = failure ?? error
                return [:]
            }
        }
        if let failure { throw failure }
        return traced
    }
}

/// Learns the `risky-change` model from a history: its latest non-merge commits that landed at
/// least the grace period before its tip (so each had that long for its fix to appear), labelled as
/// the backtest labels its window, with the change features of ``RiskHistory``.
struct RiskTrainer {
    let labels: FixInducingReader
    let settings: GuardsConfiguration

    /// The model of `input`'s history (its tip is the last commit it may read), or nil when fewer
    /// than 50 commits qualify or they do not hold both outcomes; `history` is its ``RiskHistory``
    /// when computed already.
    func train(_ input: AnalysisInput, graceDays: Int, history: RiskHistory? = nil) throws -> RiskModel? {
        let commits = input.snapshot.commits
        guard let tip = commits.indices.last else { return nil }
        let end = commits[tip].commitTime - Int64(graceDays) * 86_400
        let candidates = Array(
            commits.indices.filter { !commits[$0].isMerge && commits[$0].commitTime <= end }
                .suffix(settings.riskTrainingCommits))
        guard candidates.count >= 50, let first = candidates.first, let last = candidates.last else { return nil }
        let truth = try labels.truth(of: first..<(last + 1), until: tip, in: input)
        let history = history ?? RiskHistory(input: input)
        let samples = candidates.compactMap { index in
            history.features[index].map {
                RiskSample(commit: input.reference(index), features: $0, fixInducing: truth.sources[index] != nil)
            }
        }
        return RiskModel.fit(samples, alarmBudget: settings.alarmBudget, trainedAt: commits[tip].id)
    }
}
