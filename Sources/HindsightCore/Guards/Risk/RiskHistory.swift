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
        for (index, commit) in snapshot.commits.enumerated() where !commit.isMerge {
            let changes = snapshot.changes[commit.changes]
            var measured = ChangeFeatures()
            measured.measure(
                churn: changes.map { (snapshot.paths[$0.path], $0.added, $0.deleted) })
            measured.recall(changes.map { state[$0.oldPath ?? $0.path]?.counts }, at: commit.commitTime)
            measured.authorCommits = byAuthor[commit.author] ?? 0
            measured.isFix = input.isFix[index]
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
        for (path, file) in state {
            var counts = file.counts
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

    mutating func record(author: Int, isFix: Bool, at time: Int64) {
        counts.commits += 1
        if isFix { counts.fixes += 1 }
        commitsByAuthor[author, default: 0] += 1
        counts.authors = commitsByAuthor.count
        counts.lastChange = max(counts.lastChange ?? time, time)
    }

    /// The author with most commits here (the lowest index on a tie, so the answer is stable).
    var topAuthor: Int? {
        commitsByAuthor.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }
}
