import HindsightCore
import Testing

@testable import HindsightOutput

@Suite struct MarkdownReportRendererTests {
    /// `|` characters that are not escaped by an odd run of backslashes before them.
    static func unescapedPipes(_ line: String) -> Int {
        var count = 0
        var backslashes = 0
        for scalar in line.unicodeScalars {
            if scalar == "|", backslashes % 2 == 0 { count += 1 }
            backslashes = scalar == "\\" ? backslashes + 1 : 0
        }
        return count
    }

    /// Every table (consecutive lines starting with `|`), as its lines.
    static func tables(_ markdown: String) -> [[String]] {
        var tables: [[String]] = []
        var current: [String] = []
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("|") {
                current.append(line)
            } else if !current.isEmpty {
                tables.append(current)
                current = []
            }
        }
        return current.isEmpty ? tables : tables + [current]
    }

    static func hostileReport() -> StabilityReport {
        var report = SampleReport.make()
        report.reverts[0].revert.subject = SampleReport.hostileSubject
        report.reverts[0].revert.author = "Eve | `x` [y](z) *w* _v_ \\ &amp;"
        return report
    }

    @Test func hostileTextKeepsEveryTableRowIntact() throws {
        let markdown = MarkdownReportRenderer().render(Self.hostileReport())
        let tables = Self.tables(markdown)
        #expect(tables.count == 6)  // summary, files, directories, recognised trees, recurring fixes, reverts
        for table in tables {
            let columns = Self.unescapedPipes(try #require(table.first))
            #expect(columns >= 3)
            for line in table { #expect(Self.unescapedPipes(line) == columns, "\(line)") }
        }
    }

    @Test func hostileTextCarriesNoMarkupOrLineBreak() {
        let markdown = MarkdownReportRenderer().render(Self.hostileReport())
        #expect(!markdown.contains("<script>"))
        #expect(!markdown.contains("<img"))
        #expect(!markdown.contains("<b>"))
        #expect(!markdown.contains("\n::error::"))
        #expect(
            markdown.contains(
                "&lt;script&gt;alert('x')&lt;/script&gt; \\| \"quoted\" &amp; \\`ticks\\` ::error::injected"))
        #expect(markdown.contains("Eve \\| \\`x\\` \\[y\\](z) \\*w\\* \\_v\\_ \\\\ &amp;amp;"))
    }

    @Test func simpleFileRowIsExact() {
        let markdown = MarkdownReportRenderer().render(SampleReport.make())
        let row =
            "| stable | README.md | 3 | 55 | 0.4 | 2024-11-15 | 0 | 0.00 | Ada Lovelace (100%) | "
            + "unchanged for 412 days (stable after 180), 3 commits in 2.5 years |"
        #expect(markdown.split(separator: "\n").contains { $0 == row })
        #expect(
            markdown.contains(
                "| Class | Path | Commits | Churn | Recent churn | Last changed | Fixes | Bug score | Owner | Reason |\n"
                    + "| --- | --- | ---: | ---: | ---: | --- | ---: | ---: | --- | --- |\n"))
    }

    @Test func documentHasItsSectionsAndTraceableSettings() {
        var report = SampleReport.make()
        report.omittedFiles = 7
        let markdown = MarkdownReportRenderer().render(report)
        #expect(
            markdown.hasPrefix(
                "# Stability report\n\nTip `dddddddddd` · as of 2026-01-01 · all history (2023-07-16 – 2025-12-12)\n"))
        for heading in ["## Summary", "## Files", "## Directories", "## Recurring fixes", "## Reverts", "## Settings"] {
            #expect(markdown.contains("\n\(heading)\n"))
        }
        #expect(markdown.contains("| Fix commits | 2 (13.3%) |"))
        #expect(markdown.contains("_… and 7 more files (use `--top` to show them)._"))
        #expect(
            markdown.contains(
                "L10-14 (2 fixes, all in the last 3 years: `aaaaaaaaaa` 2025-11-22, `bbbbbbbbbb` 2025-12-02)"))
        #expect(markdown.contains("L10-14: `aaaaaaaaaa` → `bbbbbbbbbb` after 10.0 days"))
        #expect(markdown.contains("- Recent churn half-life: 90.0 days"))
        #expect(
            markdown.contains(
                "matches `\(FixDetector.defaultPattern)` (default, case-insensitive), not negated or put off"
            ))
        #expect(
            markdown.contains("changing code, not only docs or test data; or a `fix:` subject, or a `Fixes:` trailer"))
        #expect(markdown.contains("- Recurring fixes: fixes older than 3.0 years weigh 0.25"))
    }

    @Test(arguments: [("a`b", "``a`b``"), ("`x`", "`` `x` ``"), ("plain", "`plain`"), ("two\nlines", "`two lines`")])
    func codeSpansFenceAroundBackticks(text: String, expected: String) {
        #expect(MarkdownEscaping.codeSpan(text) == expected)
    }
}
