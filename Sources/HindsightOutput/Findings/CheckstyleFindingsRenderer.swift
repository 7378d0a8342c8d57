import HindsightCore

/// Renders check findings as Checkstyle XML, which most CI review tools (reviewdog, Jenkins, Danger) read.
public struct CheckstyleFindingsRenderer: FindingsRenderer {
    /// A Checkstyle renderer.
    public init() {}

    /// The whole document for `result`: one `<file>` per path, in the order findings name them.
    public func render(_ result: CheckResult) -> String {
        var lines = [#"<?xml version="1.0" encoding="UTF-8"?>"#, #"<checkstyle version="4.3">"#]
        for (path, findings) in TextFindingsRenderer.groupedByFile(result.findings) {
            lines.append("  <file name=\"\(XMLEscaping.attribute(path.string))\">")
            lines += findings.map(Self.error)
            lines.append("  </file>")
        }
        lines.append("</checkstyle>")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func error(_ finding: Finding) -> String {
        let line = finding.line.map { "line=\"\($0)\" " } ?? ""
        let message = finding.action.isEmpty ? finding.message : finding.message + " — " + finding.action
        return "    <error \(line)severity=\"\(severity(finding.severity))\" "
            + "message=\"\(XMLEscaping.attribute(message))\" source=\"hindsight.\(XMLEscaping.attribute(finding.kind))\"/>"
    }

    /// Checkstyle's name for a severity.
    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .notice: "info"
        }
    }
}
