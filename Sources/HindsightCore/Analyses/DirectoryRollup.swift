/// Roll-ups of `files` into every directory above them (the root excluded), busiest first.
///
/// - Parameter files: the file reports, in the same order as `input.files`.
public func directoryRollups(files: [FileReport], in input: AnalysisInput) -> [DirectoryReport] {
    var indexOfDirectory: [RepoPath: Int] = [:]
    var reports: [DirectoryReport] = []
    var directoriesOfFile: [[Int]] = []
    for file in files {
        directoriesOfFile.append(
            ancestors(of: file.path).map { path in
                if let known = indexOfDirectory[path] { return known }
                reports.append(
                    DirectoryReport(
                        path: path, files: 0, commits: 0, linesAdded: 0, linesDeleted: 0, recentChurn: 0, fixCommits: 0,
                        bugScore: 0, authors: [], classCounts: [:], lastChanged: .min))
                indexOfDirectory[path] = reports.count - 1
                return reports.count - 1
            })
        for directory in directoriesOfFile[directoriesOfFile.count - 1] {
            reports[directory].files += 1
            reports[directory].linesAdded += file.linesAdded
            reports[directory].linesDeleted += file.linesDeleted
            reports[directory].recentChurn += file.recentChurn
            reports[directory].bugScore += file.bugScore
            reports[directory].classCounts[file.classification.fileClass, default: 0] += 1
            reports[directory].lastChanged = max(reports[directory].lastChanged, file.lastChanged)
        }
    }
    // Count each commit once per directory: stamp a directory with the last commit counted in it.
    var stamp = [Int](repeating: -1, count: reports.count)
    var authorCounts = [[Int: Int]](repeating: [:], count: reports.count)
    for commit in input.times.indices {
        let author = input.authors[commit]
        let isHuman = input.isHuman[author]
        let isFix = input.isFix[commit]
        for file in input.files(of: commit) {
            for directory in directoriesOfFile[Int(file)] where stamp[directory] != commit {
                stamp[directory] = commit
                reports[directory].commits += 1
                if isFix { reports[directory].fixCommits += 1 }
                if isHuman { authorCounts[directory][author, default: 0] += 1 }
            }
        }
    }
    for index in reports.indices {
        reports[index].authors = authorShares(counts: authorCounts[index], people: input.snapshot.people)
    }
    return reports.sorted { ($1.recentChurn, $0.path) < ($0.recentChurn, $1.path) }
}

/// The directories above `path`, nearest the root first (`a`, `a/b` for `a/b/c`).
func ancestors(of path: RepoPath) -> [RepoPath] {
    var result: [RepoPath] = []
    for (index, byte) in path.bytes.enumerated() where byte == UInt8(ascii: "/") {
        result.append(RepoPath(bytes: Array(path.bytes[..<index])))
    }
    return result
}
