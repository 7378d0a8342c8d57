/// Every commit's change features, measured in one pass over history in order (each from what was
/// known just before it), and what is known of each file and author at the end. The model trains on
/// the first and a check reads the second, so both see the same figures.
public struct RiskHistory: Sendable {
    /// Per commit (snapshot index), its features; nil for merges, which are never diffed.
    public var features: [ChangeFeatures?]
    /// What is known of each file at the tip, by path (files deleted by then left out).
    public var paths: [RepoPath: PathRiskCounts]
    /// Commits per author at the tip, by email (lowercased, after `.mailmap`).
    public var authorCommits: [String: Int]

    /// The pass over `input`'s commits.
    public init(input: AnalysisInput) {
        let snapshot = input.snapshot
        var state: [Int: PathState] = [:]
        var byAuthor: [Int: Int] = [:]
        var features = [ChangeFeatures?](repeating: nil, count: snapshot.commits.count)
        var coupling = RunningCoupling(input: input)
        for (index, commit) in snapshot.commits.enumerated() where !commit.isMerge {
            defer { coupling.record(input.files(of: index)) }
            let changes = snapshot.changes[commit.changes]
            var measured = ChangeFeatures()
            measured.measure(
                churn: changes.map { (snapshot.paths[$0.path], $0.added, $0.deleted) })
            measured.recall(
                changes.map { change in
                    state[change.oldPath ?? change.path].map { file in
                        var counts = file.counts
                        counts.recentFixes = file.fixes(inYearBefore: commit.commitTime)
                        return counts
                    }
                }, at: commit.commitTime)
            measured.authorCommits = byAuthor[commit.author] ?? 0
            measured.isFix = input.isFix[index]
            measured.isAgent = input.isAgentCommit[index]
            measured.coChangeMisses = coupling.misses(input.files(of: index), at: index)
            features[index] = measured
            byAuthor[commit.author, default: 0] += 1
            for change in changes {
                var file = change.oldPath.flatMap { state.removeValue(forKey: $0) } ?? state[change.path] ?? PathState()
                guard change.status != .deleted else {
                    state[change.path] = nil
                    continue
                }
                file.record(author: commit.author, isFix: input.isFix[index], at: commit.commitTime)
                state[change.path] = file
            }
        }
        self.features = features
        var paths: [RepoPath: PathRiskCounts] = [:]
        let tipTime = snapshot.tipCommitTime ?? 0
        for (path, file) in state {
            var counts = file.counts
            counts.recentFixes = file.fixes(inYearBefore: tipTime)
            counts.topAuthor = file.topAuthor.map { snapshot.people[$0].name }
            paths[snapshot.paths[path]] = counts
        }
        self.paths = paths
        var authorCommits: [String: Int] = [:]
        for (author, count) in byAuthor {
            authorCommits[snapshot.people[author].email.lowercased(), default: 0] += count
        }
        self.authorCommits = authorCommits
    }
}

/// One file's running counts during the pass.
private struct PathState {
    var counts = PathRiskCounts()
    var commitsByAuthor: [Int: Int] = [:]
    /// When its latest fixes were made (committer time, at most `recentLimit`).
    var fixTimes: [Int64] = []

    static let recentLimit = 64
    static let year: Int64 = 365 * 86_400

    mutating func record(author: Int, isFix: Bool, at time: Int64) {
        counts.commits += 1
        if isFix {
            counts.fixes += 1
            fixTimes.append(time)
            if fixTimes.count > 2 * Self.recentLimit { fixTimes.removeFirst(Self.recentLimit) }
        }
        commitsByAuthor[author, default: 0] += 1
        counts.authors = commitsByAuthor.count
        counts.lastChange = max(counts.lastChange ?? time, time)
    }

    /// Its fixes made in the year up to `time` (counted to `recentLimit`).
    func fixes(inYearBefore time: Int64) -> Int {
        fixTimes.suffix(Self.recentLimit).filter { $0 <= time && $0 > time - Self.year }.count
    }

    /// The author with most commits here (the lowest index on a tie, so the answer is stable).
    var topAuthor: Int? {
        commitsByAuthor.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }
}

/// The report's coupling (``coupling(in:)``) as it stood before each commit, kept as the pass goes:
/// the same thresholds and skipped mass edits, over the analysis's files alive at that commit (the
/// files alive at the tip, unless `report.includeDeleted` keeps deleted ones too).
private struct RunningCoupling {
    let thresholds: CouplingThresholds
    /// Per file, the commit after which it is gone for good (`Int.max` when alive at the tip).
    let deletedAt: [Int]
    var revisions: [Int]
    var shared: [[Int32: Int]]

    init(input: AnalysisInput) {
        thresholds = input.settings.coupling
        deletedAt = input.files.map { file in file.isDeleted ? (file.commits.last ?? Int.max) : Int.max }
        revisions = [Int](repeating: 0, count: input.files.count)
        shared = [[Int32: Int]](repeating: [:], count: input.files.count)
    }

    /// Files alive at `commit` that clear the thresholds with one of `files` and are not among them.
    func misses(_ files: ArraySlice<Int32>, at commit: Int) -> Int {
        let touched = Set(files)
        var missed = Set<Int32>()
        for file in files {
            for (other, count) in shared[Int(file)]
            where deletedAt[Int(other)] > commit && !touched.contains(other)
                && thresholds.degree(
                    shared: count, revisions: revisions[Int(file)], otherRevisions: revisions[Int(other)]) != nil
            {
                missed.insert(other)
            }
        }
        return missed.count
    }

    /// Counts `files`' commit, unless it is a mass edit.
    mutating func record(_ files: ArraySlice<Int32>) {
        guard files.count <= thresholds.maxFilesPerCommit else { return }
        for file in files { revisions[Int(file)] += 1 }
        guard files.count > 1 else { return }
        for first in files {
            for second in files where second != first { shared[Int(first)][second, default: 0] += 1 }
        }
    }
}
