import HindsightCore

/// The files of `hindsight export`: each table as CSV (RFC 4180, a header row, empty for null) or
/// JSON Lines (one object per row), and `manifest.json` with the schema. Timestamps are UTC,
/// written `yyyy-MM-dd HH:mm:ss`, which DuckDB reads as TIMESTAMP.
public enum ExportFormat: String, CaseIterable, Sendable {
    case csv, jsonl

    /// The file extension of a table.
    public var fileExtension: String { rawValue }

    /// `table` as the text of its file.
    public func render(_ table: ExportTable) -> String {
        switch self {
        case .csv:
            var lines = [table.columns.map(\.name).joined(separator: ",")]
            for row in table.rows { lines.append(row.map(Self.csvField).joined(separator: ",")) }
            return lines.joined(separator: "\n") + "\n"
        case .jsonl:
            return table.rows.map { row in
                JSONValue.object(zip(table.columns, row).map { ($0.name, Self.json($1)) }).compactSerialized() + "\n"
            }.joined()
        }
    }

    /// `manifest.json`: the schema version, the repository, and every table's columns.
    public static func manifest(
        _ tables: [ExportTable], repository: String, head: CommitID?, format: ExportFormat
    )
        -> String
    {
        JSONValue.object([
            ("schemaVersion", .int(ExportTable.schemaVersion)),
            ("repository", .string(repository)),
            ("head", head.map { .string($0.hex) } ?? .null),
            ("format", .string(format.rawValue)),
            (
                "tables",
                .array(
                    tables.map { table in
                        .object([
                            ("name", .string(table.name)),
                            ("file", .string(table.name + "." + format.fileExtension)),
                            ("description", .string(table.description)),
                            ("rows", .int(table.rows.count)),
                            (
                                "columns",
                                .array(
                                    table.columns.map { column in
                                        .object([
                                            ("name", .string(column.name)), ("type", .string(column.type.rawValue)),
                                            ("description", .string(column.description)),
                                        ])
                                    })
                            ),
                        ])
                    })
            ),
        ]).serialized()
    }

    static func timestamp(_ seconds: Int64) -> String {
        CalendarDate.isoTimestamp(seconds).replacingOccurrences(of: "T", with: " ").replacingOccurrences(
            of: "Z", with: "")
    }

    private static func csvField(_ value: ExportTable.Value) -> String {
        switch value {
        case .text(let text): CSVEscaping.untrustedField(text)
        case .integer(let number): String(number)
        case .real(let number): number.isFinite ? JSONValue.number(number).compactSerialized() : ""
        case .boolean(let flag): flag ? "true" : "false"
        case .timestamp(let seconds): timestamp(seconds)
        case .null: ""
        }
    }

    private static func json(_ value: ExportTable.Value) -> JSONValue {
        switch value {
        case .text(let text): .string(text)
        case .integer(let number): .int(number)
        case .real(let number): number.isFinite ? .number(number) : .null
        case .boolean(let flag): .bool(flag)
        case .timestamp(let seconds): .string(timestamp(seconds))
        case .null: .null
        }
    }
}
