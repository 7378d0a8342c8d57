import HindsightCore

/// Turns a stability report into one output format.
public protocol ReportRenderer: Sendable {
    /// The whole document for `report`.
    func render(_ report: StabilityReport) -> String
}

/// The formats `report --format` accepts.
public enum ReportFormat: String, CaseIterable, Sendable {
    case table, markdown, json, csv, html

    /// The renderer for this format; `width` and `useColor` matter to `table` only, `detailedFiles` to `html`.
    public func renderer(width: Int = 100, useColor: Bool = false, detailedFiles: Int? = nil) -> any ReportRenderer {
        switch self {
        case .table: TableReportRenderer(width: width, useColor: useColor)
        case .markdown: MarkdownReportRenderer()
        case .json: JSONReportRenderer()
        case .csv: CSVReportRenderer()
        case .html: HTMLReportRenderer(detailedFiles: detailedFiles)
        }
    }
}
