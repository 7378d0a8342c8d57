import GRDB
import GRDBSQLite
import HindsightCore

/// One result row read straight from SQLite's C API: loading a 100,000-commit snapshot through
/// `Row` subscripts took most of a report's time budget, and these reads are a few nanoseconds each.
struct RawRow {
    fileprivate let statement: OpaquePointer

    func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(statement, column)) }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }

    /// The column as text (invalid UTF-8 repaired, as SQLite text from Swift always is).
    func text(_ column: Int32) -> String {
        guard let bytes = sqlite3_column_text(statement, column) else { return "" }
        return String(
            decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(statement, column))),
            as: UTF8.self)
    }

    /// The column as a change status letter (`A`, `M`, `D`, `R`, `T`), read without making a string.
    func status(_ column: Int32) -> ChangeStatus {
        switch sqlite3_column_text(statement, column)?.pointee {
        case UInt8(ascii: "A"): .added
        case UInt8(ascii: "D"): .deleted
        case UInt8(ascii: "R"): .renamed
        case UInt8(ascii: "T"): .typeChanged
        default: .modified
        }
    }

    /// The column's blob bytes (empty for NULL).
    func bytes(_ column: Int32) -> [UInt8] {
        var buffer: [UInt8] = []
        appendBlob(column, to: &buffer)
        return buffer
    }

    /// Appends the column's blob bytes to `buffer`; NULL appends nothing.
    func appendBlob(_ column: Int32, to buffer: inout [UInt8]) {
        guard let bytes = sqlite3_column_blob(statement, column) else { return }
        let count = Int(sqlite3_column_bytes(statement, column))
        buffer.append(contentsOf: UnsafeRawBufferPointer(start: bytes, count: count))
    }
}

extension Database {
    /// Runs `body` on every row of `sql`.
    func forEachRawRow(_ sql: String, _ body: (RawRow) throws -> Void) throws {
        let statement = try makeStatement(sql: sql)
        let raw = statement.sqliteStatement
        defer { sqlite3_reset(raw) }
        while true {
            let code = sqlite3_step(raw)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqliteConnection)))
            }
            try body(RawRow(statement: raw))
        }
    }
}
