import HindsightCore

/// Health as one self-contained HTML page, in the report's style and under its Content Security
/// Policy: a small line chart per figure, then the verdicts, the loop and agents against people.
public struct HTMLHealthRenderer: HealthRenderer {
    /// An HTML renderer.
    public init() {}

    public func render(_ report: HealthReport) -> String {
        let unit = report.granularity.rawValue
        let charts: [(String, String, String, Bool, (HealthPeriod) -> Double?)] = [
            ("commits", "Commits", "commits a \(unit)", false, { Double($0.commits) }),
            ("fix-ratio", "Fix ratio", "% of commits", true, { $0.share($0.fixes) }),
            ("fix-inducing", "Fix-inducing rate", "% of commits", true, { $0.share($0.fixInducing) }),
            ("rework", "Rework", "% of added lines", true, { $0.reworkShare }),
            ("reverts", "Revert rate", "% of commits", true, { $0.share($0.reverts) }),
            ("agents", "Agent share", "% of commits", true, { $0.share($0.agentCommits) }),
        ]
        var body = [
            "<header class=\"masthead\">", "<p class=\"brand\">Hindsight</p>", "<h1>Health</h1>",
            "<p class=\"meta\"><span>by \(unit)</span><span>as of \(HTMLFormat.date(report.asOf))</span>"
                + "<span>\(report.periods.count) \(unit)s</span></p>",
            "</header>", "<div class=\"charts\">",
        ]
        for (id, title, axis, isShare, value) in charts {
            let points = report.periods.map { period in
                (
                    label: period.label, value: value(period),
                    isProvisional: id == "fix-inducing" && period.isProvisional
                )
            }
            let chart = HTMLHealthChart(id: id, title: title, unit: axis, points: points, isShare: isShare)
            body.append(HTMLPage.panel(id: id, title: title, subtitle: subtitle(id, report), body: chart.render()))
        }
        body.append("</div>")
        body.append(
            HTMLPage.panel(
                id: "verdicts", title: "Verdicts", subtitle: HealthText.comparison(report).htmlEscaped,
                body: table(
                    HealthText.trendColumns, report.trends.map { HealthText.cells($0, report.granularity) },
                    text: [0, 3, 4])))
        body.append(
            HTMLPage.panel(
                id: "loop", title: "The loop", subtitle: HealthText.loopNote.htmlEscaped,
                body: table(
                    [unit] + HealthText.loopColumns,
                    report.periods.map { [HealthText.label($0)] + HealthText.loopCells($0) })))
        body.append(
            HTMLPage.panel(
                id: "groups", title: "Agents against people",
                subtitle: HealthText.groupVerdict(report.groups).htmlEscaped,
                body: table(HealthText.groupColumns, HealthText.groupRows(report.groups))))
        body.append(
            HTMLPage.panel(
                id: "periods", title: "Every \(unit)", subtitle: HealthText.notes(report).htmlEscaped,
                body: table(
                    [unit] + HealthText.periodColumns,
                    report.periods.map { [HealthText.label($0)] + HealthText.cells($0) })))
        return HTMLPage.document(
            title: "Hindsight health · \(HTMLFormat.date(report.asOf))", body: body.joined(separator: "\n"))
    }

    private func subtitle(_ id: String, _ report: HealthReport) -> String {
        switch id {
        case "fix-inducing": "Commits a later fix traced to (SZZ), named in Fixes: or reverted; hollow: provisional."
        case "rework": "Added lines changed or deleted within \(report.reworkDays) days, of commits that old."
        default: "Per \(report.granularity.rawValue), UTC."
        }
    }

    /// A plain table whose `text` columns align left and wrap; the others are numbers.
    private func table(_ headers: [String], _ rows: [[String]], text: Set<Int> = [0]) -> String {
        let head = headers.enumerated().map { index, name in
            "<th scope=\"col\"\(text.contains(index) ? " class=\"text\"" : "")>\(name.htmlEscaped)</th>"
        }
        let lines = rows.map { row in
            "<tr>"
                + row.enumerated().map { index, cell in
                    "<td\(text.contains(index) ? " class=\"text wrap\"" : "")>\(cell.htmlEscaped)</td>"
                }.joined() + "</tr>"
        }
        return "<div class=\"table-wrap\"><table>\n<thead><tr>\(head.joined())</tr></thead>\n<tbody>\n"
            + lines.joined(separator: "\n") + "\n</tbody>\n</table></div>"
    }
}
