import GRDB
import HindsightCore

/// The SZZ origins of fix commits, kept so that later runs trace only new fixes. Valid for the
/// history options they were traced under and a window starting at one commit: origins before it
/// were not looked for.
public struct FixOriginCache: Sendable {
    /// `HistoryOptions.fingerprint` of the rows traced.
    public var options: String
    /// The window's first commit: no origin older than it was looked for.
    public var windowStart: CommitID
    /// Fix commit → the commits its removed lines came from (possibly none).
    public var origins: [CommitID: [CommitID]]

    /// A cache from its parts.
    public init(options: String, windowStart: CommitID, origins: [CommitID: [CommitID]]) {
        self.options = options
        self.windowStart = windowStart
        self.origins = origins
    }
}

extension IndexStore {
    /// The kept origins, or nil when there are none.
    public func fixOrigins() throws -> FixOriginCache? {
        try read { db in
            guard
                let key = try Self.meta(.fixOriginsKey, in: db),
                let separator = key.lastIndex(of: "|")
            else { return nil }
            var origins: [CommitID: [CommitID]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT fix, origins FROM fixOrigins") {
                let fix: String = row["fix"]
                let list: String = row["origins"]
                origins[CommitID(trustedHex: fix)] = list.split(separator: " ").map { CommitID(trustedHex: String($0)) }
            }
            return FixOriginCache(
                options: String(key[..<separator]),
                windowStart: CommitID(trustedHex: String(key[key.index(after: separator)...])),
                origins: origins)
        }
    }

    /// Adds `origins` to the kept ones, or replaces them all when `cache`'s options or window start
    /// differ from what is kept.
    public func storeFixOrigins(_ cache: FixOriginCache) throws {
        try write { db in
            let key = "\(cache.options)|\(cache.windowStart.hex)"
            let kept = try Self.meta(.fixOriginsKey, in: db)
            if kept != key { try db.execute(sql: "DELETE FROM fixOrigins") }
            let statement = try db.makeStatement(sql: "INSERT OR REPLACE INTO fixOrigins (fix, origins) VALUES (?, ?)")
            for (fix, origins) in cache.origins {
                try statement.execute(arguments: [fix.hex, origins.map(\.hex).sorted().joined(separator: " ")])
            }
            try Self.setMeta(.fixOriginsKey, key, in: db)
        }
    }
}
