import HindsightCore

/// Health as RFC 4180 CSV: a header row, then one row per period (shares as fractions, empty without
/// commits), CRLF line ends. Verdicts are in the other formats.
public struct CSVHealthRenderer: HealthRenderer {
    /// The header row's column names, in order.
    public static let columns = [
        "period", "start", "end", "partial", "commits", "authors", "lines_changed", "fixes", "fix_ratio",
        "fix_inducing",
        "fix_inducing_rate", "provisional", "added_lines", "reworked_lines", "rework", "refixes", "readds",
        "readded_lines", "reverts",
        "revert_rate", "relands", "agent_commits", "agent_share", "guard_refreshes", "guard_recall", "guard_alarm_rate",
        "guard_lift",
        "guards_accepted", "guards_muted", "context_commits", "lessons_added", "lessons_retired",
    ]

    /// A CSV renderer.
    public init() {}

    private func fraction(_ value: Double?) -> String { value.map { TextShaping.fixed($0, 4) } ?? "" }

    public func render(_ report: HealthReport) -> String {
        var output = Self.columns.joined(separator: ",") + "\r\n"
        for period in report.periods {
            let share = { (part: Int) in period.share(part).map { TextShaping.fixed($0, 4) } ?? "" }
            let fields = [
                period.label, CalendarDate.isoDate(period.start), CalendarDate.isoDate(period.end),
                period.isPartial ? "true" : "false", "\(period.commits)", "\(period.authors)", "\(period.linesChanged)",
                "\(period.fixes)", share(period.fixes), "\(period.fixInducing)", share(period.fixInducing),
                period.isProvisional ? "true" : "false", "\(period.addedLines)", "\(period.reworkedLines)",
                fraction(period.reworkShare), "\(period.refixes)", "\(period.readds)",
                "\(period.readdedLines)", "\(period.reverts)", share(period.reverts),
                "\(period.relands)", "\(period.agentCommits)", share(period.agentCommits), "\(period.guardRefreshes)",
                fraction(period.guardScore?.recall), fraction(period.guardScore?.alarmRate),
                fraction(period.guardScore?.lift), "\(period.guardsAccepted)", "\(period.guardsMuted)",
                "\(period.contextCommits)", "\(period.lessonsAdded)",
                "\(period.lessonsRetired)",
            ]
            output += fields.joined(separator: ",") + "\r\n"
        }
        return output
    }
}
