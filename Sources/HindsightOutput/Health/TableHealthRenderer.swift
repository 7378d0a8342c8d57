import HindsightCore

/// Health for a terminal: one aligned row per period, then one per verdict.
public struct TableHealthRenderer: HealthRenderer {
    /// A table renderer.
    public init() {}

    public func render(_ report: HealthReport) -> String {
        var lines = [HealthText.title(report), ""]
        lines += aligned(
            [[report.granularity.rawValue] + HealthText.periodColumns]
                + report.periods.map { [HealthText.label($0)] + HealthText.cells($0) }, rightAlignedFrom: 1)
        lines += ["", HealthText.notes(report), ""]
        lines += aligned(
            [[report.granularity.rawValue] + HealthText.loopColumns]
                + report.periods.map { [HealthText.label($0)] + HealthText.loopCells($0) }, rightAlignedFrom: 1)
        lines += ["", HealthText.loopNote, "", HealthText.comparison(report), ""]
        lines += aligned(
            [HealthText.trendColumns] + report.trends.map { HealthText.cells($0, report.granularity) },
            rightAlignedFrom: 1, upTo: 3)
        lines += ["", "Agents against people, over the \(report.granularity.rawValue)s shown:", ""]
        lines += aligned([HealthText.groupColumns] + HealthText.groupRows(report.groups), rightAlignedFrom: 1)
        lines += ["", HealthText.groupVerdict(report.groups)]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Rows padded to their columns' widths; columns `from..<upTo` align right.
    private func aligned(_ rows: [[String]], rightAlignedFrom first: Int, upTo last: Int = .max) -> [String] {
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, text in
                TextShaping.padded(text, widths[column], alignRight: column >= first && column < last)
            }
            .joined(separator: "  ").trimmingTrailingSpaces()
        }
    }
}
