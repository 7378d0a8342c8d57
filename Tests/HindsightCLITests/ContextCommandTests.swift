import Foundation
import HindsightTestSupport
import Testing

/// End-to-end `hindsight context` on a fixture history: golden files, no rewrite when nothing
/// changed, people's text kept byte for byte, malformed markers refused, stale rule files removed.
@Suite struct ContextCommandTests {
    static let allTargets = ["--target", "claude,cursor,copilot"]
    static let ruleFiles = [
        ".claude/rules/hindsight-src.md", ".cursor/rules/hindsight-src.mdc",
        ".github/instructions/hindsight-src.instructions.md",
    ]
    /// docs/ is only settled: that is in AGENTS.md, and a rule file for it would change no decision.
    static let settledOnlyRuleFiles = [
        ".claude/rules/hindsight-docs.md", ".cursor/rules/hindsight-docs.mdc",
        ".github/instructions/hindsight-docs.instructions.md",
    ]

    /// docs/ settled; src/parser.c and src/parser.h change together and keep needing fixes, with
    /// tests/test_parser.py; src/io.c tried and reverted with a reason; Conventional subjects.
    static func history() throws -> FixtureRepository {
        let repo = try FixtureRepository()
        try repo.write("docs/guide.md", "# Guide\n")
        try repo.write("docs/faq.md", "# FAQ\n")
        try repo.commit("docs: guide and faq", day: 0)
        for step in 0..<6 {
            try repo.write("src/parser.c", (0...step).map { "int parse_\($0)(void) { return \($0); }\n" }.joined())
            try repo.write("src/parser.h", (0...step).map { "int parse_\($0)(void);\n" }.joined())
            try repo.write("tests/test_parser.py", "def test_parse():\n    assert \(step)\n")
            try repo.commit(
                step % 2 == 0 ? "fix(parser): crash on input \(step)" : "feat(parser): step \(step)", day: 400 + step)
        }
        try repo.write("src/io.c", "void read_all(void) { mmap(); }\n")
        let attempt = try repo.commit("feat(io): mmap the input", day: 410)
        try repo.write("src/io.c", "void read_all(void) { read(); }\n")
        try repo.commit(
            "Revert \"feat(io): mmap the input\"\n\nThis reverts commit \(attempt).\n\nIt crashes on 32-bit hosts.\n",
            day: 411)
        for step in 0..<4 {
            try repo.write("src/util.c", "int util(void) { return \(step); }\n")
            try repo.commit("refactor(util): step \(step)", day: 412 + step)
        }
        return repo
    }

    static func context(_ repo: FixtureRepository, _ arguments: [String]) throws -> ProcessResult {
        try HindsightBinary.run(["context"] + arguments, in: repo.root, environment: repo.environment(day: 500))
    }

    static func text(_ repo: FixtureRepository, _ path: String) -> String? {
        FileManager.default.contents(atPath: repo.root.appendingPathComponent(path).path).map {
            String(decoding: $0, as: UTF8.self)
        }
    }

    @Test func writesTheGoldenBlockAndRuleFilesThenNothingOnASecondRun() throws {
        let repo = try Self.history()
        let first = try Self.context(repo, Self.allTargets)
        #expect(first.status == 0, "\(first.error)")
        #expect(first.error.contains("created AGENTS.md"), "\(first.error)")
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
        for path in ["AGENTS.md"] + Self.ruleFiles {
            let name = "context/" + path.replacingOccurrences(of: "/", with: "_")
            let mismatch = try Golden.mismatch(Self.text(repo, path) ?? "(missing)", golden: name, in: golden)
            #expect(mismatch == nil, "\(mismatch ?? "")")
        }
        #expect(Self.settledOnlyRuleFiles.allSatisfy { Self.text(repo, $0) == nil })
        let before = try FileManager.default.attributesOfItem(
            atPath: repo.root.appendingPathComponent("AGENTS.md").path)
        let second = try Self.context(repo, Self.allTargets)
        #expect(second.status == 0)
        #expect(second.error == "context files are up to date.\n", "\(second.error)")
        let after = try FileManager.default.attributesOfItem(atPath: repo.root.appendingPathComponent("AGENTS.md").path)
        #expect(before[.modificationDate] as? Date == after[.modificationDate] as? Date)
        #expect(try Self.context(repo, Self.allTargets + ["--check"]).status == 0)
    }

    @Test func peoplesTextAroundTheBlockIsKeptByteForByte() throws {
        let repo = try Self.history()
        let human = "# Agents\r\n\r\nBuild with `make`.\r\nNo final newline here"
        try repo.write("AGENTS.md", human)
        #expect(try Self.context(repo, []).status == 0)
        let written = try #require(Self.text(repo, "AGENTS.md"))
        #expect(written.utf8.starts(with: human.utf8))
        #expect(!written.utf8.elementsEqual(human.utf8))
        // CRLF throughout: no bare line feed anywhere.
        let bytes = Array(written.utf8)
        #expect(!bytes.indices.contains { bytes[$0] == 0x0A && ($0 == 0 || bytes[$0 - 1] != 0x0D) })
        // Text people add after the block survives the next run too.
        try repo.write("AGENTS.md", written + "\r\nMore notes.\r\n")
        try repo.write("src/util.c", "int util(void) { return 9; }\n")
        try repo.commit("refactor(util): step 9", day: 420)
        #expect(try Self.context(repo, []).status == 0)
        let again = try #require(Self.text(repo, "AGENTS.md"))
        #expect(again.utf8.starts(with: human.utf8))
        #expect(again.hasSuffix("\r\nMore notes.\r\n"))
    }

