import HindsightCore

/// Renders `report --explain`: a file's figures, each with the commits behind it. Markdown for
/// the table and markdown formats (it reads well in a terminal), JSON for json.
public struct ExplanationRenderer: Sendable {
    /// The requested report format.
    public let format: ReportFormat

    /// A renderer for `format`.
    public init(format: ReportFormat) {
        self.format = format
    }

    /// Whether `format` can explain a file.
    public static func supports(_ format: ReportFormat) -> Bool { [.table, .markdown, .json].contains(format) }

    /// The document.
    public func render(_ explanation: FileExplanation) -> String {
        format == .json ? json(explanation) : markdown(explanation)
    }

    private func markdown(_ explanation: FileExplanation) -> String {
        let file = explanation.file
        let e = MarkdownEscaping.escaped
        var lines = [
            "# \(e(file.path.string))\(file.isDeleted ? " (deleted)" : "")", "",
            "**\(file.classification.fileClass.rawValue)** — \(e(file.classification.reason))", "",
            "- commits: \(file.commits), days with changes: \(file.daysWithChanges), first seen \(ReportText.date(file.firstSeen)), last changed \(ReportText.date(file.lastChanged))",
            "- churn: +\(file.linesAdded) −\(file.linesDeleted) = \(file.churn) lines; recency-weighted \(ReportText.fixed(file.recentChurn, 1)) (Σ churn × weight below)",
            "- fixes: \(file.fixCommits), bug score \(ReportText.fixed(file.bugScore, 2)) (Σ weight of fix commits\(explanation.oldestFix.map { ", t = 0 at the oldest fix \(ReportText.date($0))" } ?? ""))",
            "- reverts: \(file.reverts); commits by coding agents: \(file.agentCommits)",
            "- owners: "
                + (file.authors.isEmpty
                    ? "none counted"
                    : file.authors.map {
                        "\(e($0.name)) \($0.commits) (\(ReportText.percent($0.share)))"
                    }.joined(separator: ", ")) + ", fragmentation \(ReportText.fixed(file.fragmentation, 2))",
            "", "## Commits", "",
            "| date | commit | change | +/− | churn weight | fix (bug weight) | author | subject |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for change in explanation.changes.reversed() {
            let what = change.oldPath.map { "\(change.status.rawValue) from \(e($0.string))" } ?? change.status.rawValue
            let fix = change.isFix ? "fix (\(ReportText.fixed(change.bugWeight, 3)))" : change.isRevert ? "revert" : ""
            let author =
                e(change.commit.author) + (change.isHumanAuthor ? "" : " (not counted)")
                + (change.isAgent ? " (agent)" : "")
            lines.append(
                "| \(ReportText.date(change.commit.time)) | \(change.commit.shortID) | \(what) | +\(change.added) −\(change.deleted) | \(ReportText.fixed(change.recencyWeight, 3)) | \(fix) | \(author) | \(e(change.commit.subject)) |"
            )
        }
        if !file.coupling.isEmpty {
            lines += ["", "## Changes with", ""]
            for partner in file.coupling {
                let shared = explanation.sharedCommits[partner.path] ?? []
                lines.append(
                    "- \(e(partner.path.string)): degree \(partner.degree)% (\(partner.shared) shared of \(partner.partnerCommits) commits) — "
                        + shared.suffix(5).map(\.shortID).joined(separator: ", "))
            }
        }
        if !explanation.regions.isEmpty {
            lines += ["", "## Regions fixed more than once", ""]
            for region in explanation.regions {
                let fixes = region.fixes.map { "\($0.shortID) \(e($0.subject))" }.joined(separator: "; ")
                let again = region.fixOnFix.isEmpty ? "" : " — fix on fix ×\(region.fixOnFix.count)"
                lines.append("- \(ReportText.lines(region)): \(fixes)\(again)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func json(_ explanation: FileExplanation) -> String {
        var fields: [(String, JSONValue)] = [("schemaVersion", .int(StabilityReport.schemaVersion))]
        fields.append(("file", JSONReportRenderer.file(explanation.file)))
        fields.append(("oldestFix", .time(explanation.oldestFix)))
        fields.append(
            (
                "changes",
                .array(
                    explanation.changes.map { change in
                        var entry: [(String, JSONValue)] = [("commit", .string(change.commit.id.hex))]
                        if case .object(let details) = JSONReportRenderer.commit(change.commit) { entry += details }
                        entry.append(("status", .string(change.status.rawValue)))
                        entry += JSONValue.pathFields("path", change.path)
                        entry.append(("oldPath", change.oldPath.map { .string($0.string) } ?? .null))
                        entry += [
                            ("added", .int(change.added)), ("deleted", .int(change.deleted)),
                            ("recencyWeight", .number(change.recencyWeight)), ("fix", .bool(change.isFix)),
                            ("bugWeight", .number(change.bugWeight)), ("revert", .bool(change.isRevert)),
                            ("countedAuthor", .bool(change.isHumanAuthor)), ("agent", .bool(change.isAgent)),
                        ]
                        return .object(entry)
                    })
            ))
        fields.append(
            (
                "sharedCommits",
                .object(
                    explanation.file.coupling.map { partner in
                        (
                            partner.path.string,
                            .array((explanation.sharedCommits[partner.path] ?? []).map { .string($0.id.hex) })
                        )
                    })
            ))
        fields.append(
            (
                "regions",
                .array(
                    explanation.regions.map { region in
                        .object([
                            ("startLine", .int(region.startLine)), ("endLine", .int(region.endLine)),
                            ("fixes", .array(region.fixes.map { .string($0.id.hex) })),
                        ])
                    })
            ))
        return JSONValue.object(fields).serialized()
    }
}
