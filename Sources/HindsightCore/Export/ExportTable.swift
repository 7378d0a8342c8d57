/// One table of `hindsight export`: named, typed columns (the schema `manifest.json` documents)
/// and rows whose first column is always the repository, so many exports load into one table.
public struct ExportTable: Sendable {
    /// A column: its name, its SQL type as DuckDB reads it, and what it holds.
    public struct Column: Sendable, Equatable {
        public var name: String
        public var type: ColumnType
        public var description: String

        /// A column from its parts.
        public init(_ name: String, _ type: ColumnType, _ description: String) {
            self.name = name
            self.type = type
            self.description = description
        }
    }

    /// The column types an export uses.
    public enum ColumnType: String, Sendable {
        case text = "VARCHAR"
        case integer = "BIGINT"
        case real = "DOUBLE"
        case boolean = "BOOLEAN"
        case timestamp = "TIMESTAMP"
    }

    /// One cell.
    public enum Value: Sendable, Equatable {
        case text(String)
        case integer(Int)
        case real(Double)
        case boolean(Bool)
        case timestamp(Int64)
        case null
    }

    /// The table's file name, without extension.
    public var name: String
    /// What one row is.
    public var description: String
    /// Its columns, `repository` first.
    public var columns: [Column]
    /// Its rows, each with one value per column.
    public var rows: [[Value]]

    /// The export's schema version: a change to a table's columns raises it.
    public static let schemaVersion = 1

    /// The column every table starts with.
    public static let repositoryColumn = Column(
        "repository", .text,
        "The repository's identity (`--repository`, else its origin URL without credentials, else its folder name).")
}
