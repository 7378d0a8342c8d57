import Foundation
import HindsightTestSupport
import Testing

/// `what_was_tried` answers stay small however many places a file was fixed in.
@Suite struct MCPRegionLimitTests {
    /// A 240-line file fixed twice in each of twelve places far apart: twelve regions, ten listed.
    @Test func aFileWithManyRegionsListsTenAndCountsTheRest() throws {
        let repo = try FixtureRepository()
        var lines = (1...240).map { "int value\($0) = \($0);" }
        try repo.write("src/big.c", lines.joined(separator: "\n") + "\n")
        try repo.commit("feat: big", day: 0)
        var day = 1
        for round in 1...2 {
            for place in 0..<12 {
                let line = place * 20 + 5
                lines[line] = "int value\(line + 1) = \(round * 1_000 + place);"
                try repo.write("src/big.c", lines.joined(separator: "\n") + "\n")
                try repo.commit("fix: value \(line + 1) was wrong (round \(round))", day: day)
                day += 1
            }
        }
        try HindsightBinary.run(["mine", "-q"], in: repo.root, environment: repo.environment())
            .requireSuccess("mine")
        let report = try HindsightBinary.run(
            ["report", "--no-mine", "--format", "json", "--as-of", "2020-11-01"], in: repo.root,
            environment: repo.environment())
        try report.requireSuccess("report")
        let json = try #require(try JSONSerialization.jsonObject(with: report.standardOutput) as? [String: Any])
        let recurring = try #require((json["recurringFixes"] as? [[String: Any]])?.first)
        let regionCount = try #require((recurring["regions"] as? [Any])?.count)
        #expect(regionCount == 12, "the report lists every region")

        let output = try MCPServerTests.session(
            repo, [MCPServerTests.call("what_was_tried", ["path": "src/big.c"])], asOf: "2020-11-01")
        let result = try #require((output["results"] as? [[String: Any]])?.first)
        let structured = try #require(result["structuredContent"] as? [String: Any])
        let file = try #require((structured["recurringFixes"] as? [[String: Any]])?.first)
        #expect((file["regions"] as? [Any])?.count == 10)
        #expect(file["omittedRegions"] as? Int == regionCount - 10)
        #expect(file["fixCount"] as? Int == 24)
    }
}
