import GRDB
import HindsightCore

extension IndexStore {
    /// The kept counts of re-added fix lines per commit, when they were counted under `key`; empty
    /// otherwise.
    public func fixReadds(key: String) throws -> [CommitID: Int] {
        try read { db in
            let kept = try Self.meta(.fixReaddsKey, in: db)
            guard kept == key else { return [:] }
            var counts: [CommitID: Int] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT commitID, lines FROM fixReadds")
            while let row = try rows.next() { counts[CommitID(trustedHex: row[0])] = row[1] }
            return counts
        }
    }

    /// Adds `counts` to the kept ones, or replaces them all when they were counted under another key.
    public func storeFixReadds(_ counts: [CommitID: Int], key: String) throws {
        try write { db in
            let kept = try Self.meta(.fixReaddsKey, in: db)
            if kept != key { try db.execute(sql: "DELETE FROM fixReadds") }
            let statement = try db.makeStatement(
                sql: "INSERT OR REPLACE INTO fixReadds (commitID, lines) VALUES (?, ?)")
            for (commit, lines) in counts { try statement.execute(arguments: [commit.hex, lines]) }
            try Self.setMeta(.fixReaddsKey, key, in: db)
        }
    }
}
