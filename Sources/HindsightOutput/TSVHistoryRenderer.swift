import HindsightCore

/// One line per (commit, file): id, status, added, deleted, old path, path; `-` counts for binary
/// files and paths quoted as git quotes them, or raw fields ended by NUL with `-z`.
public struct TSVHistoryRenderer: HistoryRenderer {
    /// Ends every field and row with NUL and leaves paths unquoted, as git's `-z` does.
    public var nulSeparated: Bool

    /// A renderer; `nulSeparated` is git's `-z`.
    public init(nulSeparated: Bool = false) { self.nulSeparated = nulSeparated }

    public func render(_ rows: [HistoryRow], tip: CommitID?, into output: inout [UInt8]) {
        for row in rows {
            let change = row.change
            let counts = change.isBinary ? ["-", "-"] : [String(change.linesAdded), String(change.linesDeleted)]
            let textFields = [row.commit.hex, change.status.rawValue] + counts
            if nulSeparated {
                for field in textFields {
                    output += Array(field.utf8)
                    output.append(0)
                }
                output += change.oldPath?.bytes ?? []
                output.append(0)
                output += change.path.bytes
                output.append(0)
            } else {
                for field in textFields {
                    output += Array(field.utf8)
                    output.append(UInt8(ascii: "\t"))
                }
                output += change.oldPath.map { GitQuoting.quoted($0.bytes) } ?? []
                output.append(UInt8(ascii: "\t"))
                output += GitQuoting.quoted(change.path.bytes)
                output.append(UInt8(ascii: "\n"))
            }
        }
    }
}
