import Foundation
import HindsightTestSupport
import Testing

/// End-to-end `hindsight guards list|explain|accept|mute` on a hand-written `.hindsight/guards.yml`.
@Suite struct GuardsCommandTests {
    static let parserID = "hs-0000000000a1"
    static let revertID = "hs-0000000000b2"

    /// Two guards as `guards mine` would write them; the subject carries an escape sequence.
    static let file = """
        version: 1
        guards:
          - id: \(parserID)
            kind: reintroduced-fix
            status: proposed
            severity: warning
            scope:
              - src/parser.c
            match: if (n == 0) return;
            message: A line a fix removed is back.
            action: Check it against the fix before committing.
            evidence:
              - commit: 0123456789abcdef0123456789abcdef01234567
                date: 2020-09-14
                subject: "fix: parser crash \\e[31mred"
                author: Ada Lovelace

          - id: \(revertID)
            kind: reverted-change
            status: accepted
            severity: error
            scope: []
            match: abc
            message: A reverted change is coming back.
            action: Read why it was reverted.
            evidence: []

        """

    static func repository() throws -> FixtureRepository {
        let repo = try FixtureRepository()
        try repo.write("README.md", "hello\n")
        _ = try repo.commit("docs: readme", day: 0)
        try repo.write(".hindsight/guards.yml", file)
        return repo
    }

    static func guards(_ repo: FixtureRepository, _ arguments: [String]) throws -> ProcessResult {
        try HindsightBinary.run(["guards"] + arguments, in: repo.root, environment: repo.environment())
    }

    static func fileText(_ repo: FixtureRepository) throws -> String {
        try String(contentsOf: repo.root.appendingPathComponent(".hindsight/guards.yml"), encoding: .utf8)
    }

    @Test func listShowsEveryGuardAndTheCounts() throws {
        let repo = try Self.repository()
        let result = try Self.guards(repo, ["list"])
        #expect(result.status == 0, "\(result.error)")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 4, "\(result.output)")
        #expect(lines[0].hasPrefix("\(Self.parserID)  proposed  warning  reintroduced-fix  src/parser.c"))
        #expect(lines[0].hasSuffix("A line a fix removed is back."))
        #expect(lines[1].hasPrefix("\(Self.revertID)  accepted  error    reverted-change   (all files)"))
        #expect(lines[2] == "2 guards: 1 proposed, 1 accepted, 0 muted.")

        let filtered = try Self.guards(repo, ["list", "--status", "accepted"])
        #expect(filtered.output.contains(Self.revertID) && !filtered.output.contains(Self.parserID))
        #expect(filtered.output.contains("1 of 2 guards: 0 proposed, 1 accepted, 0 muted."))
        let byKind = try Self.guards(repo, ["list", "--kind", "reintroduced-fix"])
        #expect(byKind.output.contains(Self.parserID) && !byKind.output.contains(Self.revertID))
    }

    @Test func listAsJSONCarriesTheSchemaVersionAndEvidence() throws {
        let repo = try Self.repository()
        let result = try Self.guards(repo, ["list", "--format", "json"])
        #expect(result.status == 0, "\(result.error)")
        let json = try #require(try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any])
        #expect(json["schemaVersion"] as? Int == 1)
        #expect((json["counts"] as? [String: Int]) == ["proposed": 1, "accepted": 1, "muted": 0])
        let guards = try #require(json["guards"] as? [[String: Any]])
        #expect(guards.compactMap { $0["id"] as? String } == [Self.parserID, Self.revertID])
        let evidence = try #require(guards.first?["evidence"] as? [[String: Any]])
        #expect(evidence.first?["subject"] as? String == "fix: parser crash \u{1B}[31mred")
        #expect(evidence.first?["date"] as? String == "2020-09-14")
    }

    @Test func explainShowsEverythingWithUntrustedTextEscaped() throws {
        let repo = try Self.repository()
        let result = try Self.guards(repo, ["explain", String(Self.parserID.prefix(14))])
        #expect(result.status == 0, "\(result.error)")
        for expected in [
            "A line a fix removed is back.", "Check it against the fix before committing.", "src/parser.c",
            "if (n == 0) return;", "0123456789  2020-09-14  fix: parser crash \\e[31mred  (Ada Lovelace)",
            "hindsight guards accept \(Self.parserID)", "hindsight guards mute \(Self.parserID) --reason",
        ] {
            #expect(result.output.contains(expected), "missing \(expected) in \(result.output)")
        }
        #expect(!result.output.contains("\u{1B}"))
    }

