import HindsightCore
import Testing

@testable import HindsightOutput

@Suite struct CSVReportRendererTests {
    /// A strict RFC 4180 reader: records end in CRLF, quoted fields may hold commas, quotes and line breaks.
    static func parse(_ text: String) throws -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = String.UnicodeScalarView()
        var scalars = Array(text.unicodeScalars)[...]
        var isQuoted = false
        while let scalar = scalars.popFirst() {
            if isQuoted {
                if scalar == "\"" {
                    if scalars.first == "\"" { field.append(scalars.removeFirst()) } else { isQuoted = false }
                } else {
                    field.append(scalar)
                }
            } else if scalar == "\"" {
                try #require(field.isEmpty, "a quote inside an unquoted field")
                isQuoted = true
            } else if scalar == "," {
                record.append(String(field))
                field = .init()
            } else if scalar == "\r" {
                try #require(scalars.popFirst() == "\n", "a bare CR outside quotes")
                records.append(record + [String(field)])
                record = []
                field = .init()
            } else {
                try #require(scalar != "\n", "a bare LF outside quotes")
                field.append(scalar)
            }
        }
        try #require(!isQuoted && record.isEmpty && field.isEmpty, "the document must end with CRLF")
        return records
    }

    @Test func headerRowNamesEveryColumnInOrder() {
        let csv = CSVReportRenderer().render(SampleReport.make())
        let expected =
            "path,deleted,class,reason,commits,lines_added,lines_deleted,churn,recent_churn,first_seen,"
            + "last_changed,days_with_changes,authors,main_author,main_author_share,fragmentation,agent_commits,"
            + "fix_commits,bug_score,reverts,top_partner,top_partner_degree\r\n"
        #expect(csv.hasPrefix(expected))
    }

    @Test func everyLineEndsInCRLF() {
        let csv = CSVReportRenderer().render(SampleReport.make())
        #expect(csv.hasSuffix("\r\n"))
        let bareLF = csv.unicodeScalars.indices.contains { index in
            csv.unicodeScalars[index] == "\n"
                && (index == csv.unicodeScalars.startIndex
                    || csv.unicodeScalars[csv.unicodeScalars.index(before: index)] != "\r")
        }
        #expect(!bareLF)
    }

    @Test func hostileTextRoundTripsThroughAParser() throws {
        var report = SampleReport.make()
        report.files[0].authors[0].name = SampleReport.hostileSubject
        report.files[0].classification.reason = "multi\r\nline, \"reason\""
        let records = try Self.parse(CSVReportRenderer().render(report))
        try #require(records.count == 3)
        #expect(records.allSatisfy { $0.count == CSVReportRenderer.columns.count })
        let row = Dictionary(uniqueKeysWithValues: zip(CSVReportRenderer.columns, records[1]))
        #expect(row["path"] == SampleReport.hostilePath.string)
        #expect(row["main_author"] == SampleReport.hostileSubject)
        #expect(row["reason"] == "multi\r\nline, \"reason\"")
        #expect(row["main_author_share"] == "0.667")
        #expect(row["fragmentation"] == "0.444")
        #expect(row["bug_score"] == "1.73")
        #expect(row["recent_churn"] == "210.50")
        #expect(row["first_seen"] == "2024-11-27")
        #expect(row["last_changed"] == "2025-12-12")
        #expect(row["top_partner"] == "Tests/ParserTests.swift")
        #expect(row["top_partner_degree"] == "66")
        #expect(records[2][0] == "README.md" && records[2][20] == "" && records[2][21] == "")
    }

    @Test(arguments: ["=cmd()", "+1+2", "-2+3", "@SUM(A1)", "\tx", "\rx"])
    func formulaLikeTextGetsALeadingQuote(name: String) throws {
        var report = SampleReport.make()
        report.files[1].authors[0].name = name
        report.files[1].path = RepoPath(name)
        let records = try Self.parse(CSVReportRenderer().render(report))
        #expect(records[2][0] == "'" + name)
        #expect(records[2][13] == "'" + name)
    }

    @Test func escapingQuotesOnlyWhenNeeded() {
        #expect(CSVEscaping.field("plain") == "plain")
        #expect(CSVEscaping.field("a,b") == "\"a,b\"")
        #expect(CSVEscaping.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVEscaping.field("a\r\nb") == "\"a\r\nb\"")
        #expect(CSVEscaping.untrustedField("=1,2") == "\"'=1,2\"")
        #expect(CSVEscaping.untrustedField("a=b") == "a=b")
    }
}
