extension HistorySnapshot {
    /// The history as it stood when commit `last` was made: commits `0...last` (parents come before
    /// children, so every ancestor is kept) and only their changes; the tip is `last`.
    public func prefix(through last: Int) -> HistorySnapshot {
        let kept = Array(commits[...min(last, commits.count - 1)])
        let changeEnd = kept.map(\.changes.upperBound).max() ?? 0
        var prefix = HistorySnapshot(
            tip: kept.last?.id, paths: paths, people: people, commits: kept, changes: Array(changes[..<changeEnd]),
            isShallow: isShallow)
        prefix.hunkBytes = hunkBytes
        return prefix
    }

    /// The history `until` was built on, laid out for a backtest at `cut`: `until` and its ancestors
    /// only, the cut's ancestry first and then what landed after it, each part in snapshot order (so
    /// parents still come before children). `prefix(through: cut)` of the result is then exactly the
    /// cut's history, and every commit after its `cut` is one of `cut..until`.
    ///
    /// - Returns: the history and the cut's index in it (its `until` is the last commit).
    public func replayHistory(cut: Int, until: Int, graph: CommitGraph) -> (history: HistorySnapshot, cut: Int) {
        let known = graph.ancestry(of: cut)
        let landed = graph.ancestry(of: until)
        let before = commits.indices.filter { known[$0] && landed[$0] }
        let after = commits.indices.filter { landed[$0] && !known[$0] }
        var laidOut: [SnapshotCommit] = []
        var laidOutChanges: [SnapshotChange] = []
        laidOut.reserveCapacity(before.count + after.count)
        for index in before + after {
            var commit = commits[index]
            let start = laidOutChanges.count
            laidOutChanges.append(contentsOf: changes[commit.changes])
            commit.changes = start..<laidOutChanges.count
            laidOut.append(commit)
        }
        var history = HistorySnapshot(
            tip: commits[until].id, paths: paths, people: people, commits: laidOut, changes: laidOutChanges,
            isShallow: isShallow)
        history.hunkBytes = hunkBytes
        return (history, before.count - 1)
    }
}
