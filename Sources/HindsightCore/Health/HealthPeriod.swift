/// How `hindsight health` cuts history into periods: calendar months or Monday-to-Sunday weeks, UTC.
public enum HealthGranularity: String, CaseIterable, Sendable {
    case month, week

    /// The periods shown when no start is given: two years of months, half a year of weeks.
    public var defaultCount: Int { self == .month ? 24 : 26 }

    /// The start (00:00 UTC) of the period holding `time`.
    public func start(of time: Int64) -> Int64 {
        switch self {
        case .week: return weekStart(of: time)
        case .month:
            let (year, month, _) = CalendarDate.civilDate(days: CalendarDate.floorDivide(time, 86_400))
            return CalendarDate.days(year: year, month: month, day: 1) * 86_400
        }
    }

    /// The start of the period `count` periods after (or, negative, before) the one starting at `start`.
    public func shifted(_ count: Int, from start: Int64) -> Int64 {
        switch self {
        case .week: return start + Int64(count) * 7 * 86_400
        case .month:
            let (year, month, _) = CalendarDate.civilDate(days: CalendarDate.floorDivide(start, 86_400))
            let index = year * 12 + (month - 1) + Int64(count)
            let shiftedYear = CalendarDate.floorDivide(index, 12)
            return CalendarDate.days(year: shiftedYear, month: index - shiftedYear * 12 + 1, day: 1) * 86_400
        }
    }

    /// How a period starting at `start` is named: `2024-03` for a month, its Monday's date for a week.
    public func label(of start: Int64) -> String {
        self == .month ? CalendarDate.isoMonth(start) : CalendarDate.isoDate(start)
    }
}

/// One period's figures: what was made, how much of it was fixing, reverting or agents' work, and
/// the lessons written and retired.
public struct HealthPeriod: Hashable, Sendable {
    /// The period's name (`2024-03`, or a week's Monday).
    public var label: String
    /// Its first moment (00:00 UTC).
    public var start: Int64
    /// The first moment after it.
    public var end: Int64
    /// Days of it that history covers: the whole period, except the one holding the reference time.
    public var days: Double
    /// Non-merge commits authored in it.
    public var commits = 0
    /// Distinct people (not bots, not agents) who authored them.
    public var authors = 0
    /// Lines added plus deleted in covered files (ignored, vendored and fixture trees left out).
    public var linesChanged = 0
    /// Of the commits, fixes.
    public var fixes = 0
    /// Of the commits, those a later commit fixed (SZZ), named in `Fixes:` or reverted.
    public var fixInducing = 0
    /// Whether the period ended less than the grace period before the reference time, so its
    /// commits have not all had the time to need a fix.
    public var isProvisional = false
    /// Lines added (covered text files) by the commits at least the rework span old.
    public var addedLines = 0
    /// Of those, lines a later commit changed or deleted within the span.
    public var reworkedLines = 0
    /// Commits at least the rework span old that added lines.
    public var reworkTrials = 0
    /// Of those, commits with at least one reworked line.
    public var reworkedCommits = 0
    /// Fixes that changed lines another fix added within the 14 days before: fixes that did not hold.
    public var refixes = 0
    /// Commits that added back a line a fix had removed from the same file within the year before.
    public var readds = 0
    /// The lines they added back.
    public var readdedLines = 0
    /// Reverts of reverts: a reverted change applied again.
    public var relands = 0
    /// Of the commits, reverts.
    public var reverts = 0
    /// Of the commits, those a coding agent authored or co-authored.
    public var agentCommits = 0
    /// Commits in it that wrote `.hindsight/guards.yml` with a new backtest record (a refresh).
    public var guardRefreshes = 0
    /// The shipped guards' score in the latest record written in it, when that record keeps one.
    public var guardScore: BacktestScore?
    /// Guards people accepted in it.
    public var guardsAccepted = 0
    /// Guards people muted in it.
    public var guardsMuted = 0
    /// Commits in it that changed the agent context files (AGENTS.md and the rule files).
    public var contextCommits = 0
    /// Lessons written in it.
    public var lessonsAdded = 0
    /// Lessons retired in it.
    public var lessonsRetired = 0

    /// An empty period.
    public init(label: String, start: Int64, end: Int64, days: Double) {
        self.label = label
        self.start = start
        self.end = end
        self.days = days
    }

    /// Whether the reference time falls inside it, so it holds fewer days than a whole period.
    public var isPartial: Bool { days < Double(end - start) / 86_400 }

    /// `part` of the commits, or nil without commits.
    public func share(_ part: Int) -> Double? { commits > 0 ? Double(part) / Double(commits) : nil }

    /// The share of added lines reworked, or nil when no commit old enough added lines.
    public var reworkShare: Double? { addedLines > 0 ? Double(reworkedLines) / Double(addedLines) : nil }
}
