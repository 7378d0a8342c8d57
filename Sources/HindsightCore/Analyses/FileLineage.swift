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
    /// Lines the file has at the tip (or had when deleted): its text changes' added less deleted
    /// lines, over its whole history.
    public var lines: Int
}

/// Folds a snapshot's changes onto files: each change belongs to the file it became, following
/// later renames; a path deleted and added again is two files. With the tip's paths known
/// (`livePaths`), no file the tip lacks is alive: it follows a rename of its path made on any line
/// of history to a file the tip has, or counts as deleted; and files alive at one path are one.
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

    if let live = snapshot.livePaths {
        settle(&files, owner: &owner, against: live, in: snapshot)
    }
    var lineages = files.map {
        FileLineage(path: snapshot.paths[$0.path], isDeleted: $0.isDeleted, changes: [], commits: [], lines: 0)
    }
    for commitIndex in snapshot.commits.indices {
        for index in snapshot.commits[commitIndex].changes where owner[index] >= 0 {
            let change = snapshot.changes[index]
            lineages[owner[index]].changes.append(index)
            lineages[owner[index]].commits.append(commitIndex)
            if change.status != .deleted {
                lineages[owner[index]].lines = max(0, lineages[owner[index]].lines + change.added - change.deleted)
            }
        }
    }
    return lineages.filter { !$0.changes.isEmpty }.sorted {
        if $0.isDeleted != $1.isDeleted { return !$0.isDeleted }
        if $0.path != $1.path { return $0.path < $1.path }
        return $0.changes[0] < $1.changes[0]
    }
}

/// Makes `files` agree with the tip's tree: a file alive at a path the tip lacks is folded into
/// the file its path was renamed to, when that one is alive (the newest such rename wins), else
/// marked deleted; two files alive at the same path become the newer one.
private func settle(
    _ files: inout [(path: Int, isDeleted: Bool)], owner: inout [Int], against live: Set<RepoPath>,
    in snapshot: HistorySnapshot
) {
    // Rename destinations by source path, newest last (changes are in commit order).
    var renamedTo: [Int: Int] = [:]
    for (index, change) in snapshot.changes.enumerated() where change.status == .renamed {
        if let old = change.oldPath, owner[index] >= 0 { renamedTo[old] = owner[index] }
    }
    var target = Array(files.indices)
    func resolve(_ file: Int) -> Int {
        var current = file
        var seen: Set<Int> = []
        while target[current] != current, seen.insert(current).inserted { current = target[current] }
        return current
    }
    var aliveAt: [Int: Int] = [:]
    // Files are numbered newest first, so the first alive file at a path is the newest one.
    for file in files.indices where !files[file].isDeleted {
        let path = files[file].path
        if live.contains(snapshot.paths[path]) {
            if let newer = aliveAt[path] { target[file] = newer } else { aliveAt[path] = file }
        } else if let destination = renamedTo[path], destination != file {
            target[file] = destination
        } else {
            files[file].isDeleted = true
        }
    }
    for file in files.indices where target[file] != file {
        let final = resolve(file)
        if files[final].isDeleted || !live.contains(snapshot.paths[files[final].path]) {
            target[file] = file
            files[file].isDeleted = true
        } else {
            target[file] = final
        }
    }
    for index in owner.indices where owner[index] >= 0 { owner[index] = resolve(owner[index]) }
}
