import HindsightConfig
import HindsightCore
import HindsightIndex

/// The one way to build the stability report (and `--explain`): the window, the moment ages count
/// from and whether deleted files count, applied to the workspace's configuration.
public struct ReportSession {
    /// The repository, its configuration and index.
    public let workspace: Workspace
    /// Measure ages from this moment (seconds since the epoch) instead of `HEAD`'s committer date.
    public var asOf: Int64?
    /// Only commits inside this window (nil: the configured window).
    public var since: TimeWindow?
    /// Whether deleted files are reported too (besides the configuration's `includeDeleted`).
    public var includeDeleted = false
    /// Whether files under vendored and fixture trees are reported as ordinary files (besides the
    /// configuration's `recogniseTrees: false`).
    public var includeVendored = false

    /// A session over `workspace` with the configured window and today's reference date.
    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// The settings every figure is computed with.
    public func settings() throws -> AnalysisSettings {
        let now = try workspace.referenceTime(asOf: asOf)
        var settings = workspace.analysisSettings(now: now)
        if let since { settings.since = since.start(now: now) }
        if includeDeleted { settings.includeDeleted = true }
        if includeVendored { settings.recogniseTrees = false }
        return settings
    }

    /// The index's history, folded and classified under `settings()`.
    public func input(_ store: IndexStore) throws -> AnalysisInput {
        AnalysisInput(snapshot: try workspace.snapshot(store), settings: try settings())
    }

    /// The report of `input`, cut to `selection`.
    public func report(of input: AnalysisInput, selecting selection: ReportSelection) -> StabilityReport {
        stabilityReport(from: input).selecting(selection)
    }

    /// The lessons of the workspace counted per area and month, as of `input`'s moment; only those
    /// about `path` when given. Broken lesson files are returned for a warning.
    public func lessons(
        _ store: IndexStore, input: AnalysisInput, about path: RepoPath? = nil
    ) throws -> (
        LessonCounts, [LessonFileError]
    ) {
        let book = try workspace.lessonBook(store: store, snapshot: input.snapshot, asOf: input.settings.now)
        let entries = path.map { path in book.entries.filter { $0.lesson.isAbout(path) } } ?? book.entries
        return (lessonCounts(entries), book.problems)
    }

    /// The commits behind each figure of the file at `path`; a usage error naming `shown` when the
    /// window holds no history for it.
    public func explanation(of path: RepoPath, shown: String, in input: AnalysisInput) throws -> FileExplanation {
        guard let explanation = HindsightCore.explain(path: path, in: input) else {
            throw UsageError(
                "no history for '\(shown)' in the report's window: it may be ignored, in a vendored or fixture tree "
                    + "(add --include-vendored), deleted (add --include-deleted) or unchanged since --since.")
        }
        return explanation
    }
}
