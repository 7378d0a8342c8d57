import HindsightConfig
import HindsightCore
import HindsightGit

/// What a backtest replays and how: the cut, the end, the grace period, the refresh cadence.
public struct BacktestRequest: Sendable {
    /// The last commit or date the guards may learn from (nil: the default cut).
    public var cut: String?
    /// The last commit or date whose fixes count (nil: the index's tip).
    public var until: String?
    /// Days each replayed commit must have had for its fix to appear.
    public var graceDays: Int
    /// Re-mine the guards every this many replayed commits (nil: once, at the cut).
    public var refreshEvery: Int?
    /// Replay at most this many commits, the latest (nil: all).
    public var maxCommits: Int?
    /// Lift under which a kind is proposed at notice.
    public var liftThreshold: Double
    /// Fix commits each mining reads, as `guards mine --max-fixes`.
    public var maxFixes = 500
    /// The smallest window whose figures are evidence.
    public var minimumWindow: BacktestMinimum

    /// The request the configuration's `backtest:` section gives, with no cut or end.
    public init(_ settings: BacktestConfiguration) {
        graceDays = settings.graceDays
        refreshEvery = settings.refreshEvery
        maxCommits = settings.maxCommits
        liftThreshold = settings.liftThreshold
        minimumWindow = BacktestMinimum(commits: settings.minCommits, fixInducing: settings.minFixInducing)
    }
}

/// Finds the commit a `--cut` or `--until` names in the snapshot: a date (`yyyy-mm-dd`: the mainline
/// as it stood that day, the last first-parent commit that landed before it) or anything git
/// resolves to a commit the index holds.
struct BacktestPoint {
    let snapshot: HistorySnapshot
    let graph: CommitGraph
    let git: GitRepository

    /// The commit `text` names; a date is looked up on the first-parent chain of `mainline`.
    func index(of text: String, option: String, mainline: Int) throws -> Int {
        if let midnight = CalendarDate.midnight(ofISODate: text) {
            guard let index = BacktestPoints.mainline(before: midnight, until: mainline, in: snapshot, graph: graph)
            else {
                throw UsageError("\(option) \(text) is before the first commit: give a later date or a commit.")
            }
            return index
        }
        let id: CommitID?
        do {
            id = try git.resolveCommit(text)
        } catch {
            throw UsageError("\(option) takes a commit or a date like 2024-01-31, and '\(text)' is neither (\(error)).")
        }
        guard let id, let index = snapshot.commits.firstIndex(where: { $0.id == id }) else {
            throw UsageError(
                "\(option) \(text) is not in the history index (mined up to \(snapshot.tip?.short ?? "nothing")): run `hindsight mine`, or name a commit on HEAD's history."
            )
        }
        return index
    }
}
