import HindsightCore

/// The formats `hindsight health` writes.
public enum HealthFormat: String, CaseIterable, Sendable {
    case table, markdown, json, csv, html, summary

    /// The renderer for this format.
    public var renderer: any HealthRenderer {
        switch self {
        case .table: TableHealthRenderer()
        case .markdown: MarkdownHealthRenderer()
        case .json: JSONHealthRenderer()
        case .csv: CSVHealthRenderer()
        case .html: HTMLHealthRenderer()
        case .summary: SummaryHealthRenderer()
        }
    }
}

/// Turns a health report into one output format.
public protocol HealthRenderer: Sendable {
    /// The whole document.
    func render(_ report: HealthReport) -> String
}

/// Cells and sentences the table and Markdown formats share.
enum HealthText {
    static let periodColumns = [
        "commits", "authors", "lines changed", "fix ratio", "fix-inducing", "rework", "refixes", "re-adds", "reverts",
        "relands",
        "agent share",
    ]
    static let loopColumns = [
        "guard refreshes", "shipped recall", "alarm rate", "lift", "accepted", "muted", "context commits",
        "lessons +/−",
    ]
    static let trendColumns = ["figure", "before", "recent", "verdict", "why"]
    static let groupColumns = ["group", "commits", "fix-inducing", "rework"]

    static func groupRows(_ groups: HealthGroups) -> [[String]] {
        [("people", groups.people), ("agents", groups.agents)].map { name, figures in
            [name, "\(figures.commits)", share(figures.fixInducingRate), share(figures.reworkShare)]
        }
    }

    /// The groups' comparison, in a sentence.
    static func groupVerdict(_ groups: HealthGroups) -> String {
        let said =
            switch groups.verdict {
            case .up: "agents' commits needed a fix more often than people's"
            case .down: "agents' commits needed a fix less often than people's"
            default: "no clear difference between agents' and people's fix-inducing rates"
            }
        return "\(said) (\(groups.reason))."
    }

    /// What rework and the provisional mark mean.
    static func notes(_ report: HealthReport) -> String {
        "Rework: the share of lines added by commits at least \(report.reworkDays) days old that a commit changed or "
            + "deleted within \(report.reworkDays) days. Refixes: fixes that changed lines another fix added "
            + "within the 14 days before. Re-adds: commits that added back a line a fix had removed from the "
            + "same file within the \(healthReaddDays) days before. Relands: reverts of reverts. * provisional: the period ended less than the backtest's grace "
            + "period ago, so fixes to its commits may still come."
    }

    static func cells(_ period: HealthPeriod) -> [String] {
        [
            "\(period.commits)", "\(period.authors)", "\(period.linesChanged)",
            share(period.share(period.fixes)),
            share(period.share(period.fixInducing)) + (period.isProvisional ? "*" : ""), share(period.reworkShare),
            "\(period.refixes)", "\(period.readds)", share(period.share(period.reverts)), "\(period.relands)",
            share(period.share(period.agentCommits)),
        ]
    }

    static func loopCells(_ period: HealthPeriod) -> [String] {
        let score = period.guardScore
        return [
            "\(period.guardRefreshes)", share(score?.recall), share(score?.alarmRate),
            score.map { TextShaping.fixed($0.lift, 2) } ?? "–", "\(period.guardsAccepted)", "\(period.guardsMuted)",
            "\(period.contextCommits)", "+\(period.lessonsAdded) −\(period.lessonsRetired)",
        ]
    }

    /// What the loop's columns mean.
    static let loopNote =
        "The loop: refreshes that wrote .hindsight/guards.yml with a new backtest record, the shipped guards' "
        + "recall, alarm rate and lift in the period's latest record, guards people accepted and muted, commits "
        + "that changed the agent context files, and lessons written and retired."

    static func label(_ period: HealthPeriod) -> String { period.isPartial ? period.label + " (so far)" : period.label }

    static func cells(_ trend: HealthTrend, _ granularity: HealthGranularity) -> [String] {
        [
            trend.figure.title, value(trend.before, trend.figure, granularity),
            value(trend.recent, trend.figure, granularity),
            trend.verdict.rawValue, trend.reason,
        ]
    }

    /// What the verdicts compare, in a sentence.
    static func comparison(_ report: HealthReport) -> String {
        let unit = report.granularity.rawValue
        return "Verdicts: the last \(healthRecentPeriods) \(unit)s against the \(healthEarlierPeriods) before, "
            + "at the 1% level; \"no clear change\" when the difference could be noise or the commits are too few."
    }

    static func title(_ report: HealthReport) -> String {
        "Health by \(report.granularity.rawValue), as of \(CalendarDate.isoDate(report.asOf))"
    }

    static func share(_ value: Double?) -> String { value.map { TextShaping.percent($0, decimals: 1) } ?? "–" }

    private static func value(_ value: Double?, _ figure: HealthFigure, _ granularity: HealthGranularity) -> String {
        guard let value else { return "–" }
        return figure == .commits ? "\(TextShaping.fixed(value, 1))/\(granularity.rawValue)" : share(value)
    }
}
