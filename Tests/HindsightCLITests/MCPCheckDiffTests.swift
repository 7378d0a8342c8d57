import Foundation
import HindsightTestSupport
import Testing

/// `check_diff` answers with exactly the findings `hindsight check --format json` gives for the same
/// change: one check session behind both, the backtest record's severities included.
@Suite struct MCPCheckDiffTests {
    /// A record in which co-change flagged 10 of 100 commits and none needed a fix: below lift 2, so
    /// `check` runs co-change at notice until `check.severity` raises it.
    static let demotingRecord = """
        version: 1
        backtest:
          cut: \(String(repeating: "a", count: 40))
          until: \(String(repeating: "b", count: 40))
          commits: 100
          fixInducing: 5
          liftThreshold: 2
          kinds:
            co-change:
              flagged: 10
              hits: 0
        guards: []

        """

    @Test func stagedCheckDiffEqualsCheckWhereTheRecordDemotesAKind() throws {
        let repo = try CheckCommandTests.history()
        try HindsightBinary.run(["mine", "-q"], in: repo.root, environment: repo.environment()).requireSuccess("mine")
        try repo.write(".hindsight/guards.yml", Self.demotingRecord)
        try repo.write("src/parser.c", "int parse(void) { return 42; }\n")
        try repo.git(["add", "src/parser.c"])
        let cli = try CheckCommandTests.check(repo, ["--staged", "--format", "json"])
        #expect(cli.status == 0, "\(cli.error)")
        let checked = try #require(try JSONSerialization.jsonObject(with: cli.standardOutput) as? [String: Any])
        // Both on the clock, as `check` is: the answers must not differ by the moment ages count from.
        let output = try MCPServerTests.session(repo, [MCPServerTests.call("check_diff", ["staged": true])], asOf: nil)
        let results = try #require(output["results"] as? [[String: Any]])
        let answered = try #require(results.first?["structuredContent"] as? [String: Any])

        let findings = try #require(checked["findings"] as? [[String: Any]])
        #expect(findings.first { $0["kind"] as? String == "co-change" }?["severity"] as? String == "notice")
        #expect(try Self.canonical(answered["findings"]) == (try Self.canonical(checked["findings"])))
        for key in ["target", "indexTip", "suppressed", "preexisting"] {
            #expect(try Self.canonical([answered[key]]) == (try Self.canonical([checked[key]])), "\(key)")
        }
    }

    /// `value` as JSON with sorted keys, for comparing two decoded documents.
    static func canonical(_ value: Any?) throws -> String {
        let data = try JSONSerialization.data(
            withJSONObject: value ?? NSNull(), options: [.sortedKeys, .fragmentsAllowed])
        return String(decoding: data, as: UTF8.self)
    }
}
