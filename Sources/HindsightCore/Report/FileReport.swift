/// Everything the report says about one file (its history folded onto its current path).
public struct FileReport: Hashable, Sendable {
    /// The current path, or the path a deleted file was deleted from.
    public var path: RepoPath
    /// Whether the file no longer exists at the tip.
    public var isDeleted: Bool
    /// Commits that changed the file.
    public var commits: Int
    /// Lines added over those commits.
    public var linesAdded: Int
    /// Lines deleted over those commits.
    public var linesDeleted: Int
    /// Lines added and deleted, each change weighted by 0.5^(age / half-life).
    public var recentChurn: Double
    /// Author time of the first commit that touched it.
    public var firstSeen: Int64
    /// Author time of the latest commit that touched it.
    public var lastChanged: Int64
    /// Distinct calendar days (in the authors' time zones) with a change.
    public var daysWithChanges: Int
    /// People (bots excluded) who changed it, most commits first.
    public var authors: [AuthorShare]
    /// Commits co-authored by a coding agent (author or `Co-authored-by:`).
    public var agentCommits: Int
    /// Fix commits that changed it.
    public var fixCommits: Int
    /// Lewis et al. (2013) bug score: Σ over fix commits of 1/(1+e^(−12t+12)).
    public var bugScore: Double
    /// Revert commits that changed it.
    public var reverts: Int
    /// Files that change with it, strongest first.
    public var coupling: [CouplingPartner]
    /// Its class, rule and figures.
    public var classification: Classification

    /// Lines added plus lines deleted.
    public var churn: Int { linesAdded + linesDeleted }
    /// The person with most commits, if any.
    public var mainAuthor: AuthorShare? { authors.first }
    /// 1 − Σ share² over authors: 0 for one owner, towards 1 for many equal ones.
    public var fragmentation: Double { authors.isEmpty ? 0 : 1 - authors.reduce(0) { $0 + $1.share * $1.share } }

    /// A file report from its parts.
    public init(
        path: RepoPath, isDeleted: Bool = false, commits: Int, linesAdded: Int, linesDeleted: Int,
        recentChurn: Double, firstSeen: Int64, lastChanged: Int64, daysWithChanges: Int,
        authors: [AuthorShare], agentCommits: Int = 0, fixCommits: Int, bugScore: Double, reverts: Int,
        coupling: [CouplingPartner], classification: Classification
    ) {
        self.path = path
        self.isDeleted = isDeleted
        self.commits = commits
        self.linesAdded = linesAdded
        self.linesDeleted = linesDeleted
        self.recentChurn = recentChurn
        self.firstSeen = firstSeen
        self.lastChanged = lastChanged
        self.daysWithChanges = daysWithChanges
        self.authors = authors
        self.agentCommits = agentCommits
        self.fixCommits = fixCommits
        self.bugScore = bugScore
        self.reverts = reverts
        self.coupling = coupling
        self.classification = classification
    }
}

/// One person's part in a file's or directory's commits.
public struct AuthorShare: Hashable, Sendable {
    /// Name after `.mailmap` (untrusted text).
    public var name: String
    /// Email after `.mailmap` (untrusted text).
    public var email: String
    /// Commits by this person.
    public var commits: Int
    /// `commits` over all people's commits, 0…1.
    public var share: Double

    /// A share from its parts.
    public init(name: String, email: String, commits: Int, share: Double) {
        self.name = name
        self.email = email
        self.commits = commits
        self.share = share
    }
}

/// Roll-up of the files below one directory.
public struct DirectoryReport: Hashable, Sendable {
    /// The directory (empty for the repository root).
    public var path: RepoPath
    /// Files below it that the report covers.
    public var files: Int
    /// Distinct commits that changed a file below it.
    public var commits: Int
    /// Lines added below it.
    public var linesAdded: Int
    /// Lines deleted below it.
    public var linesDeleted: Int
    /// Sum of the files' recency-weighted churn.
    public var recentChurn: Double
    /// Distinct fix commits that changed a file below it.
    public var fixCommits: Int
    /// Sum of the files' bug scores.
    public var bugScore: Double
    /// People (bots excluded), most commits first.
    public var authors: [AuthorShare]
    /// How many files below it fall in each class.
    public var classCounts: [FileClass: Int]
    /// When a file below it last changed.
    public var lastChanged: Int64

    /// Lines added plus lines deleted.
    public var churn: Int { linesAdded + linesDeleted }
    /// 1 − Σ share² over authors.
    public var fragmentation: Double { authors.isEmpty ? 0 : 1 - authors.reduce(0) { $0 + $1.share * $1.share } }

    /// A directory report from its parts.
    public init(
        path: RepoPath, files: Int, commits: Int, linesAdded: Int, linesDeleted: Int, recentChurn: Double,
        fixCommits: Int, bugScore: Double, authors: [AuthorShare], classCounts: [FileClass: Int], lastChanged: Int64
    ) {
        self.path = path
        self.files = files
        self.commits = commits
        self.linesAdded = linesAdded
        self.linesDeleted = linesDeleted
        self.recentChurn = recentChurn
        self.fixCommits = fixCommits
        self.bugScore = bugScore
        self.authors = authors
        self.classCounts = classCounts
        self.lastChanged = lastChanged
    }
}
