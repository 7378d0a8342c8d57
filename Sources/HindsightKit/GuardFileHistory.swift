import HindsightConfig
import HindsightCore
import HindsightGit

/// Every version of `.hindsight/guards.yml` that history wrote, oldest first, each read from its
/// commit with libgit2 and summarised (its record, accepted and muted ids). A version that does not
/// read is left out: a person's broken edit says nothing about the loop.
func guardFileVersions(in snapshot: HistorySnapshot, git: GitRepository) -> [GuardFileVersion] {
    let target = RepoPath(GuardSetFile.relativePath)
    guard let pathIndex = snapshot.paths.firstIndex(of: target) else { return [] }
    var versions: [GuardFileVersion] = []
    for (index, commit) in snapshot.commits.enumerated() where !commit.isMerge {
        let writes = commit.changes.contains { change in
            snapshot.changes[change].path == pathIndex && snapshot.changes[change].status != .deleted
        }
        guard writes, let text = try? git.fileText(at: target, in: commit.id),
            let summary = GuardSetFile.summary(of: text, path: GuardSetFile.relativePath)
        else { continue }
        versions.append(
            GuardFileVersion(commit: index, record: summary.record, accepted: summary.accepted, muted: summary.muted))
    }
    return versions
}
