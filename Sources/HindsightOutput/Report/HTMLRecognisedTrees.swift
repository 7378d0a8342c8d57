import HindsightCore

/// The vendored and fixture trees the figures leave out: kind, reason, files and commits.
struct HTMLRecognisedTrees {
    /// Trees, most files first.
    let trees: [RecognisedTreeReport]
    /// Whether recognition was on (`report.recogniseTrees`, no `--include-vendored`).
    let isEnabled: Bool

    /// The recognised-trees section.
    func render() -> String {
        let subtitle =
            "Submodules, directories with a license of their own whose files arrived in bulk, and test data. "
            + "Their files are left out of the figures above; <code>--include-vendored</code> reports them."
        guard isEnabled, !trees.isEmpty else {
            let message =
                isEnabled
                ? "No vendored or fixture trees." : "Recognition is off: their files are reported as ordinary files."
            return HTMLPage.panel(
                id: "trees", title: "Vendored and fixture trees", subtitle: subtitle, body: HTMLPage.none(message))
        }
        let headers = [
            HTMLPage.header("Tree", isText: true), HTMLPage.header("Kind", isLeftAligned: true),
            HTMLPage.header("Files", title: "files at the tip"),
            HTMLPage.header("Commits", title: "non-merge commits in the window that changed it"),
            HTMLPage.header("Last changed"), HTMLPage.header("Reason", isText: true),
        ]
        let rows = trees.map { report in
            let kind = report.tree.kind.rawValue
            let cells = [
                "<td class=\"text file\" data-sort=\"\(report.tree.path.string.htmlEscaped)\">"
                    + "\(HTMLPage.path(report.tree.path))</td>",
                "<td class=\"text\" data-sort=\"\(kind)\"><span class=\"tag\">\(kind)</span></td>",
                HTMLPage.number(HTMLFormat.integer(report.tree.files), sort: Double(report.tree.files)),
                HTMLPage.number(HTMLFormat.integer(report.commits), sort: Double(report.commits)),
                HTMLPage.number(
                    report.lastChanged.map(HTMLFormat.date) ?? "<span class=\"muted\">—</span>",
                    sort: Double(report.lastChanged ?? 0)),
                "<td class=\"text wrap\" data-sort=\"\(report.tree.reason.htmlEscaped)\">"
                    + "\(report.tree.reason.htmlEscaped)</td>",
            ]
            return "<tr>\(cells.joined())</tr>"
        }
        let table = HTMLPage.sortableTable("trees", headers: headers, rows: rows)
        return HTMLPage.panel(id: "trees", title: "Vendored and fixture trees", subtitle: subtitle, body: table)
    }
}
