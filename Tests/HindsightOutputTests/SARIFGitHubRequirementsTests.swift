import Foundation
import HindsightCore
import HindsightOutput
import Testing

/// SARIF against each requirement of GitHub's "SARIF support for code scanning" page (no validator
/// that knows GitHub's rules installs from a registry: Microsoft's multitool is a .NET tool), so an
/// upload shows every result as an alert on its line.
@Suite struct SARIFGitHubRequirementsTests {
    static let site = DocumentationSite(base: "https://github.com/example/hindsight/blob/v0.1.0/")

    @Test(arguments: ["clean", "hostile", "many guards"])
    func meetsGitHubsRequirements(sample: String) throws {
        let result =
            switch sample {
            case "clean": SampleFindings.clean()
            case "hostile": SampleFindings.hostile()
            default: Self.manyGuardsFewResults()
            }
        for site in [nil, Self.site] {
            let log = try Self.parse(SARIFFindingsRenderer(site: site).render(result))
            let problems = GitHubSARIFRules.problems(in: log, expectingLinks: site != nil)
            #expect(problems.isEmpty, "\(sample), site \(site?.base ?? "none"): \(problems.joined(separator: "\n"))")
        }
    }

    @Test func theRulesCheckerFindsWhatGitHubRejects() throws {
        var log = try Self.parse(SARIFFindingsRenderer().render(SampleFindings.clean()))
        var run = try #require((log["runs"] as? [[String: Any]])?.first)
        var results = try #require(run["results"] as? [[String: Any]])
        results[1]["locations"] = [["physicalLocation": ["artifactLocation": ["uri": "a.swift"]]]]
        results[2]["ruleIndex"] = 0
        run["results"] = results
        log["runs"] = [run]
        let problems = GitHubSARIFRules.problems(in: log, expectingLinks: true)
        #expect(problems.contains { $0.contains("result 1: a location without region.startLine") })
        #expect(problems.contains { $0.contains("result 2: ruleIndex 0 names hs-0001, not stable-file") })
        #expect(problems.contains { $0.contains("no tool.driver.informationUri") })
    }

    @Test func onlyReferencedRulesAreListedInIDOrder() throws {
        let text = SARIFFindingsRenderer().render(Self.manyGuardsFewResults())
        let driver = try Self.driver(of: try Self.parse(text))
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.compactMap { $0["id"] as? String } == ["hs-0500", "hs-1100"])
        #expect(text.utf8.count < 12_000, "two results and their rules, not 1,211 rules: \(text.utf8.count) bytes")
        // The same results in another order keep their rules' indexes.
        var reversed = Self.manyGuardsFewResults()
        reversed.findings.reverse()
        let again = try #require(try Self.driver(of: try Self.parse(SARIFFindingsRenderer().render(reversed)))["rules"])
        #expect((again as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["hs-0500", "hs-1100"])
    }

    @Test func aFileLevelFindingSitsOnTheFilesFirstLine() throws {
        let log = try Self.parse(SARIFFindingsRenderer().render(SampleFindings.clean()))
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let coChange = try #require(
            (run["results"] as? [[String: Any]])?.first { $0["ruleId"] as? String == "hs-0001" })
        let region = (coChange["locations"] as? [[String: Any]])?.first.flatMap {
            ($0["physicalLocation"] as? [String: Any])?["region"] as? [String: Any]
        }
        #expect(region?["startLine"] as? Int == 1)
    }

    @Test func linksGoToTheKindsSectionOfTheDocumentedPage() throws {
        let site = try #require(Self.site)
        let driver = try Self.driver(
            of: try Self.parse(SARIFFindingsRenderer(site: site).render(SampleFindings.clean())))
        #expect(driver["informationUri"] as? String == "https://github.com/example/hindsight/blob/v0.1.0/README.md")
        #expect(driver["semanticVersion"] as? String == HindsightRelease.version)
        let page = try String(
            contentsOf: ExternalTool.packageRoot.appendingPathComponent("docs/guard-kinds.md"), encoding: .utf8)
        for rule in try #require(driver["rules"] as? [[String: Any]]) {
            let kind = try #require((rule["properties"] as? [String: Any])?["tags"] as? [String]).last ?? ""
            #expect(rule["helpUri"] as? String == site.base + "/docs/guard-kinds.md#" + kind)
            #expect(page.contains("\n### `\(kind)`\n"), "docs/guard-kinds.md has no section for \(kind)")
        }
        #expect(DocumentationSite(base: "file:///tmp/docs") == nil)
        #expect(DocumentationSite(base: "https://x.org/a)](javascript:1") == nil)
        #expect(DocumentationSite(base: "https://") == nil)
    }

    @Test func helpMarkdownEscapesWhatHistoryWrote() throws {
        let log = try Self.parse(SARIFFindingsRenderer(site: Self.site).render(SampleFindings.hostile()))
        let rules = try #require(try Self.driver(of: log)["rules"] as? [[String: Any]])
        let quiet = try #require(rules.first { $0["id"] as? String == "hs:odd,rule" })
        #expect(((quiet["help"] as? [String: Any])?["markdown"] as? String)?.contains("<") == false)
        let markdowns = rules.compactMap { ($0["help"] as? [String: Any])?["markdown"] as? String }
        #expect(markdowns.allSatisfy { !$0.contains("<script>") })
        let guardHelp = try #require(rules.first { $0["id"] as? String == "hs-0002" }?["help"] as? [String: Any])
        #expect((guardHelp["markdown"] as? String)?.contains("`hindsight guards explain hs-0002`") == true)
    }

    @Test func theKindsPageIsWhatGuardsKindsPrints() throws {
        let page = try String(
            contentsOf: ExternalTool.packageRoot.appendingPathComponent("docs/guard-kinds.md"), encoding: .utf8)
        let rendered = GuardKindsRenderer(format: .markdown).render(GuardKind.all)
        #expect(
            page.hasSuffix("\n\n" + rendered),
            "docs/guard-kinds.md differs from `hindsight guards kinds --format markdown`: regenerate its body")
    }

    /// 1,211 guards, two of which fire.
    static func manyGuardsFewResults() -> CheckResult {
        let rules = (0..<1211).map { index in
            RuleDescriptor(
                id: String(format: "hs-%04d", index), kind: "reintroduced-fix", summary: "A fix removed line \(index).",
                help: "Keep it out.", severity: .warning)
        }
        let findings = [1100, 500].map { index in
            Finding(
                ruleID: String(format: "hs-%04d", index), kind: "reintroduced-fix", severity: .warning,
                path: RepoPath("src/f\(index).c"), line: index, message: "A fix removed line \(index).",
                action: "Keep it out.", fingerprint: "f\(index)")
        }
        return CheckResult(target: "staged changes", findings: findings, rules: rules)
    }

    static func parse(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func driver(of log: [String: Any]) throws -> [String: Any] {
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        return try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
    }
}
