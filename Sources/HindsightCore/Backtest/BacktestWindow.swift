/// Which commits a backtest replays: every non-merge commit after the cut that had `grace` for its
/// fix to appear before `until`, at most `maxCommits` of the latest of them.
public struct BacktestWindow: Hashable, Sendable {
    /// The last commit the guards may learn from (snapshot index).
    public var cut: Int
    /// The last commit whose messages may name a fix (snapshot index).
    public var until: Int
    /// The replayed commits, oldest first.
    public var commits: [Int]
    /// Non-merge commits after the cut left out because they landed less than the grace period before `until`.
    public var leftForGrace: Int
    /// Non-merge commits after the cut left out by the `maxCommits` cap (the oldest ones).
    public var leftForCap: Int

    /// The window of `snapshot` for a cut, an end, a grace period in seconds and a cap (nil: none).
    ///
    /// `snapshot` is laid out as ``HistorySnapshot/replayHistory(cut:until:graph:)`` lays it out, so
    /// the commits after `cut` are what landed after it. Grace counts committer time: a commit is
    /// replayed when it landed at least `grace` before `until` did. The cap moves the cut later, so
    /// the guards always learn from everything before the first replayed commit.
    public init(snapshot: HistorySnapshot, cut: Int, until: Int, grace: Int64, maxCommits: Int?) {
        let until = min(until, snapshot.commits.count - 1)
        let end = (until >= 0 ? snapshot.commits[until].commitTime : 0) - grace
        var eligible: [Int] = []
        var tooLate = 0
        for index in (cut + 1)..<max(cut + 1, until + 1) where !snapshot.commits[index].isMerge {
            if snapshot.commits[index].commitTime <= end { eligible.append(index) } else { tooLate += 1 }
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
}

/// Where a backtest's dates land: the mainline as it stood on a day.
public enum BacktestPoints {
    /// The last commit of `until`'s first-parent chain that landed (committer time) before `time`;
    /// nil when the chain's root landed after it.
    public static func mainline(
        before time: Int64, until: Int, in snapshot: HistorySnapshot, graph: CommitGraph
    )
        -> Int?
    {
        graph.firstParentChain(from: until).first { snapshot.commits[$0].commitTime < time }
    }

    /// The default cut: the mainline a year before the window's end (`until`'s committer time less
    /// `grace`), or the first-parent commit 80% along the mainline when the mainline is shorter.
    public static func defaultCut(until: Int, grace: Int64, in snapshot: HistorySnapshot, graph: CommitGraph) -> Int {
        let chain = graph.firstParentChain(from: until)
        let end = snapshot.commits[until].commitTime - grace
        if let yearBefore = chain.first(where: { snapshot.commits[$0].commitTime <= end - year }),
            yearBefore != chain.last
        {
            return yearBefore
        }
        let oldestFirst = Array(chain.reversed())
        return oldestFirst[max(0, oldestFirst.count * 4 / 5 - 1)]
    }

    private static let year: Int64 = 365 * 86_400
}
