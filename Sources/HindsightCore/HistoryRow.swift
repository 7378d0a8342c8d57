/// One (commit, file) row of the index, as `hindsight history` prints it.
public struct HistoryRow: Hashable, Sendable {
    /// The commit that made the change.
    public var commit: CommitID
    /// The change.
    public var change: FileChange
    /// Where the file lives now, following later renames; nil when it was deleted since.
    public var currentPath: RepoPath?

    /// A row from its parts.
    public init(commit: CommitID, change: FileChange, currentPath: RepoPath?) {
        self.commit = commit
        self.change = change
        self.currentPath = currentPath
    }
}
