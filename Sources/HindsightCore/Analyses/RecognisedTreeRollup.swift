/// A recognised tree as the report shows it: what it is, why, and what went on in it.
public struct RecognisedTreeReport: Hashable, Sendable {
    /// The tree, its kind and the reason it was recognised.
    public var tree: RecognisedTree
    /// Non-merge commits in the window that changed a file in it.
    public var commits: Int
    /// Author time of the latest of them; nil when none.
    public var lastChanged: Int64?

    /// A roll-up from its parts.
    public init(tree: RecognisedTree, commits: Int, lastChanged: Int64?) {
        self.tree = tree
        self.commits = commits
        self.lastChanged = lastChanged
    }
}

/// The recognised trees of `input` with their commits in the window, most files first.
public func recognisedTreeRollups(in input: AnalysisInput) -> [RecognisedTreeReport] {
    let trees = input.recognisedTrees
    guard !trees.isEmpty else { return [] }
    let lookup = TreeLookup(trees)
    let snapshot = input.snapshot
    let treeOfPath = snapshot.paths.map { lookup.tree(containing: $0) ?? -1 }
    var reports = trees.map { RecognisedTreeReport(tree: $0, commits: 0, lastChanged: nil) }
    var stamp = [Int](repeating: -1, count: trees.count)
    for (index, commit) in snapshot.commits.enumerated() where input.isInWindow[index] && !commit.isMerge {
        for change in snapshot.changes[commit.changes] {
            for path in [change.path, change.oldPath ?? -1] where path >= 0 {
                let tree = treeOfPath[path]
                guard tree >= 0, stamp[tree] != index else { continue }
                stamp[tree] = index
                reports[tree].commits += 1
                reports[tree].lastChanged = max(reports[tree].lastChanged ?? commit.time, commit.time)
            }
        }
    }
    return reports.sorted { ($1.tree.files, $0.tree.path) < ($0.tree.files, $1.tree.path) }
}
