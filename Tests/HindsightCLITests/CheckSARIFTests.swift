import Foundation
import HindsightTestSupport
import Testing

/// `hindsight check --format sarif` as code scanning receives it: only the rules that fired, a
/// line for a file-level finding, and links to the documentation when its site is known.
@Suite struct CheckSARIFTests {
    static func stagedCoChange() throws -> FixtureRepository {
        let repo = try CheckCommandTests.history()
        try HindsightBinary.run(["mine", "-q"], in: repo.root, environment: repo.environment()).requireSuccess("mine")
        try repo.write("src/parser.c", "int parse(void) { return 42; }\n")
        try repo.git(["add", "src/parser.c"])
        return repo
    }

    static func sarif(_ repo: FixtureRepository, docs: String?) throws -> (ProcessResult, [String: Any]?) {
        var environment = repo.environment(day: 10)
        environment["HINDSIGHT_DOCS_URL"] = docs
        let result = try HindsightBinary.run(
            ["check", "--staged", "--format", "sarif"], in: repo.root, environment: environment)
        let json = try? JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any]
        let run = (json?["runs"] as? [[String: Any]])?.first
        return (result, (run?["tool"] as? [String: Any])?["driver"] as? [String: Any])
    }

    @Test func theFiredRuleIsListedAndLinked() throws {
        let repo = try Self.stagedCoChange()
        let (result, driver) = try Self.sarif(repo, docs: "https://github.com/acme/hindsight/blob/v0.1.0")
        #expect(result.status == 0, "\(result.error)")
        #expect(driver?["informationUri"] as? String == "https://github.com/acme/hindsight/blob/v0.1.0/README.md")
        let rules = driver?["rules"] as? [[String: Any]] ?? []
        #expect(rules.compactMap { $0["id"] as? String } == ["co-change"])
        #expect(
            rules.first?["helpUri"] as? String
                == "https://github.com/acme/hindsight/blob/v0.1.0/docs/guard-kinds.md#co-change")
        let json = try #require(try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any])
        let finding = try #require(((json["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])?.first)
        let location = (finding["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
        #expect((location?["region"] as? [String: Any])?["startLine"] as? Int == 1)
        #expect(finding["ruleIndex"] as? Int == 0)
    }

    @Test func theConfiguredSiteIsUsedAndABadOneIsRefused() throws {
        let repo = try Self.stagedCoChange()
        let (plain, unlinked) = try Self.sarif(repo, docs: nil)
        #expect(plain.status == 0, "\(plain.error)")
        #expect(unlinked?["informationUri"] == nil)
        #expect((unlinked?["rules"] as? [[String: Any]])?.first?["helpUri"] == nil)
        try repo.write(".hindsight.yml", "check:\n  docsURL: https://git.example.org/tools/hindsight/-/blob/v1\n")
        let (_, configured) = try Self.sarif(repo, docs: nil)
        #expect(
            configured?["informationUri"] as? String == "https://git.example.org/tools/hindsight/-/blob/v1/README.md")
        let (_, overridden) = try Self.sarif(repo, docs: "https://github.com/acme/hindsight/blob/main")
        #expect(overridden?["informationUri"] as? String == "https://github.com/acme/hindsight/blob/main/README.md")
        let (warned, dropped) = try Self.sarif(repo, docs: "javascript:alert(1)")
        #expect(warned.status == 0 && dropped?["informationUri"] == nil)
        #expect(warned.error.contains("HINDSIGHT_DOCS_URL is not an http(s) URL"))
        try repo.write(".hindsight.yml", "check:\n  docsURL: ftp://example.org/docs\n")
        let (refused, _) = try Self.sarif(repo, docs: nil)
        #expect(refused.status == 2)
        #expect(
            refused.error.contains("docsURL") && refused.error.contains("expected an http(s) URL"), "\(refused.error)")
    }
}
