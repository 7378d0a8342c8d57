/// What the live guard rules need to know about one file: small enough to cache per file, so a
/// pre-commit check reads a few rows instead of analysing the whole history.
public struct FileFacts: Hashable, Sendable {
    /// The file's current path.
    public var path: RepoPath
    /// Its class and the rule that placed it there.
    public var classification: Classification
    /// Commits that changed it.
    public var commits: Int
    /// The latest commit that changed it.
    public var lastCommit: CommitRef?
    /// Files that change with it, strongest first.
    public var coupling: [CouplingPartner]
    /// For each partner, the latest (at most three) commits that changed both, newest first.
    public var sharedCommits: [RepoPath: [CommitRef]]

    /// Facts from their parts.
    public init(
        path: RepoPath, classification: Classification, commits: Int, lastCommit: CommitRef?,
        coupling: [CouplingPartner], sharedCommits: [RepoPath: [CommitRef]]
    ) {
        self.path = path
        self.classification = classification
        self.commits = commits
        self.lastCommit = lastCommit
        self.coupling = coupling
        self.sharedCommits = sharedCommits
    }
}

/// Facts for every alive covered file of `input`.
public func fileFacts(in input: AnalysisInput) -> [RepoPath: FileFacts] {
    let analyzed = analyzeFiles(in: input).filter { !$0.report.isDeleted }
    var commitsByPath: [RepoPath: Set<Int>] = [:]
    for file in analyzed { commitsByPath[file.report.path] = Set(file.commits) }
    // Only partners that still exist: a guard that says "also review" a deleted file helps nobody.
    var facts: [RepoPath: FileFacts] = [:]
    for file in analyzed {
        var shared: [RepoPath: [CommitRef]] = [:]
        let coupling = file.report.coupling.filter { commitsByPath[$0.path] != nil }
        for partner in coupling {
            guard let theirs = commitsByPath[partner.path] else { continue }
            shared[partner.path] = file.commits.filter(theirs.contains).suffix(3).reversed().map(input.reference)
        }
        facts[file.report.path] = FileFacts(
            path: file.report.path, classification: file.report.classification, commits: file.report.commits,
            lastCommit: file.commits.last.map(input.reference), coupling: coupling, sharedCommits: shared)
    }
    return facts
}
