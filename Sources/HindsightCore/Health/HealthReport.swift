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

    /// A report from its parts.
    public init(granularity: HealthGranularity, asOf: Int64, periods: [HealthPeriod], trends: [HealthTrend]) {
        self.granularity = granularity
        self.asOf = asOf
        self.periods = periods
        self.trends = trends
    }
}

/// The figures a verdict is given for.
public enum HealthFigure: String, CaseIterable, Sendable {
    case commits, fixRatio, fixInducingRate, revertRate, agentShare

    /// How the figure is named in text.
    public var title: String {
        switch self {
        case .commits: "commits"
        case .fixRatio: "fix ratio"
        case .fixInducingRate: "fix-inducing rate"
        case .revertRate: "revert rate"
        case .agentShare: "agent share"
        }
    }

    /// Whether a lower value is better (nil: neither direction is better, only more or less).
    public var lowerIsBetter: Bool? {
        switch self {
        case .fixRatio, .fixInducingRate, .revertRate: true
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
