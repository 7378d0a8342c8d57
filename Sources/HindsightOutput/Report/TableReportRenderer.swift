import HindsightCore

/// Renders a stability report for a terminal: a header, a summary, the files as aligned columns fitted
/// to `width` (never wrapped), then short sections; ANSI colour only when `useColor` is set.
public struct TableReportRenderer: ReportRenderer {
    /// Characters per line; narrower than 20 is treated as 20.
    public let width: Int
    /// Whether to colour classes and headings with ANSI escapes.
    public let useColor: Bool
    /// Lines per section (directories, recurring fixes, reverts) before "and N more".
    static let sectionLimit = 5

    /// A table renderer for a terminal `width` characters wide, coloured when `useColor` is set.
    public init(width: Int, useColor: Bool) {
        self.width = width
        self.useColor = useColor
    }

    /// The whole table document, one `\n`-ended line each, none wider than `width`.
    public func render(_ report: StabilityReport) -> String {
        let width = max(self.width, 20)
        var lines = header(report, width)
        lines += [[]] + TerminalFileTable(files: report.files, width: width).lines()
        if report.omittedFiles > 0 {
            lines.append([TerminalSpan("… \(TextShaping.count(report.omittedFiles, "more file")) (use --top)", .dim)])
        }
        lines += sections(report, width)
        return lines.map { TerminalLine.rendered($0, width: width, useColor: useColor) }.joined(separator: "\n") + "\n"
    }

    // MARK: - Header and summary

    private func header(_ report: StabilityReport, _ width: Int) -> [[TerminalSpan]] {
        let summary = report.summary
        let title = [
            "Stability report", "tip " + (summary.tip.map { String($0.hex.prefix(10)) } ?? "none"),
            "as of \(ReportText.date(summary.asOf))", ReportText.window(summary, report.settings),
        ]
        var lines = TerminalLine.packed(title, width: width, style: .bold)
        if summary.isShallow {
            lines.append([TerminalSpan("warning: shallow clone, history is cut; counts and ages undercount", .warning)])
        }
        let figures = [
            TextShaping.count(summary.commits, "commit"), TextShaping.count(summary.merges, "merge"),
            TextShaping.count(summary.files, "file"), TextShaping.count(summary.authors, "author"),
            "\(ReportText.fixed(summary.commitsPerWeek, 2)) commits/week",
            "fix ratio \(ReportText.percent(summary.fixRatio, decimals: 1)) (\(TextShaping.count(summary.fixCommits, "fix", "fixes")))",
            TextShaping.count(summary.reverts, "revert"), TextShaping.count(summary.agentCommits, "agent commit"),
            "churn \(summary.churn) lines",
        ]
        return lines + TerminalLine.packed(figures, width: width, style: .plain)
    }

    // MARK: - Sections

    private func sections(_ report: StabilityReport, _ width: Int) -> [[TerminalSpan]] {
        let directoryWidth = min(
            30,
            report.directories.prefix(Self.sectionLimit).map { safe(ReportText.directory($0.path)).count }.max() ?? 0)
        let directories = report.directories.prefix(Self.sectionLimit).map { directory -> String in
            let name = TextShaping.elidedMiddle(safe(ReportText.directory(directory.path)), directoryWidth)
            let classes = ReportText.classCounts(directory.classCounts)
            return TextShaping.padded(name, directoryWidth) + "  \(TextShaping.count(directory.commits, "commit"))"
                + " · churn \(directory.churn) · \(TextShaping.count(directory.fixCommits, "fix", "fixes"))"
                + " · bug \(ReportText.fixed(directory.bugScore, 2))" + (classes.isEmpty ? "" : " · \(classes)")
        }
        let fixes = report.recurringFixes.prefix(Self.sectionLimit).map { record -> String in
            let regions =
                record.regions.prefix(2).map { region in
                    "\(ReportText.lines(region)) " + region.fixes.map(\.shortID).joined(separator: ",")
                        + ReportText.fixMonths(region)
                        + (region.fixOnFix.isEmpty
                            ? "" : " (fix on fix \(TextShaping.count(region.fixOnFix.count, "time")))")
                } + (record.regions.count > 2 ? ["+\(record.regions.count - 2) regions"] : [])
            return TextShaping.elidedMiddle(safe(record.path.string), max(12, width / 3))
                + "  \(TextShaping.count(record.fixes.count, "fix", "fixes"))"
                + (regions.isEmpty ? "" : " · " + regions.joined(separator: "; "))
        }
        let reverts = report.reverts.prefix(Self.sectionLimit).map { record -> String in
            "\(record.revert.shortID)  \(ReportText.date(record.revert.time))  "
                + (record.isReland ? "[re-land] " : "") + safe(record.revert.subject)
        }
        return section("Top directories", directories, of: report.directories.count)
            + recognisedTreeSection(report.recognisedTrees)
            + section("Recurring fixes", fixes, of: report.recurringFixes.count)
            + section("Reverts", reverts, of: report.reverts.count)
            + lessons(report.lessons)
    }

