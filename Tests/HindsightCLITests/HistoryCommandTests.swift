import Foundation
import HindsightTestSupport
import Testing

@Suite struct HistoryCommandTests {
    @Test(arguments: [true, false])
    func nulSeparatedOutputEqualsGit(renames: Bool) throws {
        let repo = try KitchenSink.make()
        if !renames { try repo.write(".hindsight.yml", "history:\n  renames: false\n") }
        let result = try HindsightBinary.run(["history", "-z"], in: repo.root, environment: repo.environment())
        #expect(result.status == 0)
        let rows = try #require(OracleRow.rows(fromHistoryZ: result.standardOutput))
        let expected = try GitOracle.rows(in: repo.root, renames: renames, environment: repo.environment())
        #expect(Set(rows) == Set(expected))
        #expect(rows.count == expected.count)
    }

    @Test func tabSeparatedPathsAreQuotedAsGitQuotesThem() throws {
        let repo = try KitchenSink.make()
        try repo.write(".hindsight.yml", "history:\n  renames: false\n")
        let ours = try HindsightBinary.run(["history"], in: repo.root, environment: repo.environment())
        #expect(ours.status == 0)
        let ourPaths = ours.output.split(separator: "\n").map {
            $0.split(separator: "\t", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        }
        let gits = try repo.gitText(["-c", "core.quotePath=true", "log", "--numstat", "--no-renames", "--format="])
        let gitPaths = gits.split(separator: "\n").map {
            $0.split(separator: "\t", maxSplits: 2).last.map(String.init) ?? ""
        }
        #expect(ourPaths.sorted() == gitPaths.sorted())
        #expect(ourPaths.contains("\"new\\nline.txt\""))
        #expect(ourPaths.contains("\"bytes-\\377\\376.txt\""))
    }

    @Test func pathFilterFollowsRenames() throws {
        let repo = try KitchenSink.make()
        let result = try HindsightBinary.run(
            ["history", "--format", "json", "lib/util.c"], in: repo.root, environment: repo.environment())
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any])
        #expect(json["schemaVersion"] as? Int == 1)
        let rows = try #require(json["rows"] as? [[String: Any]])
        let paths = Set(rows.compactMap { $0["path"] as? String })
        #expect(paths == ["lib/util.c", "src/util.c"])
        #expect(rows.allSatisfy { $0["currentPath"] as? String == "lib/util.c" })
    }

    @Test func nonUTF8PathsKeepTheirBytesInJSON() throws {
        let repo = try KitchenSink.make()
        let result = try HindsightBinary.run(
            ["history", "--format", "json"], in: repo.root, environment: repo.environment())
        let json = try #require(try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any])
        let rows = try #require(json["rows"] as? [[String: Any]])
        let encoded = rows.compactMap { $0["pathBase64"] as? String }
        #expect(!encoded.isEmpty)
        #expect(
            Set(encoded.compactMap { Data(base64Encoded: $0) }) == [
                Data(Array("bytes-".utf8) + [0xff, 0xfe] + Array(".txt".utf8))
            ])
    }

    @Test func zWithJSONIsAUsageError() throws {
        let repo = try KitchenSink.make()
        let result = try HindsightBinary.run(
            ["history", "--format", "json", "-z"], in: repo.root, environment: repo.environment())
        #expect(result.status == 2)
        #expect(result.error.contains("-z"))
    }
}
