/// Resolves every change's path to where that file lives now, following later renames.
///
/// - Parameter commitsNewestFirst: the changed files of each commit, newest commit first
///   (a topological order, as the index stores it).
/// - Parameter livePaths: the tip's tree paths, when known. Merges are not diffed, so the walk alone
///   can leave a path current that the tip lacks (a branch's edit to a pre-move path, merged after
///   the move); such a path follows the newest rename of it made anywhere in history to a path the
///   tip has, or resolves to nil.
/// - Returns: for each change, in the same shape, its current path, or nil when the file was deleted.
public func currentPaths(of commitsNewestFirst: [[FileChange]], livePaths: Set<RepoPath>? = nil) -> [[RepoPath?]] {
    let walked = walkedPaths(of: commitsNewestFirst)
    guard let live = livePaths else { return walked }
    var renamedTo: [RepoPath: RepoPath] = [:]
    for change in commitsNewestFirst.joined() where change.status == .renamed {
        if let old = change.oldPath, renamedTo[old] == nil { renamedTo[old] = change.path }
    }
    func settled(_ path: RepoPath?) -> RepoPath? {
        guard var current = path else { return nil }
        var seen: Set<RepoPath> = []
        while !live.contains(current) {
            guard seen.insert(current).inserted, let next = renamedTo[current] else { return nil }
            current = next
        }
        return current
    }
    return walked.map { $0.map(settled) }
}

/// The walk itself: each change's path resolved through the renames seen after it, newest first.
private func walkedPaths(of commitsNewestFirst: [[FileChange]]) -> [[RepoPath?]] {
    // `fate[p]`: what became of the file found at path `p` at this point of the backward walk.
    // A missing key means nothing later touched `p`; the first event seen decides it.
    var fate: [RepoPath: RepoPath?] = [:]

    func resolved(_ change: FileChange) -> RepoPath? {
        if let known = fate[change.path] { return known }
        let now: RepoPath? = change.status == .deleted ? nil : change.path
        fate[change.path] = .some(now)
        return now
    }

    return commitsNewestFirst.map { changes in
        let result = changes.map { $0.status == .deleted ? nil : resolved($0) }
        // Step to just before this commit: unset paths the commit created, then point renamed
        // sources at their destinations' fates (computed from the state after the commit).
        var assignments: [(RepoPath, RepoPath?)] = []
        for (change, now) in zip(changes, result) {
            switch change.status {
            case .added:
                fate[change.path] = nil
            case .renamed:
                fate[change.path] = nil
                if let old = change.oldPath { assignments.append((old, now)) }
            case .deleted:
                fate[change.path] = .some(nil)
            case .modified, .typeChanged:
                break
            }
        }
        for (old, now) in assignments { fate[old] = .some(now) }
        return result
    }
}
