import HindsightCore

/// What the tools answer from: the index analysed once at one tip, kept between calls so a call
/// only looks things up.
struct HistoryModel: Sendable {
    /// The folded, classified history.
    let input: AnalysisInput
    /// The whole report (every covered file, attention order).
    let report: StabilityReport
    /// Covered files by path, with the commits behind each.
    let files: [RepoPath: AnalyzedFile]
    /// Position of each covered file in `input.files`.
    let fileIndex: [RepoPath: Int]
    /// Per covered file: commits counted for coupling (those changing at most `maxFilesPerCommit` files).
    let couplingRevisions: [Int]
    /// What the live guard rules know of each alive covered file.
    let facts: [RepoPath: FileFacts]
    /// Every file's lineage (ignored files and changes outside the window too), alive ones first.
    let lineages: [RepoPath: [FileLineage]]
    /// Reverts undone by a later re-land.
    let undoneReverts: Set<CommitID>
    /// What each revert's message says beyond git's standard line (untrusted text), by revert id.
    let revertReasons: [CommitID: String]
    /// Every fix commit of a recurring-fix file, once each, for text searches.
    let fixCommits: [CommitRef]

    /// Analyses `snapshot` under `settings`.
    init(snapshot: HistorySnapshot, settings: AnalysisSettings) {
        let input = AnalysisInput(snapshot: snapshot, settings: settings)
        let parts = analysis(of: input)
        self.input = input
        report = parts.report
        facts = parts.facts
        files = Dictionary(parts.analyzed.map { ($0.report.path, $0) }, uniquingKeysWith: { first, _ in first })
        fileIndex = Dictionary(
            input.files.enumerated().map { ($0.element.path, $0.offset) }, uniquingKeysWith: { first, _ in first })
        couplingRevisions = Self.revisions(in: input)
        var lineages: [RepoPath: [FileLineage]] = [:]
        for lineage in fileLineages(of: snapshot) { lineages[lineage.path, default: []].append(lineage) }
        self.lineages = lineages
        undoneReverts = Set(parts.report.reverts.map(\.revertedID))
        let reverts = Set(parts.report.reverts.map(\.revert.id))
        var reasons: [CommitID: String] = [:]
        for commit in snapshot.commits where reverts.contains(commit.id) {
            reasons[commit.id] = revertReason(commit.body)
        }
        revertReasons = reasons
        var seen = Set<CommitID>()
        fixCommits = parts.report.recurringFixes.flatMap(\.fixes).filter { seen.insert($0.id).inserted }
    }

    /// The commit the model describes.
    var tip: CommitID? { input.snapshot.tip }

    /// Covered alive files in attention order.
    var aliveFiles: [FileReport] { report.files.filter { !$0.isDeleted } }

    /// Commits each covered file counts for coupling, as `coupling(in:)` counts them.
    private static func revisions(in input: AnalysisInput) -> [Int] {
        var revisions = [Int](repeating: 0, count: input.files.count)
        for commit in input.times.indices {
            let files = input.files(of: commit)
            guard files.count <= input.settings.coupling.maxFilesPerCommit else { continue }
            for file in files { revisions[Int(file)] += 1 }
        }
        return revisions
    }
}
