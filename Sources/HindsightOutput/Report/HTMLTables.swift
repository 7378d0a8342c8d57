import HindsightCore

/// The sortable files table: one row per file, the class reason under the path.
struct HTMLFilesTable {
    /// Files in report order.
    let files: [FileReport]
    /// Files cut by `--top`.
    let omitted: Int
    /// Files after these, one line each in the compact table below.
    var compact = 0
    /// Files after the compact ones, not on the page.
    var leftOff = 0

    /// The files section.
    func render() -> String {
        var subtitle = "In the order given; click a column header to sort. Hover a badge or figure for its source."
        if omitted > 0 {
            subtitle =
                "Showing \(HTMLPage.count(files.count, "file")); \(HTMLPage.count(omitted, "more file")) "
                + "matched but \(omitted == 1 ? "was" : "were") cut by <code>--top</code>. " + subtitle
        }
        if compact > 0 || leftOff > 0 {
            var split = "Showing \(HTMLPage.count(files.count, "file")) in full"
            if compact > 0 {
                split += ", the next \(HTMLPage.count(compact, "file")) one line each in <em>More files</em> below"
            }
            if leftOff > 0 {
                split +=
                    (compact > 0 ? "; " : "; the other ")
                    + "\(HTMLPage.count(leftOff, "file")) \(leftOff == 1 ? "is" : "are") "
                    + "not on this page (<code>hindsight report --format csv --top 0</code> lists every file)"
            }
            subtitle = split + ". " + subtitle
        }
        guard !files.isEmpty else {
            return HTMLPage.panel(
                id: "files", title: "Files", subtitle: subtitle, body: HTMLPage.none("No files in this report."))
        }
        let maxChurn = Double(files.map(\.churn).max() ?? 0)
        let maxRecent = files.map(\.recentChurn).max() ?? 0
        let maxBug = files.map(\.bugScore).max() ?? 0
        let headers = [
            HTMLPage.header("File", isText: true),
            HTMLPage.header("Class", isLeftAligned: true, title: "hotspot, churning, active, new, stable"),
            HTMLPage.header("Commits"),
            HTMLPage.header("Churn", title: "lines added + deleted; added and deleted below"),
            HTMLPage.header("Recent", title: "recency-weighted churn (see half-life below)"),
            HTMLPage.header("Last changed"), HTMLPage.header("Main author", isText: true),
            HTMLPage.header("Frag.", title: "fragmentation: 1 − Σ share² over authors"),
            HTMLPage.header("Fixes"), HTMLPage.header("Bug score", title: "Σ over fix commits of 1/(1+e^(−12t+12))"),
            HTMLPage.header("Reverts"),
            HTMLPage.header("Coupled with", isLeftAligned: true, title: "strongest co-change partner, degree %"),
        ]
        let rows = files.map { row($0, maxChurn: maxChurn, maxRecent: maxRecent, maxBug: maxBug) }
        let table = HTMLPage.sortableTable("files", headers: headers, rows: rows)
        return HTMLPage.panel(id: "files", title: "Files", subtitle: subtitle, body: table)
    }

    private func row(_ file: FileReport, maxChurn: Double, maxRecent: Double, maxBug: Double) -> String {
        let fileClass = file.classification.fileClass
        let deleted = file.isDeleted ? " <span class=\"tag\">deleted</span>" : ""
        let cells = [
            "<td class=\"text file\" data-sort=\"\(file.path.string.htmlEscaped)\">\(HTMLPage.path(file.path))\(deleted)"
                + "<div class=\"reason\">\(file.classification.reason.htmlEscaped)</div></td>",
            "<td class=\"text\" data-sort=\"\(FileClass.allCases.firstIndex(of: fileClass) ?? 0)\">\(HTMLPage.badge(file.classification))</td>",
            HTMLPage.number(
                HTMLFormat.integer(file.commits), sort: Double(file.commits),
                title: "\(HTMLPage.count(file.commits, "commit")), \(file.agentCommits) with a coding agent, "
                    + "\(HTMLPage.count(file.daysWithChanges, "day")) with changes"),
            HTMLPage.number(
                HTMLFormat.integer(file.churn)
                    + "<div class=\"split\"><span class=\"added\">+\(HTMLFormat.integer(file.linesAdded))"
                    + "</span> <span class=\"removed\">−\(HTMLFormat.integer(file.linesDeleted))</span></div>",
                sort: Double(file.churn), fraction: fraction(Double(file.churn), maxChurn)),
            HTMLPage.number(
                HTMLFormat.decimal(file.recentChurn, digits: 1, grouped: true), sort: file.recentChurn,
                fraction: fraction(file.recentChurn, maxRecent)),
            HTMLPage.number(
                HTMLFormat.date(file.lastChanged), sort: Double(file.lastChanged),
                title: "first seen \(HTMLFormat.date(file.firstSeen))"),
            authorCell(file),
            HTMLPage.number(
                HTMLFormat.decimal(file.fragmentation, digits: 2), sort: file.fragmentation,
                title: HTMLPage.count(file.authors.count, "author")),
            HTMLPage.number(HTMLFormat.integer(file.fixCommits), sort: Double(file.fixCommits)),
            HTMLPage.number(
                HTMLFormat.decimal(file.bugScore, digits: 2), sort: file.bugScore,
                fraction: fraction(file.bugScore, maxBug)),
            HTMLPage.number(HTMLFormat.integer(file.reverts), sort: Double(file.reverts)),
            couplingCell(file),
        ]
        return "<tr class=\"k-\(fileClass.rawValue)\">\(cells.joined())</tr>"
    }

