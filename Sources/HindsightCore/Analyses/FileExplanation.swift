/// The commits behind every figure of one file, for `report --explain`.
public struct FileExplanation: Sendable {
    /// The file's report row.
    public var file: FileReport
    /// Every change to it in the window, oldest first.
    public var changes: [ExplainedChange]
    /// The oldest fix commit in the window (t = 0 of the bug score), if any.
    public var oldestFix: Int64?
    /// For each coupling partner, the commits that changed both.
    public var sharedCommits: [RepoPath: [CommitRef]]
    /// Regions of the file that several fixes changed.
    public var regions: [FixRegion]
}

/// One change behind a file's figures.
public struct ExplainedChange: Hashable, Sendable {
    /// The commit.
    public var commit: CommitRef
    /// How the file changed.
    public var status: ChangeStatus
    /// The file's path in that commit (and its earlier path for a rename).
    public var path: RepoPath
    /// The path before a rename.
    public var oldPath: RepoPath?
    /// Lines added.
    public var added: Int
    /// Lines deleted.
    public var deleted: Int
    /// Weight in recency-weighted churn.
    public var recencyWeight: Double
    /// Whether the commit is a fix.
    public var isFix: Bool
    /// Its contribution to the bug score (0 unless a fix).
    public var bugWeight: Double
    /// Whether the commit is a revert.
    public var isRevert: Bool
    /// Whether the author counts as a person for ownership.
    public var isHumanAuthor: Bool
    /// Whether a coding agent authored or co-authored it.
    public var isAgent: Bool
}

/// Explains the file now at `path` (or, failing that, last at it, or once at it).
///
/// - Returns: nil when no covered file in the window matches.
public func explain(path: RepoPath, in input: AnalysisInput) -> FileExplanation? {
    let analyzed = analyzeFiles(in: input)
    let snapshot = input.snapshot
    let match =
        analyzed.indices.first { analyzed[$0].report.path == path }
        ?? input.files.indices.last { file in
            input.files[file].changes.contains { change in
                snapshot.paths[snapshot.changes[change].path] == path
            }
        }
    guard let index = match else { return nil }
    let file = input.files[index]
    let result = analyzed[index]
    let clock = BugScoreClock(input: input)
    let changes = zip(file.changes, file.commits).map { changeIndex, commitIndex in
        let change = snapshot.changes[changeIndex]
        let commit = snapshot.commits[commitIndex]
        let isFix = input.isFix[commitIndex]
        return ExplainedChange(
            commit: input.reference(commitIndex), status: change.status, path: snapshot.paths[change.path],
            oldPath: change.oldPath.map { snapshot.paths[$0] }, added: change.added, deleted: change.deleted,
            recencyWeight: recencyWeight(
                of: commit.time, now: input.settings.now, halfLifeDays: input.settings.halfLifeDays),
            isFix: isFix, bugWeight: isFix ? clock?.weight(of: commit.time) ?? 0 : 0,
            isRevert: input.isRevert(commitIndex), isHumanAuthor: input.isHuman[commit.author],
            isAgent: input.isAgentCommit[commitIndex])
    }
    var shared: [RepoPath: [CommitRef]] = [:]
    let mine = Set(result.commits)
    for partner in result.report.coupling {
        guard let other = input.files.first(where: { $0.path == partner.path }) else { continue }
        shared[partner.path] = Array(Set(other.commits)).filter(mine.contains).sorted().map(input.reference)
    }
    let regions = recurringFixes(in: input).first { $0.path == result.report.path }?.regions ?? []
    return FileExplanation(
        file: result.report, changes: changes, oldestFix: clock?.oldestFix, sharedCommits: shared, regions: regions)
}
