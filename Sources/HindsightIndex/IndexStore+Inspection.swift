import Foundation
import GRDB
import HindsightCore

extension IndexStore {
    /// Reads the index at `url` read-only; nil when there is no file.
    /// - Throws: `IndexError.corrupt` when the file is not a readable hindsight index.
    public static func inspect(at url: URL) throws -> IndexInspection? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(5)
        return try guarding(url) {
            let database = try DatabaseQueue(path: url.path, configuration: configuration)
            return try database.read { db in try inspection(of: db, url: url) }
        }
    }

    private static func inspection(of db: Database, url: URL) throws -> IndexInspection {
        let migrator = IndexSchema.migrator
        guard try db.tableExists("meta"), try meta(.format, in: db) == IndexSchema.formatMarker else {
            throw IndexError.corrupt(path: url.path, detail: "not a hindsight index")
        }
        let schema: IndexInspection.Schema =
            if try migrator.hasBeenSuperseded(db) { .newer } else if try migrator.hasCompletedMigrations(db) {
                .current
            } else { .older }
        let shallow = try meta(.shallow, in: db).map { text in
            Set(text.split(separator: " ").compactMap { CommitID(hex: String($0)) })
        }
        return IndexInspection(
            schema: schema, tip: try meta(.tip, in: db).map(CommitID.init(trustedHex:)),
            options: try meta(.options, in: db), shallowBoundary: shallow,
            reachableCommits: try storedReachableCount(in: db))
    }
}