    @Test(arguments: [
        "<!-- hindsight:begin -->\nno end\n",
        "<!-- hindsight:end -->\n<!-- hindsight:begin -->\n",
        "<!-- hindsight:begin -->\n<!-- hindsight:end -->\n<!-- hindsight:begin -->\n<!-- hindsight:end -->\n",
    ])
    func malformedMarkersAreRefusedAndNothingIsWritten(agents: String) throws {
        let repo = try Self.history()
        try repo.write("AGENTS.md", agents)
        let result = try Self.context(repo, Self.allTargets)
        #expect(result.status == 2, "\(result.error)")
        #expect(result.error.contains("AGENTS.md: ") && result.error.contains("line"), "\(result.error)")
        #expect(result.error.contains("Nothing was written"), "\(result.error)")
        #expect(Self.text(repo, "AGENTS.md") == agents)
        #expect(Self.ruleFiles.allSatisfy { Self.text(repo, $0) == nil })
    }

    @Test func checkListsStaleFilesAndExits1WithoutWriting() throws {
        let repo = try Self.history()
        let stale = try Self.context(repo, Self.allTargets + ["--check"])
        #expect(stale.status == 1)
        #expect(stale.output.contains("out of date: AGENTS.md (would create)"), "\(stale.output)")
        #expect(Self.text(repo, "AGENTS.md") == nil)
        let dry = try Self.context(repo, ["--dry-run"])
        #expect(dry.status == 0)
        #expect(dry.output.hasPrefix("=== AGENTS.md (would create)\n<!-- hindsight:begin -->\n"), "\(dry.output)")
        #expect(Self.text(repo, "AGENTS.md") == nil)
    }

    @Test func dropsOnlyItsOwnStaleRuleFiles() throws {
        let repo = try Self.history()
        try repo.write(".claude/rules/hindsight-notes.md", "---\npaths: [\"src/**\"]\n---\nWritten by a person.\n")
        #expect(try Self.context(repo, Self.allTargets).status == 0)
        #expect(Self.text(repo, ".cursor/rules/hindsight-src.mdc") != nil)
        let narrowed = try Self.context(repo, ["--target", "claude"])
        #expect(narrowed.status == 0)
        #expect(narrowed.error.contains("removed .cursor/rules/hindsight-src.mdc"), "\(narrowed.error)")
        #expect(Self.text(repo, ".cursor/rules/hindsight-src.mdc") == nil)
        #expect(Self.text(repo, ".github/instructions/hindsight-src.instructions.md") == nil)
        #expect(Self.text(repo, ".claude/rules/hindsight-src.md") != nil)
        #expect(
            Self.text(repo, ".claude/rules/hindsight-notes.md")
                == "---\npaths: [\"src/**\"]\n---\nWritten by a person.\n")
    }

    @Test func claudeImportIsAddedOnceAndNeverWhenPresent() throws {
        let repo = try Self.history()
        try repo.write("CLAUDE.md", "# Claude\n")
        #expect(try Self.context(repo, ["--claude-import"]).status == 0)
        #expect(
            Self.text(repo, "CLAUDE.md")
                == "# Claude\n\n<!-- hindsight:import:begin -->\n@AGENTS.md\n<!-- hindsight:import:end -->\n")
        let again = try Self.context(repo, ["--claude-import"])
        #expect(again.error == "context files are up to date.\n", "\(again.error)")
        try repo.write("CLAUDE.md", "@AGENTS.md\n")
        #expect(try Self.context(repo, ["--claude-import"]).status == 0)
        #expect(Self.text(repo, "CLAUDE.md") == "@AGENTS.md\n")
    }

    @Test(arguments: [
        (["--budget", "50"], "--budget must be at least 200"),
        (["--target", "vim"], "unknown --target 'vim'"),
        (["--check", "--dry-run"], "not both"),
    ])
    func badArgumentsAreUsageErrors(arguments: [String], message: String) throws {
        let repo = try Self.history()
        let result = try Self.context(repo, arguments)
        #expect(result.status == 2)
        #expect(result.error.contains(message), "\(result.error)")
    }

    @Test func theBlockMentionsTheMCPServerWhenTheProjectConfiguresIt() throws {
        let repo = try Self.history()
        let before = try Self.context(repo, ["--dry-run"])
        #expect(before.status == 0, "\(before.error)")
        #expect(!before.output.contains("MCP server"))
        let snippet = try HindsightBinary.run(
            ["mcp", "--print-config", "claude"], in: repo.root, environment: repo.environment())
        try repo.write(".mcp.json", snippet.output)
        let after = try Self.context(repo, ["--dry-run"])
        #expect(
            after.output.contains(
                "Mid-task, ask the `hindsight` MCP server configured here: `file_stability`, `file_history`, `what_was_tried`, "
                    + "`co_changes`, `guards_for` and `check_diff` answer from the same history, with evidence commits.\n"
            ),
            "\(after.output)")
    }
}
