import HindsightConfig
import HindsightCore
import HindsightIndex

/// The one way to compute `hindsight health`: the history with deleted files included (what was
/// changed counts, whether or not it survives), cut into periods from `since` or the default count.
public struct HealthSession {
    /// The repository, its configuration and index.
    public let workspace: Workspace
    /// How the periods are cut.
    public var granularity: HealthGranularity = .month
    /// The first moment to show (nil: the granularity's default count of periods up to the reference time).
    public var since: TimeWindow?
    /// Count from this moment instead of `HEAD`'s committer date.
    public var asOf: Int64?
    /// Told, in one line, when a first run over many commits is about to read their diffs.
    public var announce: (@Sendable (String) -> Void)?

    /// A session over `workspace`, by month.
    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// The report, and lesson files that could not be read (for a warning).
    public func report(_ store: IndexStore) throws -> (HealthReport, [LessonFileError]) {
        let now = try workspace.referenceTime(asOf: asOf)
        // A start inside a period starts the whole period, so no period is shown half-counted.
        let first =
            since.map { granularity.start(of: $0.start(now: now)) }
            ?? granularity.shifted(-(granularity.defaultCount - 1), from: granularity.start(of: now))
        var session = ReportSession(workspace: workspace)
        session.asOf = now
        session.since = .since(first, text: CalendarDate.isoDate(first))
        session.includeDeleted = true
        let input = try session.input(store)
        let book = try workspace.lessonBook(store: store, snapshot: input.snapshot, asOf: now)
        let firstCounted = input.snapshot.commits.indices.first {
            input.isInWindow[$0] && !input.snapshot.commits[$0].isMerge
        }
        // Re-adds first: they say whether this is a first run long enough to announce.
        let readds = try readdedFixLinesKeepingCounts(in: input, until: now, store: store)
        var inducing: Set<Int> = []
        if let lower = firstCounted, let tip = input.snapshot.commits.indices.last {
            let reader = FixInducingReader(git: workspace.git, options: workspace.configuration.history)
            inducing = try reader.truthKeepingOrigins(of: lower..<(tip + 1), in: input, store: store)
        }
        let report = healthReport(
            of: input, lessons: book.entries.map(\.lesson), fixInducing: inducing, readds: readds,
            guardVersions: guardFileVersions(in: input.snapshot, git: workspace.git),
            graceDays: workspace.configuration.backtest.graceDays,
            reworkDays: workspace.configuration.health.reworkDays,
            by: granularity, from: first)
        return (report, book.problems)
    }
}
