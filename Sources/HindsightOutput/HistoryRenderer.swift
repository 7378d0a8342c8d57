import HindsightCore

/// Turns index rows into one output format, as bytes (paths need not be UTF-8).
public protocol HistoryRenderer: Sendable {
    /// Appends the rendering of `rows` to `output`.
    func render(_ rows: [HistoryRow], tip: CommitID?, into output: inout [UInt8])
}

/// The formats `history --format` accepts.
public enum HistoryFormat: String, CaseIterable, Sendable {
    case tsv, json

    /// The renderer for this format; `nulSeparated` is git's `-z` (TSV only).
    public func renderer(nulSeparated: Bool = false) -> any HistoryRenderer {
        switch self {
        case .tsv: TSVHistoryRenderer(nulSeparated: nulSeparated)
        case .json: JSONHistoryRenderer()
        }
    }
}
