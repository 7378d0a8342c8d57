import CLibGit2
import HindsightCore

extension GitRepository {
    /// The files a commit changed against its first parent, with `git log --numstat` line counts.
    ///
    /// - Parameter asRoot: diff against the empty tree (a root commit, or a shallow clone's boundary).
    public func changes(in id: CommitID, options: HistoryOptions, asRoot: Bool = false) throws(GitError) -> [FileChange]
    {
        let (oldTree, newTree) = try withCommit(id) { commit throws(GitError) -> (git_oid?, git_oid) in
            guard let tree = git_commit_tree_id(commit) else { throw .corruptObject(id: id.hex, detail: "no tree") }
            guard !asRoot, let parent = git_commit_parent_id(commit, 0) else { return (nil, tree.pointee) }
            let parentTree = try withCommit(parent.pointee.commitID) { parentCommit throws(GitError) in
                guard let tree = git_commit_tree_id(parentCommit) else {
                    throw GitError.corruptObject(id: parent.pointee.hex, detail: "no tree")
                }
                return tree.pointee
            }
            return (parentTree, tree.pointee)
        }
        let deltas = try TreeComparer(repository: handle).compare(old: oldTree, new: newTree)
        contentReader.missingBlobsAreBinary = options.missingBlobsAreBinary
        var renames: [(old: Int, new: Int)] = []
        if options.detectRenames {
            do {
                renames = try RenameDetector(repository: handle, options: options).renames(
                    in: deltas, oldTree: oldTree, newTree: newTree)
            } catch .libgit2(_, let code, _) where code == GIT_ENOTFOUND.rawValue && options.missingBlobsAreBinary {
                // Similarity needs every blob; without one, the commit's files stay unpaired.
                renames = []
            }
        }
        return try fileChanges(from: deltas, renames: renames)
    }

    private func fileChanges(from deltas: [RawDelta], renames: [(old: Int, new: Int)]) throws(GitError) -> [FileChange]
    {
        var sourceOfTarget: [Int: Int] = [:]
        var renamedSources = Set<Int>()
        for pair in renames {
            sourceOfTarget[pair.new] = pair.old
            renamedSources.insert(pair.old)
        }
        var changes: [FileChange] = []
        changes.reserveCapacity(deltas.count - renames.count)
        for (index, delta) in deltas.enumerated() where !renamedSources.contains(index) {
            if let sourceIndex = sourceOfTarget[index] {
                let source = deltas[sourceIndex]
                let paired = RawDelta(path: delta.path, old: source.old, new: delta.new)
                let counts = try contentReader.counts(for: paired, oldPath: source.path)
                changes.append(
                    FileChange(
                        status: .renamed, oldPath: RepoPath(bytes: source.path), path: RepoPath(bytes: delta.path),
                        linesAdded: counts.added, linesDeleted: counts.deleted, isBinary: counts.isBinary,
                        hunks: counts.hunks))
                continue
            }
            let counts = try contentReader.counts(for: delta)
            let status: ChangeStatus =
                switch (delta.old, delta.new) {
                case (nil, _): .added
                case (_, nil): .deleted
                case (let old?, let new?): old.kind == new.kind ? .modified : .typeChanged
                }
            changes.append(
                FileChange(
                    status: status, path: RepoPath(bytes: delta.path),
                    linesAdded: counts.added, linesDeleted: counts.deleted, isBinary: counts.isBinary,
                    hunks: counts.hunks))
        }
        return changes
    }
}
