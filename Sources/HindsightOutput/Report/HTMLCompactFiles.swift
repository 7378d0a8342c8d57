import HindsightCore

/// The files past the detailed ones: one short row each, filterable, so a big repository's page stays light.
struct HTMLCompactFilesTable {
    /// Files after the detailed ones, in report order.
    let files: [FileReport]
    /// How many files the detailed table above shows.
    let detailed: Int
    /// Files after these, not on the page.
    var leftOff = 0

    /// The compact section, or nothing when every file is shown in full.
    func render() -> String {
        guard !files.isEmpty else { return "" }
        let subtitle =
            "The \(HTMLPage.count(files.count, "file")) after the \(HTMLPage.count(detailed, "file")) above, "
            + "in the same order, one line each."
            + (leftOff > 0 ? " The other \(HTMLPage.count(leftOff, "file")) are not on this page." : "")
            + " Type to filter by path or class; click a column header to sort. "
            + "Every figure of every file: <code>hindsight report --format csv --top 0</code>."
        let headers = [
            HTMLPage.header("File", isText: true),
            HTMLPage.header("Class", isLeftAligned: true),
            HTMLPage.header("Commits"), HTMLPage.header("Churn", title: "lines added + deleted"),
            HTMLPage.header("Fixes"), HTMLPage.header("Bug score"),
            HTMLPage.header("Last changed"),
        ]
        let filter =
            "<p class=\"filter\"><input type=\"search\" data-filter=\"more-files-table\" "
            + "placeholder=\"Filter by path or class\" aria-label=\"Filter the files by path or class\"> "
            + "<output>\(HTMLPage.count(files.count, "file"))</output></p>"
        let table = """
            <div class="table-wrap tall"><table class="sortable more" id="more-files-table">
            <thead><tr>\(headers.joined())</tr></thead>
            <tbody>
            \(files.map(row).joined(separator: "\n"))
            </tbody>
            </table></div>
            """
        return HTMLPage.panel(
            id: "more-files", title: "More files", subtitle: subtitle, body: filter + "\n" + table)
    }

    /// One file in about a hundred bytes: cells sort on their text, so no `data-sort`, and end tags are implied.
    private func row(_ file: FileReport) -> String {
        let fileClass = file.classification.fileClass.rawValue
        let deleted = file.isDeleted ? " <span class=\"tag\">deleted</span>" : ""
        let cells = [
            file.path.string.htmlEscaped + deleted, fileClass, String(file.commits), String(file.churn),
            String(file.fixCommits), HTMLFormat.raw(file.bugScore, digits: 2), HTMLFormat.date(file.lastChanged),
        ]
        return "<tr class=\"k-\(fileClass)\"><td>" + cells.joined(separator: "<td>")
    }
}