    private func lessons(_ counts: LessonCounts) -> [[TerminalSpan]] {
        guard !counts.isEmpty else { return [] }
        let names = counts.areas.prefix(ReportLessons.limit).map { safe(ReportLessons.area($0.directory)) }
        let nameWidth = min(names.map(\.count).max() ?? 0, max(12, width / 3))
        let areas = zip(names, counts.areas).map { name, area in
            TextShaping.padded(TextShaping.elidedMiddle(name, nameWidth), nameWidth) + "  "
                + ReportLessons.summary(area)
        }
        return section(
            "Lessons", areas + ["by month: " + ReportLessons.months(counts.months)], of: counts.areas.count + 1)
    }

    /// A titled section showing `items`, the first of `total` entries (the rest are counted).
    func section(_ title: String, _ items: [String], of total: Int) -> [[TerminalSpan]] {
        guard !items.isEmpty else { return [] }
        var lines: [[TerminalSpan]] = [[], [TerminalSpan(title, .bold)]]
        lines += items.map { [TerminalSpan("  " + $0)] }
        if total > items.count {
            lines.append([TerminalSpan("  and \(total - items.count) more", .dim)])
        }
        return lines
    }

    private func safe(_ text: String) -> String { ReportText.terminalSafe(text) }
}

// MARK: - Lines

/// A run of text in one style.
struct TerminalSpan {
    var text: String
    var style: TerminalStyle

    init(_ text: String, _ style: TerminalStyle = .plain) {
        self.text = text
        self.style = style
    }
}

/// How a span is coloured on a colour terminal.
enum TerminalStyle {
    case plain, bold, dim, warning
    case fileClass(FileClass)

    /// The SGR parameters, or nil for none.
    var sgr: String? {
        switch self {
        case .plain: nil
        case .bold: "1"
        case .dim: "2"
        case .warning: "1;33"
        case .fileClass(.hotspot): "1;31"
        case .fileClass(.churning): "33"
        case .fileClass(.active): "36"
        case .fileClass(.new): "32"
        case .fileClass(.stable): "2"
        }
    }
}

/// Fitting, packing and colouring of terminal lines.
enum TerminalLine {
    /// A line cut to `width` characters (with `…`), trailing spaces dropped, coloured when asked.
    static func rendered(_ spans: [TerminalSpan], width: Int, useColor: Bool) -> String {
        var spans = spans
        while let last = spans.last, last.text.last == " " || last.text.isEmpty {
            let trimmed = String(last.text.reversed().drop { $0 == " " }.reversed())
            if trimmed.isEmpty { spans.removeLast() } else { spans[spans.count - 1].text = trimmed }
        }
        var remaining = width
        var fitted: [TerminalSpan] = []
        let total = spans.reduce(0) { $0 + $1.text.count }
        for var span in spans where remaining > 0 {
            let room = total > width ? remaining - 1 : remaining
            if span.text.count > room { span.text = String(span.text.prefix(max(0, room))) + "…" }
            remaining -= span.text.count
            fitted.append(span)
        }
        return fitted.map { span in
            guard useColor, let sgr = span.style.sgr, !span.text.isEmpty else { return span.text }
            return "\u{1B}[\(sgr)m\(span.text)\u{1B}[0m"
        }.joined()
    }

