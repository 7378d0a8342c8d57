import Foundation
import GRDB
import HindsightCore

/// The SQLite history index of one clone, at `<common git dir>/hindsight/index.sqlite`.
public final class IndexStore: Sendable {
    /// The database file.
    public let url: URL
    let database: DatabaseQueue

    /// How long a connection waits for another's lock before it reports the index busy.
    static let busyTimeoutMilliseconds = 5000

    /// Opens (creating when missing) and migrates the index at `url`.
    public init(url: URL) throws {
        self.url = url
        var configuration = Configuration()
        configuration.busyMode = .timeout(Double(Self.busyTimeoutMilliseconds) / 1000)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw IndexError.unwritable(path: url.path, detail: error.localizedDescription)
        }
        database = try Self.guarding(url) { try DatabaseQueue(path: url.path, configuration: configuration) }
        try Self.guarding(url) {
            try database.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
            let migrator = IndexSchema.migrator
            if try database.read(migrator.hasBeenSuperseded) { throw IndexError.newerSchema(path: url.path) }
            try migrator.migrate(database)
            let format = try database.read { db in
                try Self.meta(.format, in: db)
            }
            guard format == IndexSchema.formatMarker else {
                throw IndexError.corrupt(path: url.path, detail: "not a hindsight index")
            }
        }
    }

    /// Deletes the index files at `url` (the database and its WAL companions).
    public static func remove(at url: URL) throws {
        for suffix in ["", "-wal", "-shm"] {
            let file = URL(fileURLWithPath: url.path + suffix)
            guard FileManager.default.fileExists(atPath: file.path) else { continue }
            do { try FileManager.default.removeItem(at: file) } catch {
                throw IndexError.unwritable(path: file.path, detail: error.localizedDescription)
            }
        }
    }

    /// Runs `body`, turning SQLite's "damaged" and "cannot open" failures into `IndexError`s.
    static func guarding<T>(_ url: URL, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            switch error.resultCode {
            case .SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_FORMAT:
                throw IndexError.corrupt(path: url.path, detail: error.message ?? "\(error.resultCode)")
            case .SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_FULL, .SQLITE_IOERR, .SQLITE_PERM:
                throw IndexError.unwritable(path: url.path, detail: error.message ?? "\(error.resultCode)")
            default:
                throw error
            }
        }
    }

    /// Reads inside one transaction, with SQLite failures mapped as `guarding` does.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try Self.guarding(url) { try database.read(body) }
    }

    /// Writes inside one transaction, with SQLite failures mapped as `guarding` does.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try Self.guarding(url) { try database.write(body) }
    }

    func meta(_ key: MetaKey) throws -> String? {
        try read { db in try Self.meta(key, in: db) }
    }

    /// The `meta` value of `key` within a transaction already open on `db`.
    static func meta(_ key: MetaKey, in db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key.rawValue])
    }

    static func setMeta(_ key: MetaKey, _ value: String?, in db: Database) throws {
        if let value {
            try db.execute(
                sql: "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", arguments: [key.rawValue, value])
        } else {
            try db.execute(sql: "DELETE FROM meta WHERE key = ?", arguments: [key.rawValue])
        }
    }

    /// The commit the index was last brought up to date with.
    public func tip() throws -> CommitID? {
        try meta(.tip).map(CommitID.init(trustedHex:))
    }

    /// Whether the index holds `id` (reachable or not).
    func contains(_ id: CommitID, in db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM commits WHERE sha = ?"), arguments: [id.hex]) ?? false
    }

    /// The number of commits reachable from the tip.
    public func reachableCommitCount() throws -> Int {
        try read { db in
            try Self.storedReachableCount(in: db)
                ?? Int.fetchOne(db, sql: "SELECT count(*) FROM commits WHERE isReachable") ?? 0
        }
    }
}
