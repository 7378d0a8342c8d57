import GRDB
import HindsightCore

extension IndexStore {
    /// Marks exactly the commits reachable from `tip` and records `tip`.
    ///
    /// - Parameters:
    ///   - firstNewSeq: the first sequence number written by this mine.
    ///   - stops: indexed commits the walk from `tip` ran into; when they include the previous tip and
    ///     are all reachable already, the reachable set only grows by the new commits.
    func updateReachability(tip: CommitID, firstNewSeq: Int64, stops: Set<CommitID>) throws {
        try write { db in
            let previousTip = try Self.meta(.tip, in: db)
            let hasNew =
                try Bool.fetchOne(db, sql: "SELECT 1 FROM commits WHERE seq >= ?", arguments: [firstNewSeq]) ?? false
            if previousTip == tip.hex, !hasNew { return }
            if stops.isEmpty {
                // The walk met no indexed commit: exactly the new commits are reachable (a first mine);
                // the writer stored them as reachable, so only older rows need clearing.
                try db.execute(
                    sql: "UPDATE commits SET isReachable = 0 WHERE seq < ? AND isReachable", arguments: [firstNewSeq])
                let count =
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM commits WHERE seq >= ?", arguments: [firstNewSeq])
                    ?? 0
                try Self.setMeta(.reachableCount, String(count), in: db)
            } else if let previousTip, stops.contains(CommitID(trustedHex: previousTip)),
                try allReachable(stops, in: db)
            {
                try db.execute(sql: "UPDATE commits SET isReachable = 1 WHERE seq >= ?", arguments: [firstNewSeq])
                let added = db.changesCount
                let count =
                    try Self.storedReachableCount(in: db).map { $0 + added }
                    ?? Int.fetchOne(db, sql: "SELECT count(*) FROM commits WHERE isReachable") ?? 0
                try Self.setMeta(.reachableCount, String(count), in: db)
            } else {
                try db.execute(
                    sql: """
                        WITH RECURSIVE reach(id) AS (
                            SELECT id FROM commits WHERE sha = ?
                            UNION
                            SELECT c.id FROM reach r JOIN parents p ON p.commitId = r.id JOIN commits c ON c.sha = p.sha
                        )
                        UPDATE commits SET isReachable = (id IN reach)
                        """, arguments: [tip.hex])
                let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM commits WHERE isReachable") ?? 0
                try Self.setMeta(.reachableCount, String(count), in: db)
            }
            try Self.setMeta(.tip, tip.hex, in: db)
        }
    }

    /// The reachable-commit count kept in `meta`, so a no-op mine need not scan every commit.
    static func storedReachableCount(in db: Database) throws -> Int? {
        try Self.meta(.reachableCount, in: db)
            .flatMap { Int($0) }
    }

    private func allReachable(_ ids: Set<CommitID>, in db: Database) throws -> Bool {
        for id in ids {
            let reachable = try Bool.fetchOne(
                db, sql: "SELECT isReachable FROM commits WHERE sha = ?", arguments: [id.hex])
            guard reachable == true else { return false }
        }
        return true
    }
}
