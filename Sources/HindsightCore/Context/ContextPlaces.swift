/// Settled paths: the highest directories whose every covered file is stable (two files or more), then
/// stable files outside them; directories with most files first, then files unchanged longest first.
func stableAreas(_ files: [FileReport], facts: [RepoPath: FileFacts], asOf: Int64) -> [StableArea] {
    let alive = files.filter { !$0.isDeleted }
    var total: [RepoPath: Int] = [:]
    var stable: [RepoPath: Int] = [:]
    for file in alive {
        for directory in directories(above: file.path) {
            total[directory, default: 0] += 1
            if file.classification.fileClass == .stable { stable[directory, default: 0] += 1 }
        }
    }
    let settled = Set(total.keys.filter { total[$0] ?? 0 >= 2 && stable[$0] == total[$0] })
    let topSettled = settled.filter { directory in !directories(above: directory).contains(where: settled.contains) }
    var areas: [StableArea] = []
    var members: [RepoPath: [FileReport]] = [:]
    for file in alive where file.classification.fileClass == .stable {
        if let directory = directories(above: file.path).first(where: topSettled.contains) {
            members[directory, default: []].append(file)
        } else {
            areas.append(area(path: file.path, isDirectory: false, files: [file], facts: facts, asOf: asOf))
        }
    }
    let directoryAreas = members.map {
        area(path: $0.key, isDirectory: true, files: $0.value, facts: facts, asOf: asOf)
    }
    return directoryAreas.sorted { ($1.files, $0.path) < ($0.files, $1.path) }
        + areas.sorted { ($1.daysUnchanged, $0.path) < ($0.daysUnchanged, $1.path) }
}

private func area(
    path: RepoPath, isDirectory: Bool, files: [FileReport], facts: [RepoPath: FileFacts], asOf: Int64
) -> StableArea {
    let latest = files.max { ($0.lastChanged, $1.path) < ($1.lastChanged, $0.path) }
    let days = latest.map { Int(max(0, asOf - $0.lastChanged) / 86_400) } ?? 0
    return StableArea(
        path: path, isDirectory: isDirectory, files: files.count, daysUnchanged: days,
        lastChange: latest.flatMap { facts[$0.path]?.lastCommit })
}

/// The directories above `path`, nearest first, without the root: `a/b/c.txt` gives `a/b`, `a`.
func directories(above path: RepoPath) -> [RepoPath] {
    var components = path.string.split(separator: "/", omittingEmptySubsequences: true)
    var result: [RepoPath] = []
    while components.count > 1 {
        components.removeLast()
        result.append(RepoPath(components.joined(separator: "/")))
    }
    return result
}

/// The area a path belongs to: its directory cut to `depth` components ("" for files at the root).
public func areaDirectory(of path: RepoPath, depth: Int = 2) -> RepoPath {
    let components = path.string.split(separator: "/", omittingEmptySubsequences: true).dropLast()
    return RepoPath(components.prefix(depth).joined(separator: "/"))
}

/// Directories (cut to two components) with commits in the last `days` days before `asOf`, the
/// busiest `limit` first: where a collision is likely, not a directory listing.
func activeAreas(in input: AnalysisInput, asOf: Int64, days: Int, limit: Int = 8) -> [ActiveArea] {
    let since = asOf - Int64(days) * 86_400
    var commits: [RepoPath: [Int]] = [:]
    for (index, commit) in input.snapshot.commits.enumerated()
    where !commit.isMerge && commit.time >= since && commit.time <= asOf {
        // Every changed path counts, deleted ones included (removing code is work too), but ignored ones do not.
        let paths = input.snapshot.changes[commit.changes].map { input.snapshot.paths[$0.path] }
        let directories = Set(
            paths.filter { path in !input.settings.ignore.contains { $0.matches(path) } }.map { areaDirectory(of: $0) })
        for directory in directories { commits[directory, default: []].append(index) }
    }
    return commits.compactMap { directory, indexes -> ActiveArea? in
        guard let newest = indexes.max(by: { (input.times[$0], $0) < (input.times[$1], $1) }) else { return nil }
        var counts: [String: Int] = [:]
        for index in indexes where input.isHuman[input.authors[index]] {
            counts[input.snapshot.people[input.authors[index]].name, default: 0] += 1
        }
        let authors = counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(3).map(\.key)
        return ActiveArea(
            directory: directory, commits: indexes.count, days: days, authors: authors, latest: input.reference(newest))
    }.sorted { ($1.commits, $0.directory) < ($0.commits, $1.directory) }.prefix(limit).map { $0 }
}
