/// Which commits a backtest replays: every non-merge commit after the cut that had `grace` for its
/// fix to appear before `until`, at most `maxCommits` of the latest of them.
public struct BacktestWindow: Hashable, Sendable {
    /// The last commit the guards may learn from (snapshot index).
    public var cut: Int
    /// The last commit whose messages may name a fix (snapshot index).
    public var until: Int
    /// The replayed commits, oldest first.
    public var commits: [Int]
    /// Non-merge commits after the cut left out because they had less than the grace period before `until`.
    public var leftForGrace: Int
    /// Non-merge commits after the cut left out by the `maxCommits` cap (the oldest ones).
    public var leftForCap: Int

    /// The window of `snapshot` for a cut, an end, a grace period in seconds and a cap (nil: none).
    ///
    /// With no `cut`, the cut is the last commit a year before the window's end (`until`'s time less
    /// the grace), or the commit at 80% of the history when that leaves nothing before it; the cap
    /// then moves the cut later, so the guards always learn from everything before the first
    /// replayed commit.
    public init(snapshot: HistorySnapshot, cut: Int?, until: Int, grace: Int64, maxCommits: Int?) {
        let until = min(until, snapshot.commits.count - 1)
        let end = (until >= 0 ? snapshot.commits[until].time : 0) - grace
        let cut = cut ?? Self.defaultCut(snapshot, until: until, end: end)
        var eligible: [Int] = []
        var tooLate = 0
        for index in (cut + 1)..<max(cut + 1, until + 1) where !snapshot.commits[index].isMerge {
            if snapshot.commits[index].time <= end { eligible.append(index) } else { tooLate += 1 }
        }
        var capped = 0
        if let maxCommits, eligible.count > maxCommits {
            capped = eligible.count - maxCommits
            eligible.removeFirst(capped)
        }
        self.cut = capped > 0 ? (eligible.first ?? cut + 1) - 1 : cut
        self.until = until
        commits = eligible
        leftForGrace = tooLate
        leftForCap = capped
    }

    private static let year: Int64 = 365 * 86_400

    private static func defaultCut(_ snapshot: HistorySnapshot, until: Int, end: Int64) -> Int {
        let yearBefore = snapshot.commits[...max(until, 0)].lastIndex { $0.time <= end - year }
        if let yearBefore, yearBefore > 0 { return yearBefore }
        return max(0, (until + 1) * 4 / 5 - 1)
    }
}
