import GRDB
import HindsightCore
import HindsightGit

/// The commits reachable from a tip that the index lacks, parents before children.
struct HistoryWalk {
    /// New commits in an order where every parent precedes its children.
    var newCommits: [CommitID] = []
    /// Indexed commits the walk ran into (it does not descend below them).
    var stops: Set<CommitID> = []

    /// Walks from `tip`, reading parents through libgit2 and stopping at commits already indexed.
    /// Commits in `boundary` (a shallow clone's cut-off) are treated as roots.
    init(tip: CommitID, repository: GitRepository, store: IndexStore, boundary: Set<CommitID>) throws {
        if boundary.isEmpty,
            try store.read({ db in try !(Bool.fetchOne(db, sql: "SELECT 1 FROM commits LIMIT 1") ?? false) })
        {
            // A first mine of a full clone: libgit2's own walk is several times faster.
            newCommits = try repository.ancestry(of: tip)
            return
        }
        var visited: Set<CommitID> = []
        var stack: [(id: CommitID, isExpanded: Bool)] = [(tip, false)]
        try store.read { db in
            while let (id, isExpanded) = stack.popLast() {
                if isExpanded {
                    newCommits.append(id)
                    continue
                }
                guard visited.insert(id).inserted else { continue }
                if try store.contains(id, in: db) {
                    stops.insert(id)
                    continue
                }
                stack.append((id, true))
                let parents = boundary.contains(id) ? [] : try repository.parents(of: id)
                for parent in parents.reversed() where !visited.contains(parent) {
                    stack.append((parent, false))
                }
            }
        }
    }
}
