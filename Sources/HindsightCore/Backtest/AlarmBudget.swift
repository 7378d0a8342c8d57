/// Keeps the shipped guard set within an alarm budget: the kinds that would run at warning or above
/// together may flag at most `budget` of the replayed commits. Kinds are kept in order of how much
/// each alarm pays (lift, then fewer alarms); a kind whose alarms would push the set over the
/// budget goes to notice instead.
public struct AlarmBudget: Hashable, Sendable {
    /// The most of the replayed commits the set may flag.
    public var budget: Double

    /// A budget of `budget` (0 to 1) of the replayed commits.
    public init(_ budget: Double) {
        self.budget = min(max(budget, 0), 1)
    }

    /// The kinds sent to notice, and the commits the kinds left at warning or above flag together.
    ///
    /// - Parameters:
    ///   - kinds: each kind's score over the window.
    ///   - flags: the replay's flags, per commit.
    ///   - window: the replayed commits.
    ///   - shipsLoud: whether a kind would run at warning or above before the budget (its severity
    ///     after configuration and the lift threshold).
    public func apply(
        kinds: [KindRecord], flags: BacktestFlags, window: [Int], shipsLoud: (String) -> Bool
    ) -> (overBudget: Set<String>, flagged: Set<Int>) {
        let replayed = Set(window)
        var byKind: [String: Set<Int>] = [:]
        for (commit, names) in flags.kinds where replayed.contains(commit) {
            for name in names { byKind[name, default: []].insert(commit) }
        }
        let allowed = Int((budget * Double(replayed.count)).rounded(.down))
        let candidates = kinds.filter { shipsLoud($0.name) && $0.score.flagged > 0 }
            .sorted { ($1.score.lift, $0.score.flagged, $0.name) < ($0.score.lift, $1.score.flagged, $1.name) }
        var flagged = Set<Int>()
        var over = Set<String>()
        for kind in candidates {
            let union = flagged.union(byKind[kind.name] ?? [])
            if union.count <= allowed { flagged = union } else { over.insert(kind.name) }
        }
        return (over, flagged)
    }
}
