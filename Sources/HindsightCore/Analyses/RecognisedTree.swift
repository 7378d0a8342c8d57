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

/// Directories as a lookup from any path to the directories it lies in, without building a path
/// per ancestor: each directory is found by the FNV-1a hash of its bytes, taken as the path is read.
struct TreeLookup {
    private let directories: [[UInt8]]
    private var byHash: [UInt64: [Int]] = [:]

    init(_ trees: [RecognisedTree]) { self.init(paths: trees.map(\.path)) }

    init(paths: [RepoPath]) {
        directories = paths.map(\.bytes)
        for (index, bytes) in directories.enumerated() {
            var hash = FNV1a64()
            hash.add(bytes)
            byHash[hash.value, default: []].append(index)
        }
    }

    /// The index of the outermost directory `path` is, or lies below; nil when none.
    func tree(containing path: RepoPath) -> Int? {
        var found: Int?
        forEach(containing: path) { index in
            found = index
            return false
        }
        return found
    }

    /// Calls `body` with each directory `path` is or lies below, outermost first, until it returns false.
    func forEach(containing path: RepoPath, _ body: (Int) -> Bool) {
        guard !byHash.isEmpty else { return }
        let bytes = path.bytes
        var hash = FNV1a64()
        for index in bytes.indices {
            if bytes[index] == UInt8(ascii: "/"), !visit(hash.value, bytes, end: index, body) { return }
            hash.add(CollectionOfOne(bytes[index]))
        }
        _ = visit(hash.value, bytes, end: bytes.count, body)
    }

    private func visit(_ hash: UInt64, _ bytes: [UInt8], end: Int, _ body: (Int) -> Bool) -> Bool {
        guard let candidates = byHash[hash] else { return true }
        for index in candidates where directories[index].count == end && bytes[..<end].elementsEqual(directories[index])
        {
            if !body(index) { return false }
        }
        return true
    }
}
