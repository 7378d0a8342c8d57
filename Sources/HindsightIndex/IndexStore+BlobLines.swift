import Foundation
import GRDB
import HindsightCore

/// The index keeps the line counts of the tip's blobs that the analyses read (`lines` -1: not text).
/// It only saves time: a read-only or busy index answers nothing and keeps nothing.
extension IndexStore: BlobLineCounts {
    public func lineCount(ofBlob id: [UInt8]) -> Int?? {
        let stored = try? read { db in
            try Int.fetchOne(db, sql: "SELECT lines FROM blobLines WHERE blob = ?", arguments: [Data(id)])
        }
        guard let lines = stored ?? nil else { return nil }
        return .some(lines < 0 ? nil : lines)
    }

    public func keep(_ count: Int?, ofBlob id: [UInt8]) {
        // Without waiting for a lock: while a mine writes, a report keeps nothing rather than stall.
        try? database.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA busy_timeout = 0")
            defer { try? db.execute(sql: "PRAGMA busy_timeout = \(Self.busyTimeoutMilliseconds)") }
            try db.execute(
                sql: "INSERT OR REPLACE INTO blobLines (blob, lines) VALUES (?, ?)", arguments: [Data(id), count ?? -1])
        }
    }
}
