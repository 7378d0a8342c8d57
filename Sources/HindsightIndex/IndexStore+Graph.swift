import GRDB
import HindsightCore

extension IndexStore {
    /// The parents of each of `snapshot`'s commits, as indices into it: read from the index's
    /// parent rows, leaving out parents it does not hold (beyond a shallow boundary).
    public func commitGraph(of snapshot: HistorySnapshot) throws -> CommitGraph {
        var indexOf: [CommitID: Int] = [:]
        indexOf.reserveCapacity(snapshot.commits.count)
        for (index, commit) in snapshot.commits.enumerated() { indexOf[commit.id] = index }
        var parents = [[Int]](repeating: [], count: snapshot.commits.count)
        var hasFirstParent = [Bool](repeating: false, count: snapshot.commits.count)
        try read { db in
            try db.forEachRawRow(
                """
                SELECT c.sha, p.position, p.sha FROM parents p JOIN commits c ON c.id = p.commitId
                WHERE c.isReachable ORDER BY p.commitId, p.position
                """
            ) { row in
                guard let child = indexOf[CommitID(trustedHex: row.text(0))],
                    let parent = indexOf[CommitID(trustedHex: row.text(2))]
                else { return }
                if row.int(1) == 0 { hasFirstParent[child] = true }
                parents[child].append(parent)
            }
        }
        return CommitGraph(parents: parents, hasFirstParent: hasFirstParent)
    }
}
