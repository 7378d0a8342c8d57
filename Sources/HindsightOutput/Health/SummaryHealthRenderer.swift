import HindsightCore

/// Health in one Markdown paragraph, each figure's before and recent values and its verdict, for a
/// pull request's description beside the backtest table (the nightly refresh puts it there).
public struct SummaryHealthRenderer: HealthRenderer {
    /// A summary renderer.
    public init() {}

    public func render(_ report: HealthReport) -> String {
        let unit = report.granularity.rawValue
        let lead =
            "**Health**, the last \(healthRecentPeriods) \(unit)s against the \(healthEarlierPeriods) before "
            + "(as of \(CalendarDate.isoDate(report.asOf)), `hindsight health` for the periods):"
        if let first = report.trends.first, report.trends.allSatisfy({ $0.before == nil && $0.recent == nil }) {
            return "**Health**: no verdict yet, \(first.reason).\n"
        }
        let figures = report.trends.map { trend -> String in
            let values = HealthText.cells(trend, report.granularity)
            var text = "\(trend.figure.title) \(values[1]) → \(values[2]), \(trend.verdict.rawValue)"
            if trend.verdict == .noClearChange, trend.pValue == nil { text += " (too few commits)" }
            if trend.isProvisional { text += " (provisional)" }
            return text
        }
        return lead + " " + figures.joined(separator: "; ") + ".\n"
    }
}
