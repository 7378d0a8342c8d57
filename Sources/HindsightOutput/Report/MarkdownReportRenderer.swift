import HindsightCore

/// Renders a stability report as a Markdown document for a pull-request comment or a wiki page.
public struct MarkdownReportRenderer: ReportRenderer {
    /// Rows shown in the directory, recurring-fix and revert tables before "and N more".
    private static let sectionLimit = 15
    /// Fix commits listed per recurring-fix file before "and N more".
    private static let fixesPerFile = 3
    /// Characters of a commit subject kept in a table cell.
    private static let subjectLength = 72

    /// A Markdown renderer.
    public init() {}

    /// The whole document: title, summary, files, directories, recognised trees, recurring fixes,
    /// reverts, lessons, settings.
    public func render(_ report: StabilityReport) -> String {
        var lines = ["# Stability report", ""]
        lines += header(report)
        lines += summary(report.summary)
        lines += files(report)
        lines += directories(report.directories)
        lines += recognisedTrees(report.recognisedTrees)
        lines += recurringFixes(report.recurringFixes, years: report.settings.recentFixYears)
        lines += reverts(report.reverts)
        lines += ReportLessons.markdown(report.lessons)
        lines += settings(report.settings)
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - Sections

    private func header(_ report: StabilityReport) -> [String] {
        let tip = report.summary.tip.map { "`\(String($0.hex.prefix(10)))`" } ?? "none"
        var lines = [
            "Tip \(tip) · as of \(ReportText.date(report.summary.asOf)) · "
                + ReportText.window(report.summary, report.settings), "",
        ]
        if report.summary.isShallow {
            lines += [
                "> **Warning:** this is a shallow clone, so history is cut and counts and ages undercount. "
                    + "Run `git fetch --unshallow` for full figures.", "",
            ]
        }
        return lines
    }

    private func summary(_ summary: RepositorySummary) -> [String] {
        let rows: [[String]] = [
            ["Commits (non-merge)", "\(summary.commits)"], ["Merges", "\(summary.merges)"],
            ["Files", "\(summary.files)"], ["Deleted files", "\(summary.deletedFiles)"],
            ["Authors", "\(summary.authors)"], ["Commits per week", ReportText.fixed(summary.commitsPerWeek, 2)],
            ["Fix commits", "\(summary.fixCommits) (\(ReportText.percent(summary.fixRatio, decimals: 1)))"],
            ["Reverts", "\(summary.reverts)"], ["Agent commits", "\(summary.agentCommits)"],
            ["Churn (lines)", "\(summary.churn)"],
        ]
        return ["## Summary", ""] + Self.table(["Measure", "Value"], rightAligned: [1], rows: rows)
    }

    private func files(_ report: StabilityReport) -> [String] {
        var lines = ["## Files", ""]
        guard !report.files.isEmpty else { return lines + ["_No files matched._", ""] }
        let rows = report.files.map { file -> [String] in
            let path = Self.escaped(file.path.string) + (file.isDeleted ? " (deleted)" : "")
            return [
                file.classification.fileClass.rawValue, path, "\(file.commits)", "\(file.churn)",
                ReportText.fixed(file.recentChurn, 1), ReportText.date(file.lastChanged), "\(file.fixCommits)",
                ReportText.fixed(file.bugScore, 2), Self.escaped(ReportText.owner(file) ?? "–"),
                Self.escaped(file.classification.reason),
            ]
        }
        lines += Self.table(
            [
                "Class", "Path", "Commits", "Churn", "Recent churn", "Last changed", "Fixes", "Bug score", "Owner",
                "Reason",
            ],
            rightAligned: [2, 3, 4, 6, 7], rows: rows, trailing: false)
        if report.omittedFiles > 0 {
            lines += ["", "_… and \(TextShaping.count(report.omittedFiles, "more file")) (use `--top` to show them)._"]
        }
        return lines + [""]
    }

    private func directories(_ directories: [DirectoryReport]) -> [String] {
        guard !directories.isEmpty else { return [] }
        let rows = directories.prefix(Self.sectionLimit).map { directory -> [String] in
            [
                Self.escaped(ReportText.directory(directory.path)), "\(directory.files)", "\(directory.commits)",
                "\(directory.churn)", ReportText.fixed(directory.recentChurn, 1), "\(directory.fixCommits)",
                ReportText.fixed(directory.bugScore, 2), ReportText.classCounts(directory.classCounts),
                ReportText.date(directory.lastChanged),
            ]
        }
        return ["## Directories", ""]
            + Self.table(
                [
                    "Directory", "Files", "Commits", "Churn", "Recent churn", "Fixes", "Bug score", "Classes",
                    "Last changed",
                ],
                rightAligned: [1, 2, 3, 4, 5, 6], rows: Array(rows), trailing: false)
            + Self.more(directories.count, "more directory", "more directories")
    }

    private func recurringFixes(_ records: [RecurringFixFile], years: Double) -> [String] {
        guard !records.isEmpty else { return [] }
        let rows = records.prefix(Self.sectionLimit).map { record -> [String] in
            let fixes = record.fixes.suffix(Self.fixesPerFile).map(Self.cite)
            let earlier = record.fixes.count - fixes.count
            let regions = record.regions.map { region in
                let shown = region.fixes.suffix(Self.fixesPerFile)
                let earlier = region.fixes.count - shown.count
                let cited = shown.map { "`\($0.shortID)` \(ReportText.date($0.time))" }
                return "\(ReportText.lines(region)) (\(ReportText.fixAges(region, years: years)): "
                    + ((earlier > 0 ? ["\(earlier) earlier"] : []) + cited).joined(separator: ", ") + ")"
            }
            let fixOnFix = record.regions.flatMap { region in
                region.fixOnFix.map {
                    "\(ReportText.lines(region)): `\($0.first.shortID)` → `\($0.second.shortID)` "
                        + "after \(ReportText.fixed($0.days, 1)) days"
                }
            }
            return [
                Self.escaped(record.path.string), "\(record.fixes.count)",
                ((earlier > 0 ? ["\(earlier) earlier"] : []) + fixes).joined(separator: "; "),
                regions.isEmpty ? "–" : regions.joined(separator: "; "),
                fixOnFix.isEmpty ? "–" : fixOnFix.joined(separator: "; "),
            ]
        }
        return ["## Recurring fixes", ""]
            + Self.table(
                ["Path", "Fixes", "Latest fixes", "Shared regions", "Fix on fix"], rightAligned: [1],
                rows: Array(rows), trailing: false)
            + Self.more(records.count, "more file")
    }

    private func reverts(_ records: [RevertRecord]) -> [String] {
        guard !records.isEmpty else { return [] }
        let rows = records.prefix(Self.sectionLimit).map { record -> [String] in
            let reverted =
                record.reverted.map(Self.cite) ?? "`\(String(record.revertedID.hex.prefix(10)))` (not in history)"
            let files =
                record.files.prefix(3).map { Self.escaped($0.string) }
                + (record.files.count > 3 ? ["and \(record.files.count - 3) more"] : [])
            return [Self.cite(record.revert), reverted, record.isReland ? "yes" : "no", files.joined(separator: ", ")]
        }
        return ["## Reverts", ""]
            + Self.table(
                ["Revert", "Reverted", "Re-land", "Files"], rightAligned: [], rows: Array(rows), trailing: false)
            + Self.more(records.count, "more revert")
    }

    private func settings(_ settings: AnalysisSettings) -> [String] {
        let pattern = settings.fixes.pattern ?? FixDetector.defaultPattern
        let coupling = settings.coupling
        return [
            "## Settings", "",
            "- Window: \(settings.since.map { "since \(ReportText.date($0))" } ?? "all history"); "
                + "ages measured from \(ReportText.date(settings.now))",
            "- Recent churn half-life: \(ReportText.fixed(settings.halfLifeDays, 1)) days",
            "- Classes: \(ReportText.thresholds(settings.classes))",
            "- Coupling: ≥ \(coupling.minRevisions) revisions, ≥ \(coupling.minShared) shared commits, "
                + "degree ≥ \(coupling.minDegree)%, commits touching more than \(coupling.maxFilesPerCommit) files skipped",
            "- Fix commits: subject or body matches \(MarkdownEscaping.codeSpan(pattern))"
                + (settings.fixes.pattern == nil
                    ? " (default, case-insensitive), not negated or put off (\"should be fixed\"), not a typo, style"
                        + " or docs chore, and changing code, not only docs or test data" : " (case-insensitive)")
                + "; or a `fix:` subject, or a `Fixes:` trailer",
            "- Fix on fix: a second fix to the same region within \(ReportText.fixed(settings.fixOnFixDays, 1)) days",
            "- Recurring fixes: fixes older than \(ReportText.fixed(settings.recentFixYears, 1)) years weigh "
                + "\(ReportText.fixed(settings.oldFixWeight, 2)); regions follow their lines and wider than half the file are left out",
            "- Ignored paths: "
                + (settings.ignore.isEmpty
                    ? "none"
                    : settings.ignore.map { MarkdownEscaping.codeSpan($0.description) }.joined(separator: ", ")),
            "- Deleted files: \(settings.includeDeleted ? "included" : "left out")",
            "- Vendored and fixture trees: \(settings.recogniseTrees ? "left out" : "reported as ordinary files")",
        ]
    }

    // MARK: - Helpers

    /// A GFM table; `rightAligned` holds column indexes; a blank line follows unless `trailing` is false.
    static func table(_ header: [String], rightAligned: Set<Int>, rows: [[String]], trailing: Bool = true) -> [String] {
        let rule = header.indices.map { rightAligned.contains($0) ? "---:" : "---" }
        let lines = ([header, rule] + rows).map { "| " + $0.joined(separator: " | ") + " |" }
        return trailing ? lines + [""] : lines
    }

    /// A blank line after a table, with "_and N more._" first when rows were cut.
    private static func more(_ total: Int, _ singular: String, _ plural: String? = nil) -> [String] {
        total > sectionLimit ? ["", "_… and \(TextShaping.count(total - sectionLimit, singular, plural))._", ""] : [""]
    }

    /// A commit as `` `id` subject (author, date) ``, escaped, subject shortened.
    private static func cite(_ commit: CommitRef) -> String {
        "`\(commit.shortID)` \(escaped(shortened(commit.subject))) (\(escaped(commit.author)), \(ReportText.date(commit.time)))"
    }

    private static func shortened(_ text: String) -> String { TextShaping.truncated(text, subjectLength) }

    private static func escaped(_ text: String) -> String { MarkdownEscaping.escaped(text) }
}
