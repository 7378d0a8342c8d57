/// How many days after a fix removed a line its return counts as a repeated mistake.
public let healthReaddDays = 365

/// Per commit of `commits` (snapshot indices of non-merge commits): how many distinct lines it
/// added to a file that a fix in the `lookBackDays` before it had removed from that same file
/// (renames followed), counting only lines a `reintroduced-fix` guard would learn from (distinctive,
/// not comments) that the fix did not add back itself, and not lines the commit also removed (a
/// move). Reverts count nothing here: they are counted as reverts (a revert of a merge re-adds the
/// lines of every fix the branch held). Files `input` leaves out
/// (ignored, vendored, fixtures) count nothing. `changed` reads a commit's lines against its first
/// parent; each commit is read once.
public func readdedFixLines(
    of commits: [Int], in input: AnalysisInput, lookBackDays: Int = healthReaddDays,
    changed: (Int) throws -> [RepoPath: ChangedLines]
) rethrows -> [Int: Int] {
    guard let latest = commits.max(), let earliestTime = commits.map({ input.times[$0] }).min() else { return [:] }
    let lookBack = Int64(lookBackDays) * 86_400
    let latestTime = commits.map { input.times[$0] }.max() ?? earliestTime
    let fixes = (0..<latest).filter {
        input.isFix[$0] && input.times[$0] >= earliestTime - lookBack && input.times[$0] <= latestTime
    }
    let counted = Set(commits)
    let files = FileOfChange(input, commits: counted.union(fixes))
    // One pass in index order reads each commit once: when a commit is counted, `removed` holds
    // exactly the fixes before it.
    var removed: [RepoPath: [String: [Int]]] = [:]  // file → removed line → the fixes that removed it
    var latestFix: [RepoPath: Int64] = [:]  // file → the latest time a fix removed a line from it
    var counts: [Int: Int] = [:]
    for commit in counted.union(fixes).sorted() {
        let since = input.times[commit] - lookBack
        // A revert is counted as a revert; a commit touching no file that lost a line to a fix within
        // the look-back has nothing to add back: neither is read.
        if !input.isFix[commit],
            input.snapshot.commits[commit].revertedCommit != nil
                || !files.files(changedBy: commit).contains(where: { latestFix[$0] ?? .min >= since })
        {
            counts[commit] = 0
            continue
        }
        let changed = try changed(commit)
        if counted.contains(commit) {
            counts[commit] = readds(by: commit, changed: changed, removed: removed, files: files, in: input, lookBack)
        }
        guard input.isFix[commit] else { continue }
        for (path, file) in changed {
            guard let owner = files.file(of: path, at: commit) else { continue }
            let addedBack = Set(file.added.map(normalizedLine))
            for text in Set(file.removed.map(normalizedLine))
            where isDistinctive(text) && !isCommentLine(text) && !addedBack.contains(text) {
                removed[owner, default: [:]][text, default: []].append(commit)
                latestFix[owner] = max(latestFix[owner] ?? .min, input.times[commit])
            }
        }
    }
    return counts
}

/// The lines `commit` added back of those `removed` by fixes in the `lookBack` seconds before it.
private func readds(
    by commit: Int, changed: [RepoPath: ChangedLines], removed: [RepoPath: [String: [Int]]], files: FileOfChange,
    in input: AnalysisInput, _ lookBack: Int64
) -> Int {
    let time = input.times[commit]
    var count = 0
    for (path, file) in changed {
        guard let owner = files.file(of: path, at: commit), let fixLines = removed[owner] else { continue }
        let alsoRemoved = Set(file.removed.map(normalizedLine))
        for text in Set(file.added.map(normalizedLine)) where !alsoRemoved.contains(text) {
            let byFix = fixLines[text]?.contains { fix in
                input.times[fix] <= time && input.times[fix] >= time - lookBack
            }
            if byFix == true { count += 1 }
        }
    }
    return count
}

/// Which of `input`'s covered files a path changed by a commit belongs to, through renames and
/// before the window too (`input.files` holds only the window's changes), named by its current
/// path: a file deleted and later created again at the same path is one file here, as for people.
private struct FileOfChange {
    private var owners: [PathAtCommit: RepoPath] = [:]
    private var byCommit: [Int: [RepoPath]] = [:]

    init(_ input: AnalysisInput, commits: Set<Int>) {
        let covered = Set(input.files.map(\.path))
        for lineage in fileLineages(of: input.snapshot) where covered.contains(lineage.path) {
            for (change, commit) in zip(lineage.changes, lineage.commits) where commits.contains(commit) {
                owners[PathAtCommit(commit: commit, path: input.snapshot.paths[input.snapshot.changes[change].path])] =
                    lineage.path
                byCommit[commit, default: []].append(lineage.path)
            }
        }
    }

    /// The covered files `commit` changed.
    func files(changedBy commit: Int) -> [RepoPath] { byCommit[commit] ?? [] }

    func file(of path: RepoPath, at commit: Int) -> RepoPath? { owners[PathAtCommit(commit: commit, path: path)] }
}
