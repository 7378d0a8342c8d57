import HindsightCore

extension MarkdownReportRenderer {
    /// Trees shown before "and N more".
    private static let treeLimit = 15

    /// The vendored and fixture trees the figures leave out, with why; nothing when there are none.
    func recognisedTrees(_ trees: [RecognisedTreeReport]) -> [String] {
        guard !trees.isEmpty else { return [] }
        let rows = trees.prefix(Self.treeLimit).map { report -> [String] in
            [
                MarkdownEscaping.escaped(ReportText.directory(report.tree.path)), report.tree.kind.rawValue,
                "\(report.tree.files)", "\(report.commits)", report.lastChanged.map(ReportText.date) ?? "–",
                MarkdownEscaping.escaped(report.tree.reason),
            ]
        }
        let more =
            trees.count > Self.treeLimit
            ? ["", "_… and \(TextShaping.count(trees.count - Self.treeLimit, "more tree"))._"] : []
        return [
            "## Vendored and fixture trees", "",
            "Left out of the files, classes and directories above; `--include-vendored` reports them.", "",
        ]
            + Self.table(
                ["Tree", "Kind", "Files", "Commits", "Last changed", "Reason"], rightAligned: [2, 3],
                rows: Array(rows), trailing: false) + more + [""]
    }
}
