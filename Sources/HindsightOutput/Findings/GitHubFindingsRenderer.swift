import HindsightCore

/// Renders check findings as GitHub Actions workflow commands (annotations), most severe first,
/// plus a Markdown step summary; every line starts with `::` or is hindsight's own text.
public struct GitHubFindingsRenderer: FindingsRenderer {
    /// Annotations of one level GitHub shows per step; later ones stay in the log only.
    public static let annotationsShownPerLevel = 10
    /// The most bytes `stepSummary(_:)` writes; GitHub drops summaries over 1 MiB.
    public static let summaryByteLimit = 256 * 1024
    /// The most characters of untrusted text in one summary cell.
    static let cellCharacterLimit = 300

    /// A GitHub Actions renderer.
    public init() {}

    /// The whole document for `result`: one workflow command a finding, then the overflow line.
    public func render(_ result: CheckResult) -> String {
        let findings = TextFindingsRenderer.mostSevereFirst(result.findings)
        var lines = findings.map(Self.command)
        if let note = result.indexNote {
            lines.append("::notice title=hindsight index::" + GitHubEscaping.data(note))
        }
        let hidden = Severity.allCases.reversed().compactMap { severity -> String? in
            var count = findings.count(where: { $0.severity == severity })
            if severity == .notice, result.indexNote != nil { count += 1 }
            let over = count - Self.annotationsShownPerLevel
            return over > 0 ? TextShaping.count(over, severity.rawValue) : nil
        }
        if !hidden.isEmpty {
            lines.append(
                "hindsight: " + hidden.joined(separator: ", ") + " not shown as annotations (GitHub shows "
                    + "\(Self.annotationsShownPerLevel) of each level per step); all \(findings.count) findings are in the log above."
            )
        }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    /// One finding as `::warning file=…,line=…,title=…::message — action`.
    static func command(_ finding: Finding) -> String {
        var properties = ["file=" + GitHubEscaping.property(finding.path.string)]
        if let line = finding.line, line >= 1 { properties.append("line=\(line)") }
        properties.append("title=" + GitHubEscaping.property(finding.kind))
        let text = finding.action.isEmpty ? finding.message : finding.message + " — " + finding.action
        return "::\(level(finding.severity)) " + properties.joined(separator: ",") + "::" + GitHubEscaping.data(text)
    }

    /// GitHub's command name for a severity.
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .notice: "notice"
        }
    }

    /// A Markdown table of the findings for `$GITHUB_STEP_SUMMARY`, cut to `summaryByteLimit` with
    /// a line saying how many rows were left out.
    public func stepSummary(_ result: CheckResult) -> String {
        var head = ["## hindsight check: " + Self.cell(result.target), ""]
        if let note = result.indexNote { head += ["> **Note:** " + Self.cell(note), ""] }
        head.append(MarkdownEscaping.escaped(TextFindingsRenderer.tally(result)))
        guard !result.findings.isEmpty else { return head.joined(separator: "\n") + "\n" }
        head += [
            "", "| Severity | Location | Kind | Finding | Next step | Evidence |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        var text = head.joined(separator: "\n") + "\n"
        let findings = TextFindingsRenderer.mostSevereFirst(result.findings)
        let reserve = 200  // room for the "more not shown" line
        var shown = 0
        for finding in findings {
            let row = Self.row(finding) + "\n"
            guard text.utf8.count + row.utf8.count + reserve <= Self.summaryByteLimit else { break }
            text += row
            shown += 1
        }
        if shown < findings.count {
            text += "\n_\(findings.count - shown) more not shown; the job log lists every finding._\n"
        }
        return text
    }

    private static func row(_ finding: Finding) -> String {
        let location = cell(finding.path.string) + (finding.line.map { ":\($0)" } ?? "")
        let evidence =
            finding.evidence.prefix(TextFindingsRenderer.evidenceShown).map(\.shortID).joined(separator: " ")
            + (finding.evidence.count > TextFindingsRenderer.evidenceShown ? " …" : "")
        let cells = [
            finding.severity.rawValue, location, cell(finding.kind), cell(finding.message), cell(finding.action),
            evidence,
        ]
        return "| " + cells.joined(separator: " | ") + " |"
    }

    /// Untrusted text as one escaped table cell, cut to `cellCharacterLimit` characters.
    private static func cell(_ text: String) -> String {
        MarkdownEscaping.escaped(TextShaping.truncated(text, cellCharacterLimit))
    }
}
