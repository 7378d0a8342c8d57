import HindsightCore
import Testing

@testable import HindsightOutput

@Suite struct HTMLCompactFilesTests {
    /// The sample report with `extra` copies of its stable file after its two, at `lib/file-N.c`.
    static func report(extra: Int) -> StabilityReport {
        var report = SampleReport.make()
        let stable = report.files[1]
        for index in 1...extra {
            var file = stable
            file.path = RepoPath("lib/file-\(index).c")
            report.files.append(file)
        }
        return report
    }

    @Test func theFirstFilesGetFullRowsAndTheRestOneLineEach() throws {
        let html = HTMLReportRenderer(detailedFiles: 3).render(Self.report(extra: 5))
        let full = try #require(between("<table class=\"sortable files\">", "</table>", in: html))
        let compact = try #require(
            between("<table class=\"sortable more\" id=\"more-files-table\">", "</table>", in: html))
        #expect(occurrences(of: "<tr class=\"k-", in: full) == 3)
        #expect(occurrences(of: "<tr class=\"k-", in: compact) == 4)
        #expect(occurrences(of: "<circle", in: html) == 3)
        #expect(html.contains("Showing 3 files in full, the next 4 files one line each in <em>More files</em> below."))
        #expect(
            html.contains("<p class=\"sub\">The 4 files after the 3 files above, in the same order, one line each."))
        #expect(html.contains("<output>4 files</output>"))
        #expect(html.contains("The 3 files shown in full."))
        #expect(
            compact.contains(
                "<tr class=\"k-stable\"><td>lib/file-2.c<td>stable<td>3<td>55<td>0<td>0.00<td>2024-11-15\n"))
        #expect(!full.contains("lib/file-2.c"))
    }

    @Test func filesPastTheCompactTableAndDirectoriesPastTheTopAreLeftOffAndSaidSo() throws {
        var report = Self.report(extra: 5)
        report.directories.append(report.directories[0])
        report.directories[1].path = RepoPath("lib")
        let html = HTMLReportRenderer(detailedFiles: 1, compactFiles: 2).render(report)
        let compact = try #require(
            between("<table class=\"sortable more\" id=\"more-files-table\">", "</table>", in: html))
        #expect(occurrences(of: "<tr class=\"k-", in: compact) == 2)
        #expect(
            html.contains(
                "Showing 1 file in full, the next 2 files one line each in <em>More files</em> below; 4 files are "
                    + "not on this page (<code>hindsight report --format csv --top 0</code> lists every file)."))
        #expect(html.contains("The other 4 files are not on this page."))
        #expect(html.contains("The 1 busiest directory; 1 other is not on this page"))
        let directories = try #require(between("<table class=\"sortable directories\">", "</table>", in: html))
        #expect(occurrences(of: "<tr>", in: directories) == 2)  // the header row and one directory
        let none = HTMLReportRenderer(detailedFiles: 1, compactFiles: 0).render(report)
        #expect(!none.contains("id=\"more-files\""))
        #expect(none.contains("Showing 1 file in full; the other 6 files are not on this page"))
    }

    @Test func withoutALimitOrUnderItEveryFileIsInFull() {
        let report = Self.report(extra: 5)
        let html = HTMLReportRenderer().render(report)
        #expect(!html.contains("id=\"more-files\""))
        #expect(!html.contains("in full"))
        #expect(occurrences(of: "<circle", in: html) == 7)
        #expect(HTMLReportRenderer(detailedFiles: 7).render(report) == html)
        #expect(HTMLReportRenderer(detailedFiles: 100).render(report) == html)
        #expect(ReportFormat.html.renderer(detailedFiles: 100).render(report) == html)
    }

    @Test func compactRowsEscapeHistoryText() {
        var report = SampleReport.make()
        report.files.reverse()
        let html = HTMLReportRenderer(detailedFiles: 1).render(report)
        #expect(
            html.contains(
                "<tr class=\"k-hotspot\"><td>src/&lt;b&gt;weird&lt;/b&gt; |path|,&quot;q&quot;.swift"
                    + "<td>hotspot<td>12<td>460<td>2<td>1.73<td>2025-12-12\n"))
        #expect(!html.contains("<b>weird"))
        #expect(occurrences(of: "<script", in: html) == 1)
    }

    @Test func aCompactRowCostsUnderAHundredBytes() {
        let small = HTMLReportRenderer(detailedFiles: 2).render(Self.report(extra: 1)).utf8.count
        let large = HTMLReportRenderer(detailedFiles: 2).render(Self.report(extra: 2_001)).utf8.count
        let perRow = Double(large - small) / 2_000
        #expect(perRow < 100, "\(perRow) bytes per compact row")
    }

    @Test func theScriptFiltersTheCompactTable() {
        let script = HTMLAssets.script
        #expect(script.contains("input[data-filter]"))
        #expect(script.contains("row.hidden = !match;"))
        #expect(HTMLAssets.style.contains(".js .filter{display:flex}"))
    }

    // MARK: - Helpers

    private func occurrences(of needle: String, in haystack: some StringProtocol) -> Int {
        haystack.components(separatedBy: needle).count - 1
    }

    private func between(_ start: String, _ end: String, in text: String) -> Substring? {
        guard let open = text.range(of: start), let close = text.range(of: end, range: open.upperBound..<text.endIndex)
        else { return nil }
        return text[open.upperBound..<close.lowerBound]
    }
}

@Suite struct ChartLabelPlacerTests {
    let bounds = (left: 0.0, top: 0.0, right: 200.0, bottom: 100.0)

    @Test func aLabelGoesRightOfItsCircleWhenThereIsRoom() {
        let circle = ChartLabelPlacer.Circle(x: 50, y: 50, radius: 5)
        var placer = ChartLabelPlacer(circles: [circle], bounds: bounds)
        #expect(placer.place("abc.c", at: circle) == .init(x: 59, y: 50, anchor: "start"))
    }

    @Test func aLabelAvoidsANeighbouringCircleAndTheEdge() {
        let circle = ChartLabelPlacer.Circle(x: 100, y: 50, radius: 5)
        let neighbour = ChartLabelPlacer.Circle(x: 120, y: 50, radius: 6)
        var placer = ChartLabelPlacer(circles: [circle, neighbour], bounds: bounds)
        #expect(placer.place("abc.c", at: circle) == .init(x: 91, y: 50, anchor: "end"))
        let edge = ChartLabelPlacer.Circle(x: 195, y: 80, radius: 4)
        var atEdge = ChartLabelPlacer(circles: [edge], bounds: bounds)
        #expect(atEdge.place("abc.c", at: edge) == .init(x: 187, y: 80, anchor: "end"))
    }

    @Test func labelsDoNotOverlapAndGiveUpWhenBoxedIn() {
        let circle = ChartLabelPlacer.Circle(x: 100, y: 50, radius: 5)
        var placer = ChartLabelPlacer(circles: [circle], bounds: bounds)
        #expect(placer.place("abc.c", at: circle)?.anchor == "start")
        #expect(placer.place("abc.c", at: circle)?.anchor == "end")
        #expect(placer.place("abc.c", at: circle) == .init(x: 100, y: 34.5, anchor: "middle"))
        #expect(placer.place("abc.c", at: circle) == .init(x: 100, y: 65.5, anchor: "middle"))
        #expect(placer.place("abc.c", at: circle) == nil)
    }
}
