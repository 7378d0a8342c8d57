import HindsightCore

/// Renders a stability report as RFC 4180 CSV: a header row, then one row per file, CRLF line ends.
public struct CSVReportRenderer: ReportRenderer {
    /// The header row's column names, in order.
    public static let columns = [
        "path", "deleted", "class", "reason", "commits", "lines_added", "lines_deleted", "churn", "recent_churn",
        "first_seen", "last_changed", "days_with_changes", "authors", "main_author", "main_author_share",
        "fragmentation", "agent_commits", "fix_commits", "bug_score", "reverts", "top_partner", "top_partner_degree",
    ]

    /// A CSV renderer.
    public init() {}

    /// The CSV document: header and one row per file, each line ended by CRLF.
    public func render(_ report: StabilityReport) -> String {
        var output = Self.columns.joined(separator: ",") + "\r\n"
        for file in report.files {
            output += row(file).joined(separator: ",") + "\r\n"
        }
        return output
    }

    /// One file's fields, escaped, in `columns` order.
    private func row(_ file: FileReport) -> [String] {
        let text = CSVEscaping.untrustedField
        let partner = file.coupling.first
        return [
            text(file.path.string),
            file.isDeleted ? "true" : "false",
            text(file.classification.fileClass.rawValue),
            text(file.classification.reason),
            String(file.commits),
            String(file.linesAdded),
            String(file.linesDeleted),
            String(file.churn),
            ReportText.fixed(file.recentChurn, 2),
            ReportText.date(file.firstSeen),
            ReportText.date(file.lastChanged),
            String(file.daysWithChanges),
            String(file.authors.count),
            text(file.mainAuthor?.name ?? ""),
            file.mainAuthor.map { ReportText.fixed($0.share, 3) } ?? "",
            ReportText.fixed(file.fragmentation, 3),
            String(file.agentCommits),
            String(file.fixCommits),
            ReportText.fixed(file.bugScore, 2),
            String(file.reverts),
            text(partner?.path.string ?? ""),
            partner.map { String($0.degree) } ?? "",
        ]
    }
}
