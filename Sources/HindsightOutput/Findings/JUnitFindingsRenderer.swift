import HindsightCore

/// Renders check findings as JUnit XML for CI test reports: each guard or rule that ran is a test
/// case, failing when it found something at warning or above; notices go to `<system-out>`.
public struct JUnitFindingsRenderer: FindingsRenderer {
    /// A JUnit renderer.
    public init() {}

    /// The whole document for `result`.
    public func render(_ result: CheckResult) -> String {
        let cases = Self.testCases(result)
        let failures = cases.count(where: { $0.findings.contains { $0.severity >= .warning } })
        let counts = "tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\""
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            "<testsuites name=\"hindsight\" \(counts)>",
            "  <testsuite name=\"hindsight\" \(counts) skipped=\"0\">",
        ]
        for testCase in cases { lines += Self.lines(testCase) }
        lines += ["  </testsuite>", "</testsuites>"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// A rule with the findings it produced.
    private struct TestCase {
        var id: String
        var kind: String
        var findings: [Finding]
    }

    /// The rules that ran, in their order, then any rule a finding names that is not among them.
    private static func testCases(_ result: CheckResult) -> [TestCase] {
        var byRule: [String: [Finding]] = [:]
        var unlisted: [TestCase] = []
        let listed = Set(result.rules.map(\.id))
        for finding in result.findings {
            if !listed.contains(finding.ruleID), byRule[finding.ruleID] == nil {
                unlisted.append(TestCase(id: finding.ruleID, kind: finding.kind, findings: []))
            }
            byRule[finding.ruleID, default: []].append(finding)
        }
        var seen: Set<String> = []
        let rules =
            result.rules.filter { seen.insert($0.id).inserted }
            .map { TestCase(id: $0.id, kind: $0.kind, findings: []) } + unlisted
        return rules.map { TestCase(id: $0.id, kind: $0.kind, findings: byRule[$0.id] ?? []) }
    }

    private static func lines(_ testCase: TestCase) -> [String] {
        let open =
            "    <testcase classname=\"hindsight.\(XMLEscaping.attribute(testCase.kind))\" "
            + "name=\"\(XMLEscaping.attribute(testCase.id))\""
        let failing = testCase.findings.filter { $0.severity >= .warning }
        let notices = testCase.findings.filter { $0.severity < .warning }
        guard !failing.isEmpty || !notices.isEmpty else { return [open + "/>"] }
        var lines = [open + ">"]
        if let worst = failing.map(\.severity).max(), let first = failing.first {
            let summary = TextShaping.count(failing.count, "finding") + ": " + oneLine(first.message)
            lines.append(
                "      <failure message=\"\(XMLEscaping.attribute(summary))\" type=\"\(worst.rawValue)\">"
                    + failing.map(body).joined(separator: "\n") + "</failure>")
        }
        if !notices.isEmpty {
            lines.append("      <system-out>" + notices.map(body).joined(separator: "\n") + "</system-out>")
        }
        lines.append("    </testcase>")
        return lines
    }

    /// One finding as plain text: location and message, then the action, evidence and silence lines.
    private static func body(_ finding: Finding) -> String {
        let location = oneLine(finding.path.string) + (finding.line.map { ":\($0)" } ?? "")
        var lines = [
            "\(finding.severity.rawValue): \(location): \(oneLine(finding.message))", "  → \(oneLine(finding.action))",
        ]
        for commit in finding.evidence {
            lines.append("  evidence: \(commit.shortID) \(ReportText.date(commit.time)) \(oneLine(commit.subject))")
        }
        if !finding.suppression.isEmpty { lines.append("  silence: \(oneLine(finding.suppression))") }
        return XMLEscaping.text(lines.joined(separator: "\n"))
    }

    /// `text` with line breaks and other controls as spaces, for an attribute or a one-line entry.
    private static func oneLine(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { MarkdownEscaping.isLineBreakingOrControl($0) ? " " : $0 }))
    }
}