    /// Items joined by ` · ` into as few lines as fit `width`.
    static func packed(_ items: [String], width: Int, style: TerminalStyle) -> [[TerminalSpan]] {
        var lines: [String] = []
        for item in items {
            if let last = lines.last, last.count + 3 + item.count <= width {
                lines[lines.count - 1] = last + " · " + item
            } else {
                lines.append(item)
            }
        }
        return lines.map { [TerminalSpan($0, style)] }
    }
}

// MARK: - File table

/// The files as aligned columns, fitted to a width by eliding the path and dropping low-priority columns.
struct TerminalFileTable {
    let files: [FileReport]
    let width: Int
    /// Widest owner cell, name and share.
    private static let ownerWidth = 24
    /// Narrowest path column worth keeping before columns are dropped.
    private static let pathMinimum = 16

    private struct Column {
        var title: String
        var priority: Int  // lower is dropped first; 100 is never dropped
        var cells: [String]
        var alignRight = true
        var width: Int { max(title.count, cells.map(\.count).max() ?? 0) }
    }

    /// The header row, then a row per file, with the class reason under hotspots and churning files.
    func lines() -> [[TerminalSpan]] {
        guard !files.isEmpty else { return [[TerminalSpan("No files matched.", .dim)]] }
        let classWidth = max(5, files.map(\.classification.fileClass.rawValue.count).max() ?? 0)
        let paths = files.map { ReportText.terminalSafe($0.path.string) + ($0.isDeleted ? " (deleted)" : "") }
        let longestPath = max(4, paths.map(\.count).max() ?? 0)
        var columns = allColumns()
        func fixedWidth() -> Int { classWidth + 2 + columns.reduce(0) { $0 + 2 + $1.width } }
        // Keep a third of the width (at least `pathMinimum`) for the path before giving up columns.
        let pathFloor = min(longestPath, max(Self.pathMinimum, width / 3))
        while fixedWidth() + pathFloor > width,
            let lowest = columns.indices.min(by: { columns[$0].priority < columns[$1].priority }),
            columns[lowest].priority < 100
        {
            columns.remove(at: lowest)
        }
        let pathWidth = min(longestPath, max(4, width - fixedWidth()))

        func row(_ path: String, _ cells: [String]) -> String {
            TextShaping.padded(path, pathWidth)
                + zip(columns, cells).map { column, cell in
                    "  " + TextShaping.padded(cell, column.width, alignRight: column.alignRight)
                }.joined()
        }
        let titles = columns.map(\.title)
        var lines: [[TerminalSpan]] = [
            [TerminalSpan(TextShaping.padded("CLASS", classWidth) + "  " + row("PATH", titles), .bold)]
        ]
        for (index, file) in files.enumerated() {
            let fileClass = file.classification.fileClass
            let path = TextShaping.elidedMiddle(paths[index], pathWidth)
            lines.append([
                TerminalSpan(TextShaping.padded(fileClass.rawValue, classWidth), .fileClass(fileClass)),
                TerminalSpan("  " + row(path, columns.map { $0.cells[index] })),
            ])
            if fileClass == .hotspot || fileClass == .churning {
                let indent = String(repeating: " ", count: classWidth + 2)
                lines.append([TerminalSpan(indent + "↳ " + ReportText.terminalSafe(file.classification.reason), .dim)])
            }
        }
        return lines
    }

    /// Every column after PATH, in display order.
    private func allColumns() -> [Column] {
        let owners = files.map { file -> String in
            guard let author = file.mainAuthor else { return "–" }
            let share = ReportText.percent(author.share)
            let name = TextShaping.truncated(ReportText.terminalSafe(author.name), Self.ownerWidth - share.count - 1)
            return "\(name) \(share)"
        }
        return [
            Column(title: "COMMITS", priority: 100, cells: files.map { "\($0.commits)" }),
            Column(title: "CHURN", priority: 40, cells: files.map { "\($0.churn)" }),
            Column(title: "RECENT", priority: 70, cells: files.map { ReportText.fixed($0.recentChurn, 1) }),
            Column(title: "LAST", priority: 50, cells: files.map { ReportText.date($0.lastChanged) }),
            Column(title: "FIXES", priority: 60, cells: files.map { "\($0.fixCommits)" }),
            Column(title: "BUG", priority: 80, cells: files.map { ReportText.fixed($0.bugScore, 2) }),
            Column(title: "OWNER(share)", priority: 30, cells: owners, alignRight: false),
        ]
    }
}
