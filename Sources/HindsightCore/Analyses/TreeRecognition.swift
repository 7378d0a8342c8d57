/// The vendored and fixture trees at `snapshot`'s tip, in path order; a tree inside another is not
/// listed. Paths an `ignore` glob matches take no part.
///
/// A **fixture** tree is the outermost directory named `testdata`, `fixtures`, `fixture`, `corpora`
/// or `__snapshots__`, or `resources` directly under `test`, `tests`, `t`, `spec` or `__tests__`
/// (any case). A **vendored** tree is a path `.gitmodules` names, a directory with a license of
/// its own whose files mostly arrived in bulk (see `licensedTrees`), or a child of a root `deps/`,
/// `third_party/`, `third-party/`, `3rdparty/`, `external/` or `extern/` folder. Without the tip's paths
/// (`livePaths`), trees are recognised by name only, over the files alive in history.
///
/// - Parameter files: the snapshot's files folded through renames (`fileLineages(of:)`).
public func recognisedTrees(
    in snapshot: HistorySnapshot, files: [FileLineage], ignore: [GlobPattern]
) -> [RecognisedTree] {
    let isIgnored = files.map { file in !file.isDeleted && ignore.contains { $0.matches(file.path) } }
    return recognisedTrees(in: snapshot, files: files, isIgnored: isIgnored, ignore: ignore)
}

/// `recognisedTrees(in:files:ignore:)` with the globs already matched against each alive file.
func recognisedTrees(
    in snapshot: HistorySnapshot, files: [FileLineage], isIgnored: [Bool], ignore: [GlobPattern]
) -> [RecognisedTree] {
    var covered: [RepoPath] = []
    for (file, isIgnored) in zip(files, isIgnored) where !file.isDeleted && !isIgnored { covered.append(file.path) }
    if let live = snapshot.livePaths {
        // Files that came in through a merge and never changed since have no lineage.
        let folded = Set(files.lazy.filter { !$0.isDeleted }.map(\.path))
        for path in live where !folded.contains(path) && !ignore.contains(where: { $0.matches(path) }) {
            covered.append(path)
        }
    }
    // At one path a submodule beats a license, which beats a name.
    var found: [RepoPath: (kind: TreeKind, reason: String)] = [:]
    for path in snapshot.treeEvidence.submodulePaths { found[path] = (.vendored, "submodule in .gitmodules") }
    var fixtures: [RepoPath: String] = [:]
    for path in covered {
        if let (directory, reason) = fixtureDirectory(of: path), fixtures[directory] == nil {
            fixtures[directory] = reason
        }
    }
    if snapshot.livePaths != nil {
        let fixtureLookup = TreeLookup(
            fixtures.keys.map { RecognisedTree(path: $0, kind: .fixture, reason: "", files: 0) })
        let licensed = licensedTrees(
            covered: covered, files: files, in: snapshot, isTestData: { fixtureLookup.tree(containing: $0) != nil })
        for tree in licensed where found[tree.path] == nil { found[tree.path] = (tree.kind, tree.reason) }
    }
    for path in covered {
        if let (directory, reason) = thirdPartyDirectory(of: path), found[directory] == nil {
            found[directory] = (.vendored, reason)
        }
    }
    for (path, reason) in fixtures where found[path] == nil { found[path] = (.fixture, reason) }

    // Sorted by bytes, a directory comes before everything below it.
    var kept: [RecognisedTree] = []
    var keptPaths: Set<RepoPath> = []
    for (path, entry) in found.sorted(by: { $0.key < $1.key }) {
        if ancestors(of: path).contains(where: keptPaths.contains) { continue }
        kept.append(RecognisedTree(path: path, kind: entry.kind, reason: entry.reason, files: 0))
        keptPaths.insert(path)
    }
    let lookup = TreeLookup(kept)
    for path in covered {
        if let tree = lookup.tree(containing: path) { kept[tree].files += 1 }
    }
    return kept.filter { $0.files > 0 }
}

/// Root folders whose children are other projects' code by convention (`vendor/` is ignored already).
private let thirdPartyContainers: Set<String> = [
    "deps", "third_party", "third-party", "3rdparty", "external", "extern",
]

/// The child of a root third-party folder that holds `path` (`deps/clar` for `deps/clar/clar.c`),
/// with the reason; nil elsewhere, and for files directly in the folder.
func thirdPartyDirectory(of path: RepoPath) -> (RepoPath, String)? {
    let components = path.string.split(separator: "/", maxSplits: 2)
    guard components.count == 3, thirdPartyContainers.contains(String(components[0])) else { return nil }
    return (
        RepoPath("\(components[0])/\(components[1])"), "under `\(components[0])/`, where projects keep others' code"
    )
}

/// Directory names that hold test data wherever they are (compared ignoring ASCII case).
private let testDataDirectoryNames = ["testdata", "fixtures", "fixture", "corpora", "__snapshots__"].map {
    Array($0.utf8)
}
/// Test directories whose `resources` child holds test data.
private let testDirectoryNames = ["test", "tests", "t", "spec", "__tests__"].map { Array($0.utf8) }
private let resourcesName = [Array("resources".utf8)]

/// The outermost test-data directory among `path`'s folders, as the byte ranges of its name and
/// (for `resources`) its parent's; nil when `path` lies in none.
func testDataDirectory(in path: RepoPath) -> (name: Range<Int>, parent: Range<Int>?)? {
    let bytes = path.bytes
    var start = 0
    var previous: Range<Int>?
    while let slash = bytes[start...].firstIndex(of: UInt8(ascii: "/")) {
        let name = start..<slash
        if isNamed(bytes[name], testDataDirectoryNames) { return (name, nil) }
        if let parent = previous, isNamed(bytes[name], resourcesName), isNamed(bytes[parent], testDirectoryNames) {
            return (name, parent)
        }
        previous = name
        start = slash + 1
    }
    return nil
}

/// Whether `component` is one of `names` (lower case), ignoring ASCII case.
private func isNamed(_ component: ArraySlice<UInt8>, _ names: [[UInt8]]) -> Bool {
    names.contains { name in
        name.count == component.count
            && zip(name, component).allSatisfy { $0 == ($1 >= 0x41 && $1 <= 0x5A ? $1 | 0x20 : $1) }
    }
}

/// The outermost test-data directory `path` lies in, with the reason; nil when none.
func fixtureDirectory(of path: RepoPath) -> (RepoPath, String)? {
    guard let (name, parent) = testDataDirectory(in: path) else { return nil }
    let directory = RepoPath(bytes: Array(path.bytes[..<name.upperBound]))
    let text = String(decoding: path.bytes[name], as: UTF8.self)
    guard let parent else { return (directory, "test data directory name `\(text)`") }
    return (directory, "`\(text)` under the test directory `\(String(decoding: path.bytes[parent], as: UTF8.self))`")
}
