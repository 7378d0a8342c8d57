import HindsightCore

/// Health as GitHub-flavoured Markdown: a table of periods, then a table of verdicts.
public struct MarkdownHealthRenderer: HealthRenderer {
    /// A Markdown renderer.
    public init() {}

    public func render(_ report: HealthReport) -> String {
        var lines = ["# " + HealthText.title(report), ""]
        lines += MarkdownReportRenderer.table(
            [report.granularity.rawValue] + HealthText.periodColumns,
            rightAligned: Set(1...HealthText.periodColumns.count),
            rows: report.periods.map { [HealthText.label($0)] + HealthText.cells($0) })
        lines += [HealthText.notes(report), "", "## The loop", ""]
        lines += MarkdownReportRenderer.table(
            [report.granularity.rawValue] + HealthText.loopColumns,
            rightAligned: Set(1...HealthText.loopColumns.count),
            rows: report.periods.map { [HealthText.label($0)] + HealthText.loopCells($0) })
        lines += [HealthText.loopNote, "", "## Verdicts", "", HealthText.comparison(report), ""]
        lines += MarkdownReportRenderer.table(
            HealthText.trendColumns, rightAligned: [1, 2],
            rows: report.trends.map { HealthText.cells($0, report.granularity) })
        lines += ["## Agents against people, over the \(report.granularity.rawValue)s shown", ""]
        lines += MarkdownReportRenderer.table(
            HealthText.groupColumns, rightAligned: [1, 2, 3], rows: HealthText.groupRows(report.groups))
        lines.append(HealthText.groupVerdict(report.groups))
        return lines.joined(separator: "\n") + "\n"
    }
}
