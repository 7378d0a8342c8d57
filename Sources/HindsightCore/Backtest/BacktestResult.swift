/// What the replay found: per replayed commit, the guard kinds and guard ids that flagged it.
public struct BacktestFlags: Hashable, Sendable {
    /// Commit index → kinds of its findings.
    public var kinds: [Int: Set<String>] = [:]
    /// Commit index → ids of the mined guards (`hs-…`) that flagged it.
    public var guards: [Int: Set<String>] = [:]

    /// No flags yet.
    public init() {}

    /// Records `findings` for `commit`.
    public mutating func record(_ findings: [Finding], for commit: Int) {
        for finding in findings {
            kinds[commit, default: []].insert(finding.kind)
            if finding.ruleID != finding.kind { guards[commit, default: []].insert(finding.ruleID) }
        }
    }
}

/// One guard kind's (or one guard's) record in a backtest.
public struct KindRecord: Hashable, Sendable {
    /// The kind, or the guard id.
    public var name: String
    /// Its score over the window.
    public var score: BacktestScore

    /// A record from its parts.
    public init(name: String, score: BacktestScore) {
        self.name = name
        self.score = score
    }
}

/// One replayed commit as the backtest saw it: its size, the kinds that flagged it, and the truth.
public struct ReplayedCommit: Hashable, Sendable {
    /// The commit.
    public var id: CommitID
    /// Lines it added.
    public var added: Int
    /// Lines it added and deleted.
    public var churn: Int
    /// The kinds that flagged it, sorted.
    public var kinds: [String]
    /// Whether the shipped set (warning or above, within the budget) flagged it.
    public var shipped: Bool
    /// Whether it later needed a fix.
    public var fixInducing: Bool

    /// A replayed commit from its parts.
    public init(id: CommitID, added: Int, churn: Int, kinds: [String], shipped: Bool, fixInducing: Bool) {
        self.id = id
        self.added = added
        self.churn = churn
        self.kinds = kinds
        self.shipped = shipped
        self.fixInducing = fixInducing
    }
}

/// The smallest window whose figures are evidence: below it, `guards mine` records and demotes nothing.
public struct BacktestMinimum: Hashable, Sendable {
    /// Fewest replayed commits.
    public var commits: Int
    /// Fewest fix-inducing commits among them.
    public var fixInducing: Int

    /// A minimum from its parts (the defaults: 100 commits, 10 fix-inducing).
    public init(commits: Int = 100, fixInducing: Int = 10) {
        self.commits = commits
        self.fixInducing = fixInducing
    }
}

/// A backtest's figures: the window, the ground truth by source, each kind's and the whole set's
/// score, and the baselines at the set's alarm rate.
public struct BacktestResult: Sendable {
    /// The last commit the guards learned from.
    public var cut: CommitRef
    /// The last commit whose fixes count.
    public var until: CommitRef
    /// The replayed window.
    public var window: BacktestWindow
    /// Days each replayed commit had for its fix to appear.
    public var graceDays: Int
    /// Re-mine the guards every this many replayed commits (nil: once, at the cut).
    public var refreshEvery: Int?
    /// Guards mined at the cut.
    public var guardsAtCut: Int
    /// Fix-inducing commits of the window, with their sources.
    public var truth: GroundTruth
    /// Each guard kind, in the order given, flagged or not.
    public var kinds: [KindRecord]
    /// Any kind flagging a commit.
    public var overall: BacktestScore
    /// The baselines, flagging as many commits as the guard set did.
    public var baselines: [KindRecord]
    /// Mined guards that flagged at least one commit, by id.
    public var guards: [KindRecord]
    /// Lift under which a kind is proposed at `notice`.
    public var liftThreshold: Double
    /// The smallest window whose figures are evidence.
    public var minimum = BacktestMinimum()
    /// What the replay flagged, per commit.
    public var flags = BacktestFlags()
    /// The alarm budget the shipped set keeps to.
    public var alarmBudget = 0.1
    /// Kinds sent to notice so the rest keep to the budget (none when the window is too small).
    public var overBudget: Set<String> = []
    /// The set at its shipped severities: the kinds left at warning or above, within the budget.
    public var shipped: BacktestScore?
    /// The baselines flagging as many commits as the shipped set.
    public var shippedBaselines: [KindRecord] = []
    /// Every replayed commit, oldest first, for effort-aware measures (Recall@20%LOC, Popt).
    public var replayed: [ReplayedCommit] = []
    /// The settings that decide every number, name and value, for the reader to reproduce them.
    public var settings: [(name: String, value: String)] = []

