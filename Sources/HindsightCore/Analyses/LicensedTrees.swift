/// Directories below the root that hold a license of their own and whose current files mostly
/// arrived in bulk: someone else's code, copied in.
///
/// The rule: the directory holds a license file (`isLicenseFileName`) whose text is not that of a
/// license at the root (a crate or package that copies the project's license is the project's own);
/// and of its current files, at least half were created — following renames, so moving a directory
/// is no import — by *bulk* commits: commits that created at least a quarter of them (and two or
/// more) and created no more files elsewhere than in the directory (a repository's first commit, or a
/// shallow clone's, creates everything and says nothing). An import and a few upstream updates
/// pass; a directory built up file by file, however old, does not.
func licensedTrees(
    covered: [RepoPath], files: [FileLineage], in snapshot: HistorySnapshot, isTestData: (RepoPath) -> Bool
) -> [RecognisedTree] {
    let texts = snapshot.treeEvidence.licenseTexts
    var rootLicenses: Set<[UInt8]> = []
    var licensesOfDirectory: [RepoPath: [RepoPath]] = [:]
    for path in covered where isLicenseFileName(path.baseName) {
        guard let slash = path.bytes.lastIndex(of: UInt8(ascii: "/")) else {
            if let text = texts[path] { rootLicenses.insert(normalisedLicense(text)) }
            continue
        }
        let directory = RepoPath(bytes: Array(path.bytes[..<slash]))
        if !isTestData(directory) { licensesOfDirectory[directory, default: []].append(path) }
    }
    // A license whose text is unknown counts as the directory's own.
    let ownLicense = licensesOfDirectory.compactMapValues { licenses in
        licenses.sorted().first { texts[$0].map { !rootLicenses.contains(normalisedLicense($0)) } ?? true }
    }
    guard !ownLicense.isEmpty else { return [] }
    let candidates = ownLicense.keys.sorted()
    let lookup = TreeLookup(paths: candidates)
    var filesOfDirectory = [[RepoPath]](repeating: [], count: candidates.count)
    for path in covered {
        lookup.forEach(containing: path) { index in
            filesOfDirectory[index].append(path)
            return true
        }
    }
    var lineageOfPath: [RepoPath: Int] = [:]
    for (index, file) in files.enumerated() where !file.isDeleted { lineageOfPath[file.path] = index }
    func creation(of path: RepoPath) -> Int? {
        guard let index = lineageOfPath[path], let first = files[index].changes.first,
            snapshot.changes[first].status == .added
        else { return nil }
        return files[index].commits[0]
    }
    return candidates.enumerated().compactMap { index, directory in
        let members = filesOfDirectory[index]
        let license = ownLicense[directory] ?? directory
        var created: [Int: Int] = [:]
        for path in members { if let commit = creation(of: path) { created[commit, default: 0] += 1 } }
        let bulk = created.filter { commit, count in
            count >= 2 && count * 4 >= members.count
                && isMostlyInside(directory, commit, creating: count, in: snapshot)
        }
        let arrived = bulk.values.reduce(0, +)
        guard members.count >= 2, arrived * 2 >= members.count else { return nil }
        let reason =
            "own license \(license), arrived in bulk (\(arrived) of \(members.count) files in "
            + "\(TextShaping.count(bulk.count, "commit")))"
        return RecognisedTree(path: directory, kind: .vendored, reason: reason, files: members.count)
    }
}

/// Whether most of the files `commit` created are in `directory`: then (`creating` of them) or now
/// (`creating` of its current files), since an import's later-dropped files were its files too.
private func isMostlyInside(_ directory: RepoPath, _ commit: Int, creating: Int, in snapshot: HistorySnapshot) -> Bool {
    var added = 0
    var inside = 0
    for change in snapshot.changes[snapshot.commits[commit].changes] where change.status == .added {
        added += 1
        if snapshot.paths[change.path].isWithin(directory) { inside += 1 }
    }
    return max(inside, creating) * 2 >= added
}

/// License text compared without line-ending and trailing-space differences.
private func normalisedLicense(_ text: String) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    func dropTrailingBlanks() {
        while let last = bytes.last, last == 0x20 || last == 0x09 || last == 0x0D { bytes.removeLast() }
    }
    for byte in text.utf8 {
        if byte == 0x0A { dropTrailingBlanks() }
        bytes.append(byte)
    }
    while let last = bytes.last, last == 0x20 || last == 0x09 || last == 0x0D || last == 0x0A { bytes.removeLast() }
    return bytes
}

/// Whether a file name is a license: `LICENSE`, `LICENCE`, `COPYING` or `UNLICENSE` in any case,
/// alone or followed by `.`, `-` or `_` and a suffix (`LICENSE-MIT`, `LICENCE.md`, `COPYING.GPL`) —
/// but not source code such as `license.go`.
public func isLicenseFileName(_ name: ArraySlice<UInt8>) -> Bool {
    guard let first = name.first, [0x63, 0x6C, 0x75].contains(first | 0x20) else { return false }  // c, l, u
    let lower = String(decoding: name, as: UTF8.self).lowercased()
    guard let stem = ["unlicense", "license", "licence", "copying"].first(where: lower.hasPrefix) else {
        return false
    }
    let rest = lower.dropFirst(stem.count)
    guard let separator = rest.first else { return true }
    guard separator == "." || separator == "-" || separator == "_" else { return false }
    return separator != "." || !sourceExtensions.contains(String(rest.dropFirst()))
}

private let sourceExtensions: Set<String> = [
    "c", "h", "cc", "cpp", "hpp", "m", "go", "rs", "py", "rb", "js", "mjs", "ts", "tsx", "jsx", "java", "kt",
    "swift", "cs", "php", "pl", "sh", "json", "yml", "yaml", "toml", "xml", "html", "css",
]

/// The license files whose text tree recognition compares: those at the root and those in
/// directories that could be vendored (not test data, no `ignore` glob matching them).
public func licenseFilesToCompare(among paths: Set<RepoPath>, ignore: [GlobPattern]) -> [RepoPath] {
    paths.filter { path in
        isLicenseFileName(path.baseName) && fixtureDirectory(of: path) == nil
            && !ignore.contains { $0.matches(path) }
    }.sorted()
}
