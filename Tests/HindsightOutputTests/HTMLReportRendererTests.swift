import HindsightCore
import Testing

@testable import HindsightOutput

@Suite struct HTMLReportRendererTests {
    let html = HTMLReportRenderer().render(SampleReport.make())

    // MARK: - Escaping helper

    @Test(arguments: [
        ("plain text", "plain text"),
        ("a & b", "a &amp; b"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        (#"say "hi" & 'bye'"#, "say &quot;hi&quot; &amp; &#39;bye&#39;"),
        ("line\nbreak\r\ttab\u{0}nul", "line break  tab nul"),
        ("&amp;", "&amp;amp;"),
        ("unicodé — ✓", "unicodé — ✓"),
    ])
    func escapesMarkupQuotesAndControlCharacters(input: String, expected: String) {
        #expect(HTMLEscaping.escaped(input) == expected)
    }

    @Test func escapedTextHoldsNoMarkupCharacters() {
        let escaped = HTMLEscaping.escaped(SampleReport.hostileSubject + SampleReport.hostilePath.string)
        for character in ["<", ">", "\"", "'", "\n"] { #expect(!escaped.contains(character)) }
    }

    // MARK: - Untrusted history text

    @Test func hostileSubjectPathAndAuthorAppearOnlyEscaped() {
        #expect(
            html.contains(
                "fix: &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; | &quot;quoted&quot; &amp; `ticks` ::error::injected"
            ))
        #expect(html.contains("src/&lt;b&gt;weird&lt;/b&gt; |path|,&quot;q&quot;.swift"))
        #expect(html.contains("Mallory &lt;img src=x&gt;"))
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("<b>weird"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("alert('x')"))
        #expect(occurrences(of: "<script", in: html) == 1)
        #expect(occurrences(of: "</script", in: html) == 1)
        #expect(occurrences(of: "<style", in: html) == 1)
    }

    @Test func scriptAndStyleHoldNoReportText() throws {
        let script = try #require(between("<script>", "</script>", in: html))
        let style = try #require(between("<style>", "</style>", in: html))
        for text in ["Mallory", "weird", "README", "ParserTests", "alert"] {
            #expect(!script.contains(text))
            #expect(!style.contains(text))
        }
    }

    @Test func fetchesNothingFromTheNetwork() {
        #expect(
            html.contains(
                "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                    + "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">"))
        for reference in ["http://", "https://", "src=\"", "href=\"", "@import", "url(", "<link", "<iframe"] {
            #expect(!html.contains(reference), "found \(reference)")
        }
    }

    // MARK: - Content

    @Test func hotspotChartHasOneCirclePerFile() {
        let report = SampleReport.make()
        #expect(occurrences(of: "<circle", in: html) == report.files.count)
        #expect(occurrences(of: "class=\"dot k-hotspot\"", in: html) == 1)
        #expect(occurrences(of: "class=\"dot k-stable\"", in: html) == 1)
    }

    @Test func timelineHasOneBarPerNonEmptyWeek() {
        let report = SampleReport.make()
        let nonEmpty = report.weeks.filter { $0.commits > 0 }
        #expect(occurrences(of: "<rect class=\"bar\"", in: html) == nonEmpty.count)
        #expect(occurrences(of: "<rect class=\"fixbar\"", in: html) == nonEmpty.filter { $0.fixes > 0 }.count)
        #expect(html.contains("Week of \(HTMLFormat.date(report.weeks[0].start)): 3 commits, 1 fix, 200 lines changed"))
    }

    @Test func filesTableIsSortableAndShowsReasons() {
        #expect(html.contains("<table class=\"sortable files\">"))
        #expect(occurrences(of: "<th scope=\"col\"", in: html) >= 13)
        #expect(html.contains("<button type=\"button\">Bug score</button>"))
        #expect(html.contains("data-sort=\"1.7300\""))
        let reason = "unchanged for 412 days (stable after 180), 3 commits in 2.5 years"
        #expect(html.contains("title=\"\(reason)\">stable</span>"))
        #expect(html.contains("<div class=\"reason\">\(reason)</div>"))
        #expect(html.contains("Tests/<wbr>ParserTests.swift</code> <span class=\"share\">66%</span>"))
    }

    @Test func recurringFixesShowRegionsAndFixOnFix() {
        #expect(html.contains("<span class=\"lines\">L10–14</span>"))
        #expect(html.contains("fix on fix · 10.0 days after aaaaaaaaaa"))
        #expect(html.contains(">bbbbbbbbbb</code>"))
    }

    @Test func revertsAndSettingsAreListed() {
        #expect(html.contains(">cccccccccc</code>"))
        #expect(html.contains(">eeeeeeeeee</code> <span class=\"muted\">not in the analysed history</span>"))
        #expect(html.contains("<dt>Recent churn half-life</dt><dd>90 days</dd>"))
        #expect(html.contains("<dt>Ignored paths</dt><dd>\(GlobPattern.defaultIgnores.count) globs</dd>"))
        #expect(html.contains("as of 2026-01-01"))
    }

    @Test func omittedFilesAndShallowClonesAreAnnounced() {
        var report = SampleReport.make()
        #expect(!html.contains("cut by"))
        #expect(!html.contains("Shallow clone"))
        report.omittedFiles = 7
        report.summary.isShallow = true
        let flagged = HTMLReportRenderer().render(report)
        #expect(flagged.contains("7 more files</span>") || flagged.contains("7 more files matched"))
        #expect(flagged.contains("Shallow clone"))
    }

    @Test func emptyReportRendersNoneStates() {
        let summary = RepositorySummary(
            tip: nil, asOf: SampleReport.now, commits: 0, merges: 0, files: 0, deletedFiles: 0, authors: 0,
            firstCommit: nil, lastCommit: nil, commitsPerWeek: 0, fixCommits: 0, reverts: 0, agentCommits: 0,
            churn: 0, isShallow: false)
        let report = StabilityReport(
            summary: summary, settings: AnalysisSettings(now: SampleReport.now), files: [],
            directories: [], recurringFixes: [], reverts: [], weeks: [])
        let empty = HTMLReportRenderer().render(report)
        for message in [
            "No files to plot.", "No commits in the window.", "No files in this report.", "No directories.",
            "No file was fixed more than once.", "No reverts.",
        ] {
            #expect(empty.contains("<p class=\"none\">\(message)</p>"), "missing \(message)")
        }
        #expect(!empty.contains("<svg"))
        #expect(!empty.contains("<table"))
        #expect(empty.hasSuffix("</html>\n"))
    }

    @Test func renderingIsDeterministic() {
        #expect(HTMLReportRenderer().render(SampleReport.make()) == html)
        #expect(ReportFormat.html.renderer().render(SampleReport.make()) == html)
    }

    // MARK: - Formatting

    @Test(arguments: [
        (Int64(0), "1970-01-01"), (SampleReport.now, "2026-01-01"), (Int64(951_782_400), "2000-02-29"),
        (Int64(-86_400), "1969-12-31"), (Int64(4_102_444_799), "2099-12-31"),
    ])
    func datesAreUTC(seconds: Int64, expected: String) {
        #expect(HTMLFormat.date(seconds) == expected)
    }

    @Test func numbersAreGroupedAndRounded() {
        #expect(HTMLFormat.integer(1_234_567) == "1,234,567")
        #expect(HTMLFormat.integer(999) == "999")
        #expect(HTMLFormat.decimal(210.55, digits: 1) == "210.6")
        #expect(HTMLFormat.decimal(0.125, digits: 2) == "0.13")
        #expect(HTMLFormat.decimal(-3.5, digits: 0) == "−4")
        #expect(HTMLFormat.raw(-1.5, digits: 1) == "-1.5")
        #expect(HTMLFormat.percent(2.0 / 3) == "67%")
        #expect(HTMLFormat.decimal(.nan, digits: 2) == "0")
    }

    // MARK: - Helpers

    private func occurrences(of needle: String, in haystack: String) -> Int {
        haystack.components(separatedBy: needle).count - 1
    }

    private func between(_ start: String, _ end: String, in text: String) -> Substring? {
        guard let open = text.range(of: start), let close = text.range(of: end, range: open.upperBound..<text.endIndex)
        else { return nil }
        return text[open.upperBound..<close.lowerBound]
    }
}

@Suite struct ChartScaleTests {
    @Test func tickLabelsIgnoreFloatingPointDust() {
        let scale = ChartScale.linear(maximum: 0.6, start: 0, end: 100, count: 3, minimumUpper: 0)
        #expect(scale.ticks.map(scale.label) == ["0", "0.2", "0.4", "0.6"])
    }
}
