/// Which change `hindsight check` reads.
public enum CheckTarget: Hashable, Sendable {
    /// What `git commit` would commit: the index (or `GIT_INDEX_FILE`) against `HEAD`.
    case staged
    /// One commit against its first parent.
    case commit(String)
    /// Everything from `A` (exclusive) to `B`, as one diff `A..B`, with the messages of its commits.
    case range(from: String, to: String)
    /// A pull request: from the merge base of `base` and `HEAD` up to `HEAD`.
    case base(String)
}
