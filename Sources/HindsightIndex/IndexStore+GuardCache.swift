import Foundation
import GRDB
import HindsightCore

/// One guard of `.hindsight/guards.yml` as the cache keeps it: the keys it can fire on (paths, or
/// whatever else the caller keys by; none: any change) and its own text in the file's format.
public struct CachedGuardEntry: Sendable {
    /// The guard's id.
    public var id: String
    /// The keys a change must have for the guard to fire; empty when it can fire on any change.
    public var paths: [RepoPath]
    /// The guard's entry, as the guard file writes it.
    public var text: String

    /// An entry from its parts.
    public init(id: String, paths: [RepoPath], text: String) {
        self.id = id
        self.paths = paths
        self.text = text
    }
}

extension IndexStore {
    /// The key a guard file's cache is valid for: its size and FNV-1a 64 content hash, and the
    /// layout of the entries (bump the version when the keys guards are stored under change).
    public static func guardsKey(of contents: Data) -> String {
        var hash = FNV1a64()
        hash.add(contents)
        return "guards-v4|\(contents.count)|\(String(hash.value, radix: 16))"
    }

    /// The cached entries keyed by any of `paths` or by none, and the record's text, when the cache was filled
    /// for `key`; nil when it was not.
    public func cachedGuards(for paths: Set<RepoPath>, key: String) throws -> (entries: [String], record: String?)? {
        try read { db in
            guard
                try Self.meta(.guardsKey, in: db) == key
            else { return nil }
            var entries: [String: String] = [:]
            // One prepared statement for every key: a change has a key for each line it adds.
            let statement = try db.makeStatement(sql: "SELECT id, entry FROM guardCache WHERE path = ?")
            for path in [RepoPath(bytes: [])] + paths.sorted(by: { $0.bytes.lexicographicallyPrecedes($1.bytes) }) {
                let rows = try Row.fetchAll(statement, arguments: [Data(path.bytes)])
                for row in rows { entries[row["id"]] = row["entry"] }
            }
            let record = try Self.meta(.guardsRecord, in: db)
            return (entries.keys.sorted().compactMap { entries[$0] }, record)
        }
    }

    /// Replaces the cache with `entries` and `record`, read from the guard file `key` names.
    public func storeGuards(_ entries: [CachedGuardEntry], record: String?, key: String) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM guardCache")
            let statement = try db.makeStatement(
                sql: "INSERT OR REPLACE INTO guardCache (path, id, entry) VALUES (?, ?, ?)")
            for entry in entries {
                for path in entry.paths.isEmpty ? [RepoPath(bytes: [])] : entry.paths {
                    try statement.execute(arguments: [Data(path.bytes), entry.id, entry.text])
                }
            }
            try Self.setMeta(.guardsRecord, record, in: db)
            try Self.setMeta(.guardsKey, key, in: db)
        }
    }
}
