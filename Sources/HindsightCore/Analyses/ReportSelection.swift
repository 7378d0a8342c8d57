/// Orders for the files of a report.
public enum ReportSort: String, CaseIterable, Sendable {
    /// Class (hotspots first, stable last), then bug score, then recent churn.
    case attention
    /// Lines added plus deleted.
    case churn
    /// Recency-weighted churn.
    case recent
    /// Number of commits.
    case commits
    /// Fix commits.
    case fixes
    /// Bug score.
    case bugs
    /// Most recently changed first.
    case changed
    /// Path, ascending.
    case path

    /// Whether `a` sorts before `b`; every order ends on the path, so output is stable.
    public func areInIncreasingOrder(_ a: FileReport, _ b: FileReport) -> Bool {
        switch self {
        case .attention:
            let ka = (a.classification.fileClass, -a.bugScore, -a.recentChurn)
            let kb = (b.classification.fileClass, -b.bugScore, -b.recentChurn)
            return ka != kb ? ka < kb : a.path < b.path
        case .churn: return a.churn != b.churn ? a.churn > b.churn : a.path < b.path
        case .recent: return a.recentChurn != b.recentChurn ? a.recentChurn > b.recentChurn : a.path < b.path
        case .commits: return a.commits != b.commits ? a.commits > b.commits : a.path < b.path
        case .fixes: return a.fixCommits != b.fixCommits ? a.fixCommits > b.fixCommits : a.path < b.path
        case .bugs: return a.bugScore != b.bugScore ? a.bugScore > b.bugScore : a.path < b.path
        case .changed: return a.lastChanged != b.lastChanged ? a.lastChanged > b.lastChanged : a.path < b.path
        case .path: return a.path < b.path
        }
    }
}

/// Which part of a report to show: a path prefix, some classes, an order and a cut.
public struct ReportSelection: Hashable, Sendable {
    /// Keep files (and directories, recurring fixes, reverts) at or below this path.
    public var path: RepoPath?
    /// Keep files of these classes; empty keeps all.
    public var classes: Set<FileClass> = []
    /// File order.
    public var sort: ReportSort = .attention
    /// Keep at most this many files and directories; nil keeps all.
    public var top: Int?

    /// A selection from its parts.
    public init(path: RepoPath? = nil, classes: Set<FileClass> = [], sort: ReportSort = .attention, top: Int? = nil) {
        self.path = path
        self.classes = classes
        self.sort = sort
        self.top = top
    }
}

extension StabilityReport {
    /// The report cut down to `selection`; repository-wide figures stay as they are.
    public func selecting(_ selection: ReportSelection) -> StabilityReport {
        var result = self
        let within = { (path: RepoPath) in selection.path.map(path.isWithin) ?? true }
        let kept = files.filter {
            within($0.path) && (selection.classes.isEmpty || selection.classes.contains($0.classification.fileClass))
        }
        .sorted(by: selection.sort.areInIncreasingOrder)
        result.files = Array(kept.prefix(selection.top ?? kept.count))
        result.omittedFiles = kept.count - result.files.count
        let directories = self.directories.filter { within($0.path) }
        result.directories = Array(directories.prefix(selection.top ?? directories.count))
        result.recurringFixes = recurringFixes.filter { within($0.path) }
        // A tree the selected path lies in explains why its files are missing: keep it too.
        result.recognisedTrees = recognisedTrees.filter { tree in
            within(tree.tree.path) || selection.path.map { $0.isWithin(tree.tree.path) } == true
        }
        result.reverts = reverts.filter {
            $0.files.contains(where: within) || ($0.files.isEmpty && selection.path == nil)
        }
        return result
    }
}
