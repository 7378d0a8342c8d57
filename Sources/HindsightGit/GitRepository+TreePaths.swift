import CLibGit2
import HindsightCore

extension GitRepository {
    /// Every file path (blobs, symlinks and submodules; never a directory) in the tree of `commit`.
    public func filePaths(in commit: CommitID) throws(GitError) -> Set<RepoPath> {
        let tree = try treeID(of: commit)
        // Against the empty tree every entry is a change, so the comparer lists the whole tree.
        let deltas = try TreeComparer(repository: handle).compare(old: nil, new: tree)
        return Set(deltas.map { RepoPath(bytes: $0.path) })
    }
}
