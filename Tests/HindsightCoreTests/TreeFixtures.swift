@testable import HindsightCore

/// Snapshots for the tree-recognition tests: the tip's paths are the files alive in the history.
enum TreeFixtures {
    /// Each path added, one line each.
    static func adds(_ paths: [String]) -> [(ChangeStatus, String, Int, Int)] { paths.map { (.added, $0, 1, 0) } }

    /// Each path modified by one line.
    static func edits(_ paths: [String]) -> [(ChangeStatus, String, Int, Int)] { paths.map { (.modified, $0, 1, 1) } }

    /// `history` with its tip's paths (nil with `byNameOnly`), `.gitmodules` paths and license texts.
    static func tip(
        _ history: SnapshotBuilder, licenses: [String: String] = [:], submodules: [String] = [],
        byNameOnly: Bool = false
    ) -> HistorySnapshot {
        var snapshot = history.snapshot
        if !byNameOnly {
            snapshot.livePaths = Set(fileLineages(of: snapshot).filter { !$0.isDeleted }.map(\.path))
        }
        snapshot.treeEvidence = TreeEvidence(
            submodulePaths: Set(submodules.map(RepoPath.init)),
            licenseTexts: Dictionary(uniqueKeysWithValues: licenses.map { (RepoPath($0.key), $0.value) }))
        return snapshot
    }

    /// The recognised trees of `snapshot` under the default ignore globs.
    static func trees(_ snapshot: HistorySnapshot) -> [RecognisedTree] {
        recognisedTrees(in: snapshot, files: fileLineages(of: snapshot), ignore: GlobPattern.defaultIgnores)
    }

    /// The recognised trees as `path kind` strings, for compact expectations.
    static func summary(_ snapshot: HistorySnapshot) -> [String] {
        trees(snapshot).map { "\($0.path) \($0.kind.rawValue)" }
    }
}
