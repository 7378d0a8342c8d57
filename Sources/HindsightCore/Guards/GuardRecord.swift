/// How often one guard, or one kind of guard, flagged a replayed commit and how often rightly.
public struct GuardTally: Hashable, Sendable {
    /// Replayed commits it flagged.
    public var flagged: Int
    /// Those that later needed a fix.
    public var hits: Int

    /// A tally from its counts.
    public init(flagged: Int, hits: Int) {
        self.flagged = flagged
        self.hits = hits
    }
}

/// The backtest record `guards mine` keeps in `.hindsight/guards.yml`: the window it replayed and
/// each kind's tally, from which recall, precision and lift follow.
public struct BacktestRecord: Hashable, Sendable {
    /// The last commit the guards learned from.
    public var cut: CommitID
    /// The last commit whose fixes counted.
    public var until: CommitID
    /// Commits replayed.
    public var commits: Int
    /// Replayed commits that later needed a fix.
    public var fixInducing: Int
    /// Lift under which a kind is proposed at notice.
    public var liftThreshold: Double
    /// Each kind's tally, by kind.
    public var kinds: [String: GuardTally]
    /// The alarm budget the record was kept to (nil: none was applied).
    public var alarmBudget: Double?
    /// Kinds that paid too little per alarm to fit the budget beside the others, so run at notice.
    public var overBudget: Set<String> = []
    /// The shipped set's tally (the kinds at warning or above, within the budget), which a guard
    /// flagging a commit another also flags makes more than the kinds' sum; nil in records written
    /// before it was kept.
    public var shipped: GuardTally?

    /// A record from its parts.
    public init(
        cut: CommitID, until: CommitID, commits: Int, fixInducing: Int, liftThreshold: Double,
        kinds: [String: GuardTally]
    ) {
        self.cut = cut
        self.until = until
        self.commits = commits
        self.fixInducing = fixInducing
        self.liftThreshold = liftThreshold
        self.kinds = kinds
    }

    /// The record of a backtest's result.
    public init(_ result: BacktestResult) {
        self.init(
            cut: result.cut.id, until: result.until.id, commits: result.overall.commits,
            fixInducing: result.overall.fixInducing,
            liftThreshold: result.liftThreshold,
            kinds: Dictionary(
                result.kinds.map { ($0.name, GuardTally(flagged: $0.score.flagged, hits: $0.score.hits)) },
                uniquingKeysWith: { first, _ in first }))
        alarmBudget = result.alarmBudget
        overBudget = result.overBudget
        shipped = result.shipped.map { GuardTally(flagged: $0.flagged, hits: $0.hits) }
    }

    /// The score a tally gives over this record's window.
    public func score(_ tally: GuardTally) -> BacktestScore {
        BacktestScore(commits: commits, fixInducing: fixInducing, flagged: tally.flagged, hits: tally.hits)
    }

    /// Kinds that flagged commits here without beating random by `liftThreshold`. Lift needs both
    /// sides: a kind that flagged nothing, or a window where no commit needed a fix, shows nothing
    /// either way, and the kind keeps its severity.
    public var kindsBelowThreshold: Set<String> {
        guard fixInducing > 0 else { return [] }
        return Set(kinds.filter { $0.value.flagged > 0 && score($0.value).lift < liftThreshold }.keys)
    }

    /// The severity per kind `check` uses: the configured ones, and notice for kinds below the
    /// threshold or over the budget that configuration does not name (naming a kind there is how
    /// people raise it).
    public func severities(configured: [String: Severity]) -> [String: Severity] {
        var severities = configured
        for kind in kindsBelowThreshold.union(overBudget) where configured[kind] == nil { severities[kind] = .notice }
        return severities
    }
}

extension GuardSet {
    /// This set with a fresh backtest record: each guard gets its own tally (nil when it flagged
    /// nothing), and proposed guards whose severity is still the one hindsight gives (the kind's
    /// default or notice) follow their kind's record: notice below the threshold, else the default.
    /// Accepted and muted guards, and severities people chose, are left as they are.
    public func applying(
        _ record: BacktestRecord, tallies: [String: GuardTally], defaultSeverity: (String) -> Severity
    ) -> GuardSet {
        let below = record.kindsBelowThreshold.union(record.overBudget)
        var applied = GuardSet(
            guards: guards.map { item in
                var item = item
                item.record = tallies[item.id]
                let fallback = defaultSeverity(item.kind)
                if item.status == .proposed, item.severity == fallback || item.severity == .notice {
                    item.severity = below.contains(item.kind) ? .notice : fallback
                }
                return item
            })
        applied.record = record
        applied.riskModel = riskModel
        return applied
    }
}
