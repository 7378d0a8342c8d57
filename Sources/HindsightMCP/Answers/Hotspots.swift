import HindsightCore
import HindsightOutput

extension HistoryModel {
    /// `hotspots`: hotspot files (churning and fix-heavy), then churning ones, at or below `selector`,
    /// in the report's attention order.
    func hotspots(under selector: PathSelector?, limit: Int) -> ToolAnswer {
        let matching = aliveFiles.filter { file in
            [FileClass.hotspot, .churning].contains(file.classification.fileClass) && (selector?.matches(file) ?? true)
        }
        let shown = Shown(matching, limit: limit)
        let scope = selector.map { " at \($0.quoted)" } ?? ""
        let hotspots = matching.count { $0.classification.fileClass == .hotspot }
        var lines = [
            "\(TextShaping.count(hotspots, "hotspot")) and \(TextShaping.count(matching.count - hotspots, "churning file"))\(scope), most in need of attention first:"
        ]
        for file in shown.items {
            let latest = evidence(of: file.path).recent.first.map { "; last \(HistoryText.commit($0))" } ?? ""
            lines.append(
                "- \(HistoryText.path(file.path)): \(file.classification.fileClass.rawValue), bug score \(HistoryText.fixed(file.bugScore)) "
                    + "(\(TextShaping.count(file.fixCommits, "fix commit"))), recent churn \(HistoryText.fixed(file.recentChurn)), "
                    + "\(TextShaping.count(file.commits, "commit"))\(latest).")
        }
        if matching.isEmpty { lines.append("None: no file here is a hotspot or churning.") }
        if let note = shown.note { lines.append(note) }
        return ToolAnswer(
            lines: lines,
            fields: [
                ("path", selector.map { .string($0.text) } ?? .null),
                (
                    "files",
                    .array(
                        shown.items.map { file in
                            .object(
                                Self.summaryFields(file) + [
                                    ("mainAuthor", file.mainAuthor.map(Self.ownerJSON) ?? .null)
                                ])
                        })
                ),
                ("omitted", .int(shown.omitted)),
            ])
    }
}