    @Test func explainOfAnUnknownIDIsOneLineAndExitsTwo() throws {
        let repo = try Self.repository()
        let result = try Self.guards(repo, ["explain", "hs-ffffffffffff"])
        #expect(result.status == 2)
        #expect(result.output.isEmpty)
        #expect(
            result.error
                == "hindsight: error: no guard 'hs-ffffffffffff' in .hindsight/guards.yml. Run `hindsight guards list` to see the ids.\n"
        )
    }

    @Test func acceptChangesTheStatusAndSeverityInTheFile() throws {
        let repo = try Self.repository()
        let result = try Self.guards(repo, ["accept", Self.parserID, "--severity", "error"])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("\(Self.parserID): proposed → accepted, severity warning → error."))
        #expect(result.output.contains("Wrote .hindsight/guards.yml."))
        let text = try Self.fileText(repo)
        #expect(!text.contains("status: proposed"))
        #expect(
            text.contains(
                "  - id: \(Self.parserID)\n    kind: reintroduced-fix\n    status: accepted\n    severity: error\n"))
        #expect(text.contains("subject: \"fix: parser crash \\x1B[31mred\""))
        #expect(text.hasPrefix("# Hindsight guards"))

        let again = try Self.guards(repo, ["accept", "--all"])
        #expect(again.output.contains("No proposed guards to accept."))
        #expect(try Self.fileText(repo) == text)
    }

    @Test func muteRequiresAReasonAndRecordsIt() throws {
        let repo = try Self.repository()
        let missing = try Self.guards(repo, ["mute", Self.parserID])
        #expect(missing.status == 2)
        #expect(missing.error.contains("--reason"))
        let blank = try Self.guards(repo, ["mute", Self.parserID, "--reason", "  "])
        #expect(blank.status == 2)
        #expect(try Self.fileText(repo) == Self.file)

        let result = try Self.guards(
            repo, ["mute", Self.parserID, "--reason", "generated code: never hand-edited # really"])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("\(Self.parserID): proposed → muted"))
        let text = try Self.fileText(repo)
        #expect(text.contains("    status: muted\n    muteReason: \"generated code: never hand-edited # really\"\n"))
        let listed = try Self.guards(repo, ["list", "--status", "muted", "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: listed.standardOutput) as? [String: Any])
        #expect(
            (json["guards"] as? [[String: Any]])?.first?["muteReason"] as? String
                == "generated code: never hand-edited # really")

        let unmuted = try Self.guards(repo, ["accept", Self.parserID])
        #expect(unmuted.output.contains("muted → accepted"))
        #expect(!(try Self.fileText(repo)).contains("    muteReason:"))
    }

    @Test func aBrokenFileIsAUsageErrorNamingTheLine() throws {
        let repo = try Self.repository()
        try repo.write(
            ".hindsight/guards.yml", Self.file.replacingOccurrences(of: "status: accepted", with: "status: acepted"))
        let result = try Self.guards(repo, ["list"])
        #expect(result.status == 2)
        #expect(
            result.error.contains(
                "guards.yml:20 at 'guards[1].status': expected proposed, accepted or muted, got 'acepted'"),
            "\(result.error)")
    }

    @Test func withoutAFileListSaysHowToMineAndExplainExitsTwo() throws {
        let repo = try FixtureRepository()
        let list = try HindsightBinary.run(["guards", "list"], in: repo.root, environment: repo.environment())
        #expect(list.status == 0)
        #expect(list.output.contains("Run `hindsight guards mine`"))
        let explain = try HindsightBinary.run(
            ["guards", "explain", "hs-000000000000"], in: repo.root, environment: repo.environment())
        #expect(explain.status == 2)
        #expect(explain.error.contains("does not exist yet. Run `hindsight guards mine` first."))
        let accept = try HindsightBinary.run(
            ["guards", "accept", "--all"], in: repo.root, environment: repo.environment())
        #expect(accept.status == 0)
        #expect(!FileManager.default.fileExists(atPath: repo.root.appendingPathComponent(".hindsight").path))
    }
}
