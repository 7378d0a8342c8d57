import HindsightCore

extension TableReportRenderer {
    /// The vendored and fixture trees the figures leave out, one line each with the reason.
    func recognisedTreeSection(_ trees: [RecognisedTreeReport]) -> [[TerminalSpan]] {
        let shown = trees.prefix(Self.sectionLimit)
        let names = shown.map { ReportText.terminalSafe(ReportText.directory($0.tree.path)) }
        let nameWidth = min(30, names.map(\.count).max() ?? 0)
        let items = zip(names, shown).map { name, report -> String in
            TextShaping.padded(TextShaping.elidedMiddle(name, nameWidth), nameWidth)
                + "  \(report.tree.kind.rawValue) · \(TextShaping.count(report.tree.files, "file"))"
                + " · \(TextShaping.count(report.commits, "commit")) · "
                + ReportText.terminalSafe(report.tree.reason)
        }
        return section("Vendored and fixture trees (left out)", items, of: trees.count)
    }
}
