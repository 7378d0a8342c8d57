import HindsightCore

/// The stability report's lessons section in each format: lessons per area (in force, may be stale,
/// retired) and lessons written and retired per month.
enum ReportLessons {
    /// Areas and months shown before "and N more".
    static let limit = 15

    /// An area as the report names it.
    static func area(_ directory: RepoPath) -> String {
        directory.string.isEmpty ? "(root)" : directory.string + "/"
    }

    /// "3 in force (1 may be stale) · 1 retired".
    static func summary(_ area: LessonCounts.Area) -> String {
        var text = "\(area.inForce) in force"
        if area.stale > 0 { text += " (\(area.stale) may be stale)" }
        if area.retired > 0 { text += " · \(area.retired) retired or expired" }
        return text
    }

    /// "2026-11 +2 · 2026-12 +1 −1", the latest months.
    static func months(_ months: [LessonCounts.Month]) -> String {
        months.suffix(12).map { month in
            "\(month.month) +\(month.added)" + (month.retired > 0 ? " −\(month.retired)" : "")
        }.joined(separator: " · ")
    }

    /// The JSON object: `areas` and `months`.
    static func json(_ counts: LessonCounts) -> JSONValue {
        .object([
            (
                "areas",
                .array(
                    counts.areas.map { area in
                        .object([
                            ("directory", .string(area.directory.string)), ("inForce", .int(area.inForce)),
                            ("stale", .int(area.stale)), ("retired", .int(area.retired)),
                        ])
                    })
            ),
            (
                "months",
                .array(
                    counts.months.map { month in
                        .object([
                            ("month", .string(month.month)), ("added", .int(month.added)),
                            ("retired", .int(month.retired)),
                        ])
                    })
            ),
        ])
    }

    /// The Markdown section (nothing without lessons).
    static func markdown(_ counts: LessonCounts) -> [String] {
        guard !counts.isEmpty else { return [] }
        let rows = counts.areas.prefix(limit).map { area in
            [
                MarkdownEscaping.escaped(Self.area(area.directory)), "\(area.inForce)", "\(area.stale)",
                "\(area.retired)",
            ]
        }
        var lines = ["## Lessons", "", "Recorded by people and agents (`hindsight lesson list` shows them)."]
        lines +=
            [""]
            + MarkdownReportRenderer.table(
                ["Area", "In force", "May be stale", "Retired or expired"], rightAligned: [1, 2, 3], rows: rows,
                trailing: false)
        if counts.areas.count > limit { lines += ["", "_… and \(counts.areas.count - limit) more areas._"] }
        return lines + ["", "Written per month: \(months(counts.months)).", ""]
    }

    /// The HTML panel (nothing without lessons).
    static func html(_ counts: LessonCounts) -> String {
        guard !counts.isEmpty else { return "" }
        let rows = counts.areas.prefix(limit).map { area in
            "<tr><td class=\"text file\">\(Self.area(area.directory).htmlEscaped)</td><td>\(area.inForce)</td>"
                + "<td>\(area.stale)</td><td>\(area.retired)</td></tr>"
        }.joined(separator: "\n")
        let body = """
            <div class="table-wrap"><table class="lessons">
            <thead><tr><th scope="col" class="text">Area</th><th scope="col">In force</th>\
            <th scope="col">May be stale</th><th scope="col">Retired or expired</th></tr></thead>
            <tbody>
            \(rows)
            </tbody>
            </table></div>
            <p class="muted">Written per month: \(months(counts.months).htmlEscaped).</p>
            """
        return HTMLPage.panel(
            id: "lessons", title: "Lessons",
            subtitle: "What people and agents recorded in <code>.hindsight/lessons/</code> and commit trailers.",
            body: body)
    }
}
