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
}
