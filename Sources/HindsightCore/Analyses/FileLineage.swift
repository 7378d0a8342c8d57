/// One file followed through its renames: where it lives now (or last lived) and every change to it.
public struct FileLineage: Sendable {
    /// The current path, or for a deleted file the path it was deleted from.
    public var path: RepoPath
    /// Whether the file no longer exists at the tip.
    public var isDeleted: Bool
    /// Indexes into `HistorySnapshot.changes` of every change to this file, oldest first.
    public var changes: [Int]
    /// For each entry of `changes`, the index of its commit in `HistorySnapshot.commits`.
    public var commits: [Int]
}

/// Folds a snapshot's changes onto files: each change belongs to the file it became, following
/// later renames; a path deleted and added again is two files.
///
/// - Returns: the files, alive ones first in path order, then deleted ones in path order.
public func fileLineages(of snapshot: HistorySnapshot) -> [FileLineage] {
    // Walk newest first. `fate[path]` is the file found at `path` just after the commit being looked at.
    var fate: [Int: Int] = [:]
    var files: [(path: Int, isDeleted: Bool)] = []
    var owner = [Int](repeating: -1, count: snapshot.changes.count)

    func newFile(_ path: Int, isDeleted: Bool) -> Int {
        files.append((path, isDeleted))
        return files.count - 1
    }

    for commitIndex in snapshot.commits.indices.reversed() {
        let changes = snapshot.commits[commitIndex].changes
        for index in changes {
            let change = snapshot.changes[index]
            if change.status == .deleted {
                owner[index] = newFile(change.path, isDeleted: true)
            } else if let known = fate[change.path] {
                owner[index] = known
            } else {
                let file = newFile(change.path, isDeleted: false)
                fate[change.path] = file
                owner[index] = file
            }
        }
        // Step to just before the commit: the file at a created path did not exist yet; a rename's
        // source held the renamed file; a deleted path held the deleted file.
        var renamedSources: [(Int, Int)] = []
        for index in changes {
            let change = snapshot.changes[index]
            switch change.status {
            case .added: fate[change.path] = nil
            case .renamed:
                fate[change.path] = nil
                if let old = change.oldPath { renamedSources.append((old, owner[index])) }
            case .deleted: fate[change.path] = owner[index]
            case .modified, .typeChanged: break
            }
        }
        for (old, file) in renamedSources { fate[old] = file }
    }

    var lineages = files.map {
        FileLineage(path: snapshot.paths[$0.path], isDeleted: $0.isDeleted, changes: [], commits: [])
    }
    for commitIndex in snapshot.commits.indices {
        for index in snapshot.commits[commitIndex].changes where owner[index] >= 0 {
            lineages[owner[index]].changes.append(index)
            lineages[owner[index]].commits.append(commitIndex)
        }
    }
    return lineages.filter { !$0.changes.isEmpty }.sorted {
        if $0.isDeleted != $1.isDeleted { return !$0.isDeleted }
        if $0.path != $1.path { return $0.path < $1.path }
        return $0.changes[0] < $1.changes[0]
    }
}
