import HindsightCore

/// Renders a stability report as one self-contained HTML page: no network, light and dark, sortable tables.
public struct HTMLReportRenderer: ReportRenderer {
    /// How many files `hindsight report --format html` shows in full unless `--top` says otherwise.
    public static let defaultDetailedFiles = 100

    /// How many files past the detailed ones the compact table holds at most; the rest are left off the page.
    public static let defaultCompactFiles = 5_000

    /// How many files and directories get a full row (files a circle too); later files get one line each. Nil: all.
    public var detailedFiles: Int?
    /// How many files past the detailed ones get a line in the compact table.
    public var compactFiles: Int

    /// A renderer showing the first `detailedFiles` files in full (all when nil) and up to `compactFiles` more compactly.
    public init(detailedFiles: Int? = nil, compactFiles: Int = Self.defaultCompactFiles) {
        self.detailedFiles = detailedFiles.map { max($0, 0) }
        self.compactFiles = max(compactFiles, 0)
    }

    /// The whole HTML document for `report`.
    public func render(_ report: StabilityReport) -> String {
        let tip = report.summary.tip.map { String($0.hex.prefix(10)) }
        let shown = min(detailedFiles ?? report.files.count, report.files.count)
        let detailed = Array(report.files.prefix(shown))
        let compact = Array(report.files.dropFirst(shown).prefix(compactFiles))
        let leftOff = report.files.count - shown - compact.count
        let directories = Array(report.directories.prefix(detailedFiles ?? report.directories.count))
        let body = [
            masthead(report),
            summaryCards(report.summary),
            "<div class=\"charts\">",
            HTMLPage.panel(
                id: "hotspots", title: "Hotspots",
                subtitle: "Churn against bug score; the upper right is where fixes and changes pile up."
                    + (shown < report.files.count ? " The \(HTMLPage.count(shown, "file")) shown in full." : ""),
                body: HTMLHotspotChart(files: detailed).render()),
            HTMLPage.panel(
                id: "timeline", title: "Timeline",
                subtitle: "Commits per week (UTC, Monday start) with fix commits overlaid.",
                body: HTMLTimelineChart(weeks: report.weeks).render()),
            "</div>",
            HTMLFilesTable(files: detailed, omitted: report.omittedFiles, compact: compact.count, leftOff: leftOff)
                .render(),
            HTMLCompactFilesTable(files: compact, detailed: shown, leftOff: leftOff).render(),
            HTMLDirectoriesTable(directories: directories, omitted: report.directories.count - directories.count)
                .render(),
            HTMLRecognisedTrees(trees: report.recognisedTrees, isEnabled: report.settings.recogniseTrees).render(),
            HTMLRecurringFixes(
                files: report.recurringFixes, fixOnFixDays: report.settings.fixOnFixDays,
                recentFixYears: report.settings.recentFixYears
            ).render(),
            HTMLReverts(reverts: report.reverts).render(),
            ReportLessons.html(report.lessons),
            HTMLSettingsFooter(settings: report.settings, summary: report.summary).render(),
        ]
        return HTMLPage.document(
            title: "Hindsight stability report" + (tip.map { " · \($0)" } ?? ""),
            body: body.filter { !$0.isEmpty }.joined(separator: "\n"))
    }

    // MARK: - Header

    private func masthead(_ report: StabilityReport) -> String {
        let summary = report.summary
        let tip =
            summary.tip.map { "<code title=\"\($0.hex.htmlEscaped)\">\(String($0.hex.prefix(10)).htmlEscaped)</code>" }
            ?? "<span class=\"muted\">no commits</span>"
        let window = report.settings.since.map { "since \(HTMLFormat.date($0))" } ?? "all history"
        var span = ""
        if let first = summary.firstCommit, let last = summary.lastCommit {
            span = "<span>commits from \(HTMLFormat.date(first)) to \(HTMLFormat.date(last))</span>"
        }
        var parts = [
            "<header class=\"masthead\">",
            "<p class=\"brand\">Hindsight</p>",
            "<h1>Stability report</h1>",
            "<p class=\"meta\"><span>tip \(tip)</span><span>as of \(HTMLFormat.date(summary.asOf))</span>"
                + "<span>window: \(window)</span>\(span)</p>",
            "</header>",
        ]
        if summary.isShallow {
            parts.append(
                "<p class=\"warning\" role=\"note\"><strong>Shallow clone.</strong> History stops at the shallow "
                    + "boundary, so ages, counts and scores cover only the commits that were fetched. "
                    + "Run <code>git fetch --unshallow</code> for the full picture.</p>")
        }
        return parts.joined(separator: "\n")
    }

    private func summaryCards(_ summary: RepositorySummary) -> String {
        let agentShare = summary.commits == 0 ? 0 : Double(summary.agentCommits) / Double(summary.commits)
        let cards = [
            card("Commits", HTMLFormat.integer(summary.commits), "non-merge commits in the window"),
            card("Merges", HTMLFormat.integer(summary.merges), "merge commits, not diffed"),
            card(
                "Files", HTMLFormat.integer(summary.files),
                summary.deletedFiles > 0
                    ? "at the tip; \(HTMLFormat.integer(summary.deletedFiles)) more deleted" : "at the tip, covered"),
            card("Authors", HTMLFormat.integer(summary.authors), "people, bots excluded"),
            card(
                "Commits / week",
                HTMLFormat.decimal(summary.commitsPerWeek, digits: summary.commitsPerWeek < 10 ? 2 : 1),
                "first to last commit"),
            card(
                "Fix ratio", HTMLFormat.percent(summary.fixRatio, digits: 1),
                "\(HTMLFormat.integer(summary.fixCommits)) fix commits of \(HTMLFormat.integer(summary.commits))",
                tone: summary.fixRatio >= 0.3 ? "warn" : nil),
            card("Reverts", HTMLFormat.integer(summary.reverts), "commits that undo another"),
            card(
                "Agent commits", HTMLFormat.integer(summary.agentCommits),
                "\(HTMLFormat.percent(agentShare, digits: 1)) authored or co-authored by an agent"),
            card("Churn", HTMLFormat.integer(summary.churn), "lines added + deleted"),
        ]
        // One size for every figure, small enough for the longest, so the row reads evenly and none leaves its card.
        let longest = cards.map(\.value.count).max() ?? 0
        let size = longest >= 10 ? " longest" : longest >= 8 ? " longer" : longest >= 6 ? " long" : ""
        let html = cards.map { card in
            "<div class=\"card\(card.tone.map { " \($0)" } ?? "")\"><p class=\"label\">\(card.label)</p>"
                + "<p class=\"value\(size)\">\(card.value)</p><p class=\"note\">\(card.note)</p></div>"
        }
        return "<section class=\"cards\" aria-label=\"Summary\">\n\(html.joined(separator: "\n"))\n</section>"
    }

    /// A summary card's text: label, figure, note and an optional tone class.
    private func card(
        _ label: String, _ value: String, _ note: String, tone: String? = nil
    ) -> (label: String, value: String, note: String, tone: String?) {
        (label, value, note, tone)
    }
}