    /// The window's fix-inducing commits, oldest first, each with its sources in order of trust.
    public var fixInducingCommits: [(id: CommitID, sources: [FixInducingSource])] = []

    /// A result from its parts.
    public init(
        cut: CommitRef, until: CommitRef, window: BacktestWindow, graceDays: Int, refreshEvery: Int?, guardsAtCut: Int,
        truth: GroundTruth, kinds: [KindRecord], overall: BacktestScore, baselines: [KindRecord], guards: [KindRecord],
        liftThreshold: Double
    ) {
        self.cut = cut
        self.until = until
        self.window = window
        self.graceDays = graceDays
        self.refreshEvery = refreshEvery
        self.guardsAtCut = guardsAtCut
        self.truth = truth
        self.kinds = kinds
        self.overall = overall
        self.baselines = baselines
        self.guards = guards
        self.liftThreshold = liftThreshold
    }

    /// Why the window is too small for its figures to be evidence, or nil when it is large enough.
    public var tooSmall: String? {
        let commits = overall.commits
        let fixInducing = overall.fixInducing
        guard commits < minimum.commits || fixInducing < minimum.fixInducing else { return nil }
        return "\(TextShaping.count(commits, "commit")) replayed, \(fixInducing) of them fix-inducing, "
            + "where at least \(minimum.commits) and \(minimum.fixInducing) are needed for the figures to be evidence"
    }

    /// Kinds whose record puts them below the threshold (``BacktestRecord/kindsBelowThreshold``), in kind
    /// order; none when the window is too small to judge.
    public var kindsBelowThreshold: [String] {
        guard tooSmall == nil else { return [] }
        let below = BacktestRecord(self).kindsBelowThreshold
        return kinds.map(\.name).filter(below.contains)
    }
}

/// Scores the replay: each of `kinds`, the guard set overall, the mined guards one by one, and the
/// baselines at the set's alarm rate. Only fix-inducing commits in the window count.
public func scoreBacktest(
    window: BacktestWindow, truth: GroundTruth, flags: BacktestFlags, kinds: [String],
    addedLines: [Int: Int], bugScore: [Int: Double]
) -> (kinds: [KindRecord], overall: BacktestScore, baselines: [KindRecord], guards: [KindRecord]) {
    let commits = Set(window.commits)
    let fixInducing = truth.commits.intersection(commits)
    func score(_ flagged: Set<Int>) -> BacktestScore {
        BacktestScore(commits: commits.count, truth: fixInducing, flagged: flagged.intersection(commits))
    }
    var byKind: [String: Set<Int>] = [:]
    for (commit, names) in flags.kinds { for name in names { byKind[name, default: []].insert(commit) } }
    var byGuard: [String: Set<Int>] = [:]
    for (commit, ids) in flags.guards { for id in ids { byGuard[id, default: []].insert(commit) } }
    let overall = score(Set(flags.kinds.filter { !$0.value.isEmpty }.keys))
    let baselines = BacktestBaseline.allCases.map { baseline in
        KindRecord(
            name: baseline.rawValue,
            score: baseline.score(
                flagging: overall.flagged, of: window.commits, truth: fixInducing, addedLines: addedLines,
                bugScore: bugScore))
    }
    return (
        kinds.map { KindRecord(name: $0, score: score(byKind[$0] ?? [])) },
        overall,
        baselines,
        byGuard.keys.sorted().map { KindRecord(name: $0, score: score(byGuard[$0] ?? [])) }
    )
}
