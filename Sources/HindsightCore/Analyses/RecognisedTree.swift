/// What a recognised tree holds: someone else's code, or data the tests read.
public enum TreeKind: String, CaseIterable, Sendable {
    /// Code from another project: a submodule, or a copy with its own license that arrived in bulk.
    case vendored
    /// Test data: `testdata`, `fixtures`, `corpora`, `__snapshots__`, `tests/resources` and the like.
    case fixture
}

/// A directory recognised as vendored code or test data; its files are left out of the report's
/// figures unless `AnalysisSettings.recogniseTrees` is off.
public struct RecognisedTree: Hashable, Sendable {
    /// The directory (for a submodule, its path).
    public var path: RepoPath
    /// Vendored or fixture.
    public var kind: TreeKind
    /// Why, in one line: "test data directory name `testdata`", "submodule in .gitmodules", or
    /// "own license deps/zlib/LICENSE, arrived in bulk (16 of 22 files in 1 commit)".
    public var reason: String
    /// Files under it at the tip (not ignored).
    public var files: Int

    /// A tree from its parts.
    public init(path: RepoPath, kind: TreeKind, reason: String, files: Int) {
        self.path = path
        self.kind = kind
        self.reason = reason
        self.files = files
    }
}

/// What the tip's tree says beyond its paths, read from the repository by the caller: the paths
/// `.gitmodules` names and the text of the license files tree recognition compares.
public struct TreeEvidence: Equatable, Sendable {
    /// Paths of the submodules `.gitmodules` lists.
    public var submodulePaths: Set<RepoPath>
    /// Text of license files at the tip, by path (see `licenseFilesToCompare(among:ignore:)`).
    public var licenseTexts: [RepoPath: String]

    /// Evidence from its parts; none by default.
    public init(submodulePaths: Set<RepoPath> = [], licenseTexts: [RepoPath: String] = [:]) {
        self.submodulePaths = submodulePaths
        self.licenseTexts = licenseTexts
    }
}

/// The recognised trees as a lookup from any path to the tree it lies in.
struct TreeLookup {
    private var indexOfPath: [RepoPath: Int] = [:]

    init(_ trees: [RecognisedTree]) {
        for (index, tree) in trees.enumerated() { indexOfPath[tree.path] = index }
    }

    /// Whether there is no tree at all.
    var isEmpty: Bool { indexOfPath.isEmpty }

    /// The index of the tree `path` is, or lies below; nil when none.
    func tree(containing path: RepoPath) -> Int? {
        guard !indexOfPath.isEmpty else { return nil }
        for (index, byte) in path.bytes.enumerated() where byte == UInt8(ascii: "/") {
            if let tree = indexOfPath[RepoPath(bytes: Array(path.bytes[..<index]))] { return tree }
        }
        return indexOfPath[path]
    }
}