    private func authorCell(_ file: FileReport) -> String {
        guard let author = file.mainAuthor else {
            return "<td class=\"text\" data-sort=\"\"><span class=\"muted\">—</span></td>"
        }
        let title = "\(author.name) <\(author.email)>, \(HTMLPage.count(author.commits, "commit"))"
        return
            "<td class=\"text wrap owner\" data-sort=\"\(author.name.lowercased().htmlEscaped)\" title=\"\(title.htmlEscaped)\">"
            + "<span class=\"who\">\(author.name.htmlEscaped)</span> <span class=\"share\">\(HTMLFormat.percent(author.share))</span></td>"
    }

    private func couplingCell(_ file: FileReport) -> String {
        guard let partner = file.coupling.first else {
            return "<td class=\"text\" data-sort=\"-1\"><span class=\"muted\">—</span></td>"
        }
        let title =
            "\(partner.shared) shared commits; \(partner.path.string) has \(HTMLPage.count(partner.partnerCommits, "commit"))"
            + (file.coupling.count > 1 ? "; \(file.coupling.count - 1) more partners" : "")
        return "<td class=\"text wrap partner\" data-sort=\"\(partner.degree)\" title=\"\(title.htmlEscaped)\">"
            + "<code class=\"path\">\(HTMLPage.breakable(partner.path.string))</code> <span class=\"share\">\(partner.degree)%</span></td>"
    }

    private func fraction(_ value: Double, _ maximum: Double) -> Double? { maximum > 0 ? value / maximum : nil }
}

/// The sortable directories table with each directory's class counts.
struct HTMLDirectoriesTable {
    /// Directories, busiest first.
    let directories: [DirectoryReport]
    /// Busier-ranked directories after these, not on the page.
    var omitted = 0

    /// The directories section.
    func render() -> String {
        var subtitle = "Roll-ups of the files below each directory, busiest first."
        if omitted > 0 {
            subtitle +=
                " The \(HTMLPage.count(directories.count, "busiest directory", plural: "busiest directories")); "
                + "\(HTMLPage.count(omitted, "other")) \(omitted == 1 ? "is" : "are") not on this page "
                + "(<code>hindsight report --format json --top 0</code> lists every directory)."
        }
        guard !directories.isEmpty else {
            return HTMLPage.panel(
                id: "directories", title: "Directories", subtitle: subtitle, body: HTMLPage.none("No directories."))
        }
        let headers = [
            HTMLPage.header("Directory", isText: true), HTMLPage.header("Files"), HTMLPage.header("Commits"),
            HTMLPage.header("Churn"), HTMLPage.header("Recent"), HTMLPage.header("Fixes"), HTMLPage.header("Bug score"),
            HTMLPage.header("Classes", isLeftAligned: true, title: "files per class; sorts by hotspots, then churning"),
        ]
        let maxChurn = Double(directories.map(\.churn).max() ?? 0)
        let rows = directories.map { directory in
            let cells = [
                "<td class=\"text file\" data-sort=\"\(directory.path.string.htmlEscaped)\">\(HTMLPage.path(directory.path))</td>",
                HTMLPage.number(HTMLFormat.integer(directory.files), sort: Double(directory.files)),
                HTMLPage.number(HTMLFormat.integer(directory.commits), sort: Double(directory.commits)),
                HTMLPage.number(
                    HTMLFormat.integer(directory.churn), sort: Double(directory.churn),
                    fraction: maxChurn > 0 ? Double(directory.churn) / maxChurn : nil),
                HTMLPage.number(
                    HTMLFormat.decimal(directory.recentChurn, digits: 1, grouped: true), sort: directory.recentChurn),
                HTMLPage.number(HTMLFormat.integer(directory.fixCommits), sort: Double(directory.fixCommits)),
                HTMLPage.number(HTMLFormat.decimal(directory.bugScore, digits: 2), sort: directory.bugScore),
                classCell(directory.classCounts),
            ]
            return "<tr>\(cells.joined())</tr>"
        }
        let table = HTMLPage.sortableTable("directories", headers: headers, rows: rows)
        return HTMLPage.panel(id: "directories", title: "Directories", subtitle: subtitle, body: table)
    }

    private func classCell(_ counts: [FileClass: Int]) -> String {
        let chips = FileClass.allCases.compactMap { fileClass -> String? in
            guard let count = counts[fileClass], count > 0 else { return nil }
            return
                "<span class=\"chip k-\(fileClass.rawValue)\" title=\"\(HTMLPage.count(count, fileClass.rawValue + " file"))\">"
                + "<span class=\"swatch\"></span>\(count) \(fileClass.rawValue)</span>"
        }
        let sort = (counts[.hotspot] ?? 0) * 1_000_000 + (counts[.churning] ?? 0) * 1_000 + (counts[.active] ?? 0)
        return
            "<td class=\"text classes\" data-sort=\"\(sort)\">\(chips.isEmpty ? "<span class=\"muted\">—</span>" : chips.joined(separator: " "))</td>"
    }
}
