/// How well a set of flagged commits predicted the fix-inducing ones, with the figures behind it.
public struct BacktestScore: Hashable, Sendable {
    /// Commits replayed.
    public var commits: Int
    /// Fix-inducing commits among them.
    public var fixInducing: Int
    /// Commits flagged.
    public var flagged: Int
    /// Flagged commits that were fix-inducing.
    public var hits: Int
    /// For a random pick, the expected number of hits, which is rarely whole; nil for a real pick.
    public var expectedHits: Double?

    /// The score of `flagged` against `truth`, over `commits` commits.
    public init(commits: Int, truth: Set<Int>, flagged: Set<Int>) {
        self.commits = commits
        fixInducing = truth.count
        self.flagged = flagged.count
        hits = flagged.intersection(truth).count
    }

    /// A score from its counts (for a baseline's expected figures).
    public init(commits: Int, fixInducing: Int, flagged: Int, hits: Int) {
        self.commits = commits
        self.fixInducing = fixInducing
        self.flagged = flagged
        self.hits = hits
    }

    /// Share of commits flagged.
    public var alarmRate: Double { ratio(flagged, commits) }
    /// Share of fix-inducing commits flagged.
    public var recall: Double { fixInducing == 0 ? 0 : exactHits / Double(fixInducing) }
    /// Share of flagged commits that were fix-inducing.
    public var precision: Double { flagged == 0 ? 0 : exactHits / Double(flagged) }
    /// Share of all commits that were fix-inducing: the precision of flagging at random.
    public var baseRate: Double { ratio(fixInducing, commits) }
    /// Precision over the base rate: how many times better than flagging at random (0 when undefined).
    public var lift: Double { baseRate == 0 ? 0 : precision / baseRate }

    private var exactHits: Double { expectedHits ?? Double(hits) }

    private func ratio(_ part: Int, _ whole: Int) -> Double { whole == 0 ? 0 : Double(part) / Double(whole) }
}
