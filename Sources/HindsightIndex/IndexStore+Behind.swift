import GRDB
import HindsightCore
import HindsightGit

extension IndexStore {
    /// How many commits reachable from `head` the index lacks: what a mine would add. The walk
    /// stops at indexed commits and at a shallow clone's cut-off, and gives up past `limit`.
    ///
    /// - Returns: the count, or nil when there are more than `limit`.
    public func missingCommitCount(from head: CommitID, in repository: GitRepository, limit: Int) throws -> Int? {
        let boundary = repository.shallowBoundary()
        var visited: Set<CommitID> = [head]
        var pending = [head]
        var missing = 0
        return try read { db -> Int? in
            while let id = pending.popLast() {
                if try contains(id, in: db) { continue }
                missing += 1
                if missing > limit { return nil }
                let parents = boundary.contains(id) ? [] : try repository.parents(of: id)
                for parent in parents where visited.insert(parent).inserted { pending.append(parent) }
            }
            return missing
        }
    }
}
