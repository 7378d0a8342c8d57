import Foundation
import HindsightCore
import Testing

@testable import HindsightOutput

@Suite struct JSONReportRendererTests {
    private func document() throws -> [String: Any] {
        let text = JSONReportRenderer().render(SampleReport.make())
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func keysComeInTheDocumentedOrder() {
        let text = JSONReportRenderer().render(SampleReport.make())
        let keys = [
            "\"schemaVersion\"", "\"tip\"", "\"asOf\"", "\"settings\"", "\"summary\"", "\"files\"", "\"omittedFiles\"",
            "\"directories\"", "\"recurringFixes\"", "\"reverts\"", "\"weeks\"", "\"commits\"",
        ]
        let positions = keys.compactMap { text.range(of: "\n  " + $0)?.lowerBound }
        #expect(positions.count == keys.count)
        #expect(positions == positions.sorted())
        #expect(text == JSONReportRenderer().render(SampleReport.make()))
    }

    @Test func hostileTextRoundTrips() throws {
        let json = try document()
        #expect(json["schemaVersion"] as? Int == 1)
        let files = try #require(json["files"] as? [[String: Any]])
        #expect(files.first?["path"] as? String == SampleReport.hostilePath.string)
        let commits = try #require(json["commits"] as? [String: [String: Any]])
        let fix = try #require(commits[String(repeating: "a", count: 40)])
        #expect(fix["subject"] as? String == SampleReport.hostileSubject)
        #expect(fix["author"] as? String == "Mallory <img src=x>")
    }

    @Test func sectionsCiteCommitsById() throws {
        let json = try document()
        let recurring = try #require(json["recurringFixes"] as? [[String: Any]])
        #expect(
            recurring.first?["fixes"] as? [String] == [
                String(repeating: "a", count: 40), String(repeating: "b", count: 40),
            ])
        let reverts = try #require(json["reverts"] as? [[String: Any]])
        #expect(reverts.first?["revert"] as? String == String(repeating: "c", count: 40))
        #expect(reverts.first?["revertedInHistory"] as? Bool == false)
    }

    @Test(arguments: [
        (1.73, "1.73"), (2.0, "2"), (0.00004, "0"), (-0.5, "-0.5"), (214.38761, "214.3876"), (Double.nan, "null"),
    ])
    func numbersHaveAtMostFourDecimals(value: Double, expected: String) {
        #expect(JSONValue.number(value).serialized() == expected + "\n")
    }

    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00Z"), (1_767_225_599, "2025-12-31T23:59:59Z"), (-1, "1969-12-31T23:59:59Z"),
    ])
    func timesAreUTC(seconds: Int64, expected: String) {
        #expect(JSONValue.time(seconds).serialized() == "\"\(expected)\"\n")
    }

    @Test func nonUTF8PathsAlsoComeAsBase64() {
        let fields = JSONValue.pathFields("path", RepoPath(bytes: [0x61, 0xff]))
        #expect(fields.map(\.0) == ["path", "pathBase64"])
        #expect(fields[1].1 == .string("Yf8="))
    }
}
