/// The change `hindsight check` looks at: staged changes, a commit, a range or a pull request's diff.
public struct ChangeSet: Sendable {
    /// What was checked, for people: "staged changes", "commit 1a2b3c4", "main...HEAD".
    public var description: String
    /// The changed files, in git's path order.
    public var files: [ChangedFile]
    /// The messages of the commits in the change (empty for staged changes), for `Hindsight-Allow:` trailers.
    public var messages: [CommitMessage]

    /// A change set from its parts.
    public init(description: String, files: [ChangedFile], messages: [CommitMessage] = []) {
        self.description = description
        self.files = files
        self.messages = messages
    }
}

/// One changed file of a change set, with its added and removed lines.
public struct ChangedFile: Hashable, Sendable {
    /// How the file changed.
    public var status: ChangeStatus
    /// The path before a rename.
    public var oldPath: RepoPath?
    /// The path after the change (for a deletion, the deleted path).
    public var path: RepoPath
    /// Whether git counts the file as binary (then no lines are listed).
    public var isBinary: Bool
    /// Added lines with their line numbers in the new file, in order.
    public var added: [DiffLine]
    /// Removed lines with their line numbers in the old file, in order.
    public var removed: [DiffLine]

    /// A changed file from its parts.
    public init(
        status: ChangeStatus, oldPath: RepoPath? = nil, path: RepoPath, isBinary: Bool = false,
        added: [DiffLine] = [], removed: [DiffLine] = []
    ) {
        self.status = status
        self.oldPath = oldPath
        self.path = path
        self.isBinary = isBinary
        self.added = added
        self.removed = removed
    }
}

/// One added or removed line.
public struct DiffLine: Hashable, Sendable {
    /// 1-based line number (in the new file for an added line, the old file for a removed one).
    public var number: Int
    /// The line's text without its line ending (bytes that are not UTF-8 become U+FFFD).
    public var text: String

    /// A line from its parts.
    public init(number: Int, text: String) {
        self.number = number
        self.text = text
    }
}
