import Foundation
import HindsightCore

/// `{"schemaVersion": 1, "tip": …, "rows": [...]}` with one object per (commit, file), keys in a
/// fixed order. A path that is not valid UTF-8 also comes as base64 bytes (`pathBase64`), so nothing is lost.
public struct JSONHistoryRenderer: HistoryRenderer {
    /// The version of this shape; it changes only when a key changes meaning or disappears.
    public static let schemaVersion = 1

    /// A renderer.
    public init() {}

    public func render(_ rows: [HistoryRow], tip: CommitID?, into output: inout [UInt8]) {
        output += Array("{\"schemaVersion\":\(Self.schemaVersion),\"tip\":".utf8)
        output += tip.map { JSONEscaping.quoted($0.hex) } ?? Array("null".utf8)
        output += Array(",\"rows\":[".utf8)
        for (index, row) in rows.enumerated() {
            let change = row.change
            output += Array((index == 0 ? "\n" : ",\n").utf8)
            var fields: [(String, [UInt8])] = [
                ("commit", JSONEscaping.quoted(row.commit.hex)),
                ("status", JSONEscaping.quoted(change.status.rawValue)),
                ("added", Array(String(change.linesAdded).utf8)),
                ("deleted", Array(String(change.linesDeleted).utf8)),
                ("binary", Array(String(change.isBinary).utf8)),
            ]
            fields += Self.pathFields("oldPath", change.oldPath)
            fields += Self.pathFields("path", change.path)
            fields += Self.pathFields("currentPath", row.currentPath)
            output += Array("{".utf8)
            for (position, (key, value)) in fields.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                output += JSONEscaping.quoted(key) + [UInt8(ascii: ":")] + value
            }
            output += Array("}".utf8)
        }
        output += Array("\n]}\n".utf8)
    }

    private static func pathFields(_ key: String, _ path: RepoPath?) -> [(String, [UInt8])] {
        guard let path else { return [(key, Array("null".utf8))] }
        var fields = [(key, JSONEscaping.quoted(path.string))]
        if !path.isValidUTF8 {
            fields.append((key + "Base64", JSONEscaping.quoted(Data(path.bytes).base64EncodedString())))
        }
        return fields
    }
}
