import HindsightCore

extension GitRepository {
    /// The lines commit `id` changed against its first parent, by path after the change: what the
    /// backtest's SZZ reads. Binary files have no lines.
    public func changedLines(of id: CommitID, options: HistoryOptions) throws(GitError) -> [RepoPath: ChangedLines] {
        let change = try changeSet(for: .commit(id.hex), options: options)
        var lines: [RepoPath: ChangedLines] = [:]
        for file in change.files {
            lines[file.path] = ChangedLines(
                oldPath: file.oldPath, added: file.added.map(\.text), removed: file.removed.map(\.text))
        }
        return lines
    }
}
