/// Repository-wide figures for the report's header.
public struct RepositorySummary: Hashable, Sendable {
    /// The commit the report describes.
    public var tip: CommitID?
    /// The moment ages are measured from (seconds since the epoch).
    public var asOf: Int64
    /// Non-merge commits in the window.
    public var commits: Int
    /// Merge commits in the window (stored, not diffed).
    public var merges: Int
    /// Files that exist at the tip and are covered (not ignored).
    public var files: Int
    /// Deleted files that had changes in the window.
    public var deletedFiles: Int
    /// People (bots excluded) with commits in the window.
    public var authors: Int
    /// Author time of the oldest commit in the window.
    public var firstCommit: Int64?
    /// Author time of the newest commit in the window.
    public var lastCommit: Int64?
    /// Non-merge commits per week between the first and the last commit.
    public var commitsPerWeek: Double
    /// Non-merge commits that are fixes.
    public var fixCommits: Int
    /// Commits that revert another.
    public var reverts: Int
    /// Commits authored or co-authored by a coding agent.
    public var agentCommits: Int
    /// Lines added and deleted in the window (covered files).
    public var churn: Int
    /// Whether the history is cut by a shallow clone.
    public var isShallow: Bool

    /// `fixCommits` over `commits`, 0 when there are none.
    public var fixRatio: Double { commits == 0 ? 0 : Double(fixCommits) / Double(commits) }

    /// A summary from its parts.
    public init(
        tip: CommitID?, asOf: Int64, commits: Int, merges: Int, files: Int, deletedFiles: Int, authors: Int,
        firstCommit: Int64?, lastCommit: Int64?, commitsPerWeek: Double, fixCommits: Int, reverts: Int,
        agentCommits: Int, churn: Int, isShallow: Bool
    ) {
        self.tip = tip
        self.asOf = asOf
        self.commits = commits
        self.merges = merges
        self.files = files
        self.deletedFiles = deletedFiles
        self.authors = authors
        self.firstCommit = firstCommit
        self.lastCommit = lastCommit
        self.commitsPerWeek = commitsPerWeek
        self.fixCommits = fixCommits
        self.reverts = reverts
        self.agentCommits = agentCommits
        self.churn = churn
        self.isShallow = isShallow
    }
}

/// One week of the timeline.
public struct WeekActivity: Hashable, Sendable {
    /// Monday 00:00 UTC starting the week, seconds since the epoch.
    public var start: Int64
    /// Non-merge commits.
    public var commits: Int
    /// Fix commits among them.
    public var fixes: Int
    /// Lines added and deleted (covered files).
    public var churn: Int

    /// A week from its parts.
    public init(start: Int64, commits: Int, fixes: Int, churn: Int) {
        self.start = start
        self.commits = commits
        self.fixes = fixes
        self.churn = churn
    }
}
