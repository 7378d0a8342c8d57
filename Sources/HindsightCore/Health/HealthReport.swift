/// `hindsight health`: per period, what was made and how much of it was fixing, reverting or agents'
/// work, with a verdict per figure on whether the last three periods differ from the six before.
public struct HealthReport: Hashable, Sendable {
    /// How the periods are cut.
    public var granularity: HealthGranularity
    /// The moment the figures are as of (`HEAD`'s committer date unless `--as-of`).
    public var asOf: Int64
    /// The periods, oldest first, every one from the first shown to the one holding `asOf`.
    public var periods: [HealthPeriod]
    /// One verdict per tested figure.
    public var trends: [HealthTrend]
    /// Days within which a change to an added line counts as rework.
    public var reworkDays: Int
    /// Agents' commits against people's over all the periods shown.
    public var groups: HealthGroups
    /// The fix-inducing commits counted in the periods, oldest first (for cross-checks with the backtest).
    public var fixInducingCommits: [CommitID] = []

    /// A report from its parts.
    public init(
        granularity: HealthGranularity, asOf: Int64, periods: [HealthPeriod], trends: [HealthTrend],
        reworkDays: Int = 21, groups: HealthGroups = HealthGroups()
    ) {
        self.granularity = granularity
        self.asOf = asOf
        self.periods = periods
        self.trends = trends
        self.reworkDays = reworkDays
        self.groups = groups
    }
}

/// The figures a verdict is given for.
public enum HealthFigure: String, CaseIterable, Sendable {
    case commits, fixRatio, fixInducingRate, reworkedCommits, revertRate, agentShare

    /// How the figure is named in text.
    public var title: String {
        switch self {
        case .commits: "commits"
        case .fixRatio: "fix ratio"
        case .fixInducingRate: "fix-inducing rate"
        case .reworkedCommits: "reworked commits"
        case .revertRate: "revert rate"
        case .agentShare: "agent share"
        }
    }

    /// Whether a lower value is better (nil: neither direction is better, only more or less).
    public var lowerIsBetter: Bool? {
        switch self {
        case .fixRatio, .fixInducingRate, .reworkedCommits, .revertRate: true
        case .commits, .agentShare: nil
        }
    }
}

/// What a comparison of the recent periods with the ones before says.
public enum HealthVerdict: String, Sendable {
    case better, worse, up, down
    case noClearChange = "no clear change"
}

/// One figure's recent value against the value before, and what the test makes of it.
public struct HealthTrend: Hashable, Sendable {
    /// The figure.
    public var figure: HealthFigure
    /// Its value over the earlier periods (a share, or commits per nominal period), nil when unknown.
    public var before: Double?
    /// Its value over the recent periods.
    public var recent: Double?
    /// The verdict.
    public var verdict: HealthVerdict
    /// The test's p-value, when it could be run.
    public var pValue: Double?
    /// Why: the test and its p-value, or what was too few.
    public var reason: String
    /// Whether a drop was held back as "no clear change" because the recent commits are younger than
    /// the grace period (only the fix-inducing rate).
    public var isProvisional = false

    /// A trend from its parts.
    public init(
        figure: HealthFigure, before: Double?, recent: Double?, verdict: HealthVerdict, pValue: Double?, reason: String
    ) {
        self.figure = figure
        self.before = before
        self.recent = recent
        self.verdict = verdict
        self.pValue = pValue
        self.reason = reason
    }
}

/// One group of commits' figures over the periods shown.
public struct HealthGroupFigures: Hashable, Sendable {
    /// Non-merge commits.
    public var commits = 0
    /// Of those, fix-inducing ones.
    public var fixInducing = 0
    /// Lines added by its commits old enough for rework.
    public var addedLines = 0
    /// Of those, reworked lines.
    public var reworkedLines = 0

    /// Empty figures.
    public init() {}

    /// The fix-inducing share of the commits, nil without commits.
    public var fixInducingRate: Double? { commits > 0 ? Double(fixInducing) / Double(commits) : nil }
    /// The reworked share of the added lines, nil without any.
    public var reworkShare: Double? { addedLines > 0 ? Double(reworkedLines) / Double(addedLines) : nil }
}

/// Commits a coding agent authored or co-authored against people's (bots are in neither), and
/// whether their fix-inducing rates differ.
public struct HealthGroups: Hashable, Sendable {
    /// People's commits.
    public var people = HealthGroupFigures()
    /// Agents' commits.
    public var agents = HealthGroupFigures()
    /// The comparison of the fix-inducing rates, agents against people ("up": agents' is higher).
    public var verdict: HealthVerdict = .noClearChange
    /// Why: the test and its p-value, or what was too few.
    public var reason = ""

    /// Empty groups.
    public init() {}
}
