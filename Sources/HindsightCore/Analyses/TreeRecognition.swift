/// The vendored and fixture trees at `snapshot`'s tip, in path order; a tree inside another is not
/// listed. Paths an `ignore` glob matches take no part.
///
/// A **fixture** tree is the outermost directory named `testdata`, `fixtures`, `fixture`, `corpora`
/// or `__snapshots__`, or `resources` directly under `test`, `tests`, `t`, `spec` or `__tests__`
/// (any case). A **vendored** tree is a path `.gitmodules` names, or a directory with a license of
/// its own whose files mostly arrived in bulk (see `licensedTrees`). Without the tip's paths
/// (`livePaths`), trees are recognised by name only, over the files alive in history.
///
/// - Parameter files: the snapshot's files folded through renames (`fileLineages(of:)`).
public func recognisedTrees(
    in snapshot: HistorySnapshot, files: [FileLineage], ignore: [GlobPattern]
) -> [RecognisedTree] {
    let alive = snapshot.livePaths.map(Array.init) ?? files.filter { !$0.isDeleted }.map(\.path)
    let covered = alive.filter { path in !ignore.contains { $0.matches(path) } }.sorted()
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

/// Directory names that hold test data wherever they are (compared in lower case).
let testDataDirectoryNames: Set<String> = ["testdata", "fixtures", "fixture", "corpora", "__snapshots__"]
/// Test directories whose `resources` child holds test data.
let testDirectoryNames: Set<String> = ["test", "tests", "t", "spec", "__tests__"]

/// How many leading folders (lower case) reach the outermost test-data directory among `folders`; nil for none.
func testDataDepth(_ folders: [String]) -> Int? {
    for (index, name) in folders.enumerated() {
        if testDataDirectoryNames.contains(name) { return index + 1 }
        if name == "resources", index > 0, testDirectoryNames.contains(folders[index - 1]) { return index + 1 }
    }
    return nil
}

/// The outermost test-data directory `path` lies in, with the reason; nil when none.
func fixtureDirectory(of path: RepoPath) -> (RepoPath, String)? {
    let folders = path.bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).dropLast()
    guard let depth = testDataDepth(folders.map { String(decoding: $0, as: UTF8.self).lowercased() }) else {
        return nil
    }
    let directory = RepoPath(bytes: Array(path.bytes[..<folders[folders.startIndex + depth - 1].endIndex]))
    let name = String(decoding: folders[folders.startIndex + depth - 1], as: UTF8.self)
    guard depth > 1, !testDataDirectoryNames.contains(name.lowercased()) else {
        return (directory, "test data directory name `\(name)`")
    }
    let parent = String(decoding: folders[folders.startIndex + depth - 2], as: UTF8.self)
    return (directory, "`\(name)` under the test directory `\(parent)`")
}
