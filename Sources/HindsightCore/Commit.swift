/// One commit as the index stores it: identity, people, times, message and parents.
public struct Commit: Hashable, Sendable {
    /// The commit's id.
    public var id: CommitID
    /// Parent ids in order; empty for a root commit.
    public var parents: [CommitID]
    /// The author, after `.mailmap` when read from the index.
    public var author: Person
    /// When the change was authored.
    public var authorTime: GitTime
    /// The committer, after `.mailmap` when read from the index.
    public var committer: Person
    /// When the commit was made.
    public var commitTime: GitTime
    /// The parsed message.
    public var message: CommitMessage

    /// A commit from its parts.
    public init(
        id: CommitID, parents: [CommitID], author: Person, authorTime: GitTime,
        committer: Person, commitTime: GitTime, message: CommitMessage
    ) {
        self.id = id
        self.parents = parents
        self.author = author
        self.authorTime = authorTime
        self.committer = committer
        self.commitTime = commitTime
        self.message = message
    }

    /// Whether the commit has more than one parent (merges are stored but not diffed).
    public var isMerge: Bool { parents.count > 1 }
}

/// How a file changed in a commit, as `git log --name-status` letters it.
public enum ChangeStatus: String, Sendable, CaseIterable {
    case added = "A"
    case modified = "M"
    case deleted = "D"
    case renamed = "R"
    /// The path changed kind (file, symlink, submodule) and kept its name.
    case typeChanged = "T"
}

/// One changed file in a non-merge commit, with the line counts `git log --numstat` prints.
public struct FileChange: Hashable, Sendable {
    /// Added, modified, deleted or renamed.
    public var status: ChangeStatus
    /// The path before a rename; nil for every other status.
    public var oldPath: RepoPath?
    /// The path after the commit (for a deletion, the path that was deleted).
    public var path: RepoPath
    /// Lines added; 0 for a binary file.
    public var linesAdded: Int
    /// Lines deleted; 0 for a binary file.
    public var linesDeleted: Int
    /// Whether git would print `-` for the counts.
    public var isBinary: Bool
    /// The changed regions of a modified, renamed or retyped text file (zero context, git's
    /// coordinates); empty for additions, deletions and binary files, whose region is the whole file.
    public var hunks: [Hunk]

    /// A change from its parts.
    public init(
        status: ChangeStatus, oldPath: RepoPath? = nil, path: RepoPath,
        linesAdded: Int, linesDeleted: Int, isBinary: Bool = false, hunks: [Hunk] = []
    ) {
        self.status = status
        self.oldPath = oldPath
        self.path = path
        self.linesAdded = linesAdded
        self.linesDeleted = linesDeleted
        self.isBinary = isBinary
        self.hunks = hunks
    }
}

/// A commit together with the files it changed (empty for merges and empty commits).
public struct MinedCommit: Hashable, Sendable {
    /// The commit.
    public var commit: Commit
    /// Its changed files in git's path order.
    public var changes: [FileChange]
    /// Whether the commit sits at a shallow clone's cut-off, so its parents are missing.
    public var isShallowBoundary: Bool

    /// A mined commit from its parts.
    public init(commit: Commit, changes: [FileChange], isShallowBoundary: Bool = false) {
        self.commit = commit
        self.changes = changes
        self.isShallowBoundary = isShallowBoundary
    }
}
