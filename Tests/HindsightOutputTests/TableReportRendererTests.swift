import HindsightCore
import Testing

@testable import HindsightOutput

@Suite struct TableReportRendererTests {
    /// `text` without ANSI SGR sequences (`ESC [ … m`).
    static func strippingANSI(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var inEscape = false
        for scalar in text.unicodeScalars {
            if inEscape {
                if scalar == "m" { inEscape = false }
            } else if scalar == "\u{1B}" {
                inEscape = true
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test func noEscapeCodesWithoutColour() {
        var report = SampleReport.make()
        report.files[0].authors[0].name = "ansi \u{1B}[31mred\u{1B}[0m"
        report.reverts[0].revert.subject = "bell \u{7}\u{1B}]0;title\u{7} del \u{7F}"
        let table = TableReportRenderer(width: 160, useColor: false).render(report)
        #expect(!table.unicodeScalars.contains("\u{1B}"))
        #expect(!table.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || $0.value == 0x7F })
        #expect(table.contains("bell \\x07\\e]0;title\\x07 del \\x7f"))
    }

    @Test func colourMarksClassesWithEscapeCodes() {
        let table = TableReportRenderer(width: 100, useColor: true).render(SampleReport.make())
        #expect(table.contains("\u{1B}[1;31mhotspot\u{1B}[0m"))
        #expect(table.contains("\u{1B}[2mstable \u{1B}[0m"))
    }

    @Test(arguments: [20, 40, 60, 100, 160])
    func everyLineFitsTheWidth(width: Int) {
        var report = SampleReport.make()
        report.files[1].path = RepoPath("Sources/" + String(repeating: "deeply/nested/", count: 12) + "File.swift")
        report.omittedFiles = 3
        for useColor in [false, true] {
            let table = TableReportRenderer(width: width, useColor: useColor).render(report)
            for line in Self.lines(Self.strippingANSI(table)) {
                #expect(line.count <= width, "\(line.count) > \(width): \(line)")
            }
        }
    }

    @Test func narrowTablesDropColumnsAndElidePaths() throws {
        var report = SampleReport.make()
        report.files[1].path = RepoPath("Sources/" + String(repeating: "deeply/nested/", count: 12) + "File.swift")
        let wide = Self.lines(TableReportRenderer(width: 160, useColor: false).render(report))
        let narrow = Self.lines(TableReportRenderer(width: 60, useColor: false).render(report))
        let wideHeader = try #require(wide.first { $0.hasPrefix("CLASS") })
        let narrowHeader = try #require(narrow.first { $0.hasPrefix("CLASS") })
        #expect(wideHeader.contains("OWNER(share)") && wideHeader.contains("CHURN"))
        #expect(!narrowHeader.contains("OWNER(share)"))
        #expect(narrowHeader.contains("COMMITS"))
        #expect(narrow.contains { $0.hasPrefix("stable") && $0.contains("…") && $0.contains("File.swift") })
    }

    @Test func hostileNewlineStaysOnItsLine() {
        var report = SampleReport.make()
        report.reverts[0].revert.subject = SampleReport.hostileSubject
        report.files[0].classification.reason = "line\n::error::reason"
        for width in [60, 100, 160] {
            let table = TableReportRenderer(width: width, useColor: false).render(report)
            #expect(!Self.lines(table).contains { $0.trimmingPrefix(" ").hasPrefix("::error::") })
            #expect(!table.contains("\n::error::"))
        }
        let wide = TableReportRenderer(width: 200, useColor: false).render(report)
        #expect(wide.contains("fix: <script>alert('x')</script> | \"quoted\" & `ticks`\\n::error::injected"))
    }

    @Test func sectionsAndOmittedFilesAreListed() {
        var report = SampleReport.make()
        report.omittedFiles = 4
        report.reverts[0].isReland = true
        report.reverts += Array(repeating: report.reverts[0], count: 6)
        let table = TableReportRenderer(width: 120, useColor: false).render(report)
        let lines = Self.lines(table)
        #expect(lines.contains("… 4 more files (use --top)"))
        #expect(lines.contains("Top directories"))
        #expect(lines.contains { $0.hasPrefix("  src/") && $0.contains("12 commits") && $0.contains("1 hotspot") })
        #expect(
            lines.contains { $0.contains("2 fixes · L10-14 aaaaaaaaaa,bbbbbbbbbb 2025-11…2025-12 (fix on fix 1 time)") }
        )
        #expect(lines.contains("  cccccccccc  2025-12-12  [re-land] Revert \"feat: faster parser\""))
        #expect(lines.contains("  and 2 more"))
        #expect(lines.contains { $0.hasPrefix("         ↳ recent churn 210.5 lines") })
        #expect(
            lines[0] == "Stability report · tip dddddddddd · as of 2026-01-01 · all history (2023-07-16 – 2025-12-12)")
    }

    @Test func headerShowsShallowWarningAndSummary() {
        var report = SampleReport.make()
        report.summary.isShallow = true
        let lines = Self.lines(TableReportRenderer(width: 100, useColor: false).render(report))
        #expect(lines.contains { $0.hasPrefix("warning: shallow clone") })
        #expect(
            lines.contains {
                $0.hasPrefix(
                    "15 commits · 1 merge · 2 files · 2 authors · 0.12 commits/week · fix ratio 13.3% (2 fixes)")
            })
    }
}
