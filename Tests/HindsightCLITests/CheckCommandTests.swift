import Foundation
import HindsightTestSupport
import Testing

/// End-to-end `hindsight check` on a history where parser.c and parser.h always change together.
@Suite struct CheckCommandTests {
    static func history() throws -> FixtureRepository {
        let repo = try FixtureRepository()
        for day in 0..<6 {
            try repo.write("src/parser.c", "int parse(void) { return \(day); }\n")
            try repo.write("src/parser.h", "int parse(void); /* \(day) */\n")
            _ = try repo.commit("feat: parser step \(day)", day: day)
        }
        try repo.write("README.md", "hello\n")
        _ = try repo.commit("docs: readme", day: 6)
        return repo
    }

    static func check(_ repo: FixtureRepository, _ arguments: [String]) throws -> ProcessResult {
        try HindsightBinary.run(["check"] + arguments, in: repo.root, environment: repo.environment(day: 10))
    }

    @Test func stagedChangeWithoutItsPartnerIsFlagged() throws {
        let repo = try Self.history()
        try HindsightBinary.run(["mine", "-q"], in: repo.root, environment: repo.environment()).requireSuccess("mine")
        try repo.write("src/parser.c", "int parse(void) { return 42; }\n")
        try repo.git(["add", "src/parser.c"])
        let result = try Self.check(repo, ["--staged", "--format", "json"])
        #expect(result.status == 0, "\(result.error)")  // warnings do not fail at the default --fail-on error
        let json = try #require(try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any])
        // Ages count from HEAD's commit date (day 6), not the clock: parser.c changed a day before, so
        // it is not stable, however old the fixture's dates are.
        let all = try #require(json["findings"] as? [[String: Any]])
        #expect(all.compactMap { $0["kind"] as? String } == ["co-change"])
        let findings = all.filter { $0["kind"] as? String == "co-change" }
        #expect(findings.first?["kind"] as? String == "co-change")
        #expect(findings.first?["path"] as? String == "src/parser.c")
        #expect(
            findings.first?["action"] as? String
                == "Also review src/parser.h (changed with src/parser.c in 6 of 6 commits).")
        #expect((findings.first?["evidence"] as? [[String: Any]])?.count == 3)
        let failing = try Self.check(repo, ["--fail-on", "warning"])
        #expect(failing.status == 1)
        #expect(failing.output.contains("src/parser.h"))
    }

    /// A backtest record in which co-change flagged 10 of 100 commits and none needed a fix.
    @Test func aKindBelowItsBacktestLiftRunsAtNoticeUntilConfigurationRaisesIt() throws {
        let repo = try Self.history()
        try HindsightBinary.run(["mine", "-q"], in: repo.root, environment: repo.environment()).requireSuccess("mine")
        try repo.write(".hindsight/guards.yml", MCPCheckDiffTests.demotingRecord)
        try repo.write("src/parser.c", "int parse(void) { return 42; }\n")
        try repo.git(["add", "src/parser.c"])
        func coChangeSeverity() throws -> String? {
            let result = try Self.check(repo, ["--staged", "--format", "json"])
            let json = try #require(try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any])
            return (json["findings"] as? [[String: Any]])?.first { $0["kind"] as? String == "co-change" }?["severity"]
                as? String
        }
        #expect(try coChangeSeverity() == "notice")
        try repo.write(".hindsight.yml", "check:\n  severity:\n    co-change: warning\n")
        #expect(try coChangeSeverity() == "warning")
    }

    @Test func stagingBothFilesOrAllowingTheKindIsClean() throws {
        let repo = try Self.history()
        try HindsightBinary.run(["mine", "-q"], in: repo.root, environment: repo.environment()).requireSuccess("mine")
        try repo.write("src/parser.c", "int parse(void) { return 42; }\n")
        try repo.git(["add", "src/parser.c"])
        let allowed = try Self.check(repo, ["--fail-on", "warning", "--allow", "co-change"])
        #expect(allowed.status == 0, "\(allowed.output)")
        try repo.write("src/parser.h", "int parse(void); /* 42 */\n")
        try repo.git(["add", "src/parser.h"])
        let both = try Self.check(repo, ["--fail-on", "warning"])
        #expect(both.status == 0, "\(both.output)")
        #expect(!both.output.contains("co-change"))
        #expect(!both.output.contains("stable-file"))
    }

    /// Ages count from HEAD's committer date: parser.c is stable once HEAD is 200 days past its last
    /// change, whatever the clock says.
    @Test func agesCountFromHeadsCommitDate() throws {
        let repo = try Self.history()
        try repo.write("NOTES.md", "later\n")
        _ = try repo.commit("docs: notes", day: 206)
        try HindsightBinary.run(["mine", "-q"], in: repo.root, environment: repo.environment()).requireSuccess("mine")
        try repo.write("src/parser.c", "int parse(void) { return 42; }\n")
        try repo.git(["add", "src/parser.c"])
        let result = try Self.check(repo, ["--staged", "--format", "json", "--allow", "co-change"])
        let json = try #require(try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(findings.compactMap { $0["kind"] as? String } == ["stable-file"])
        #expect(
            (findings.first?["message"] as? String)?.hasPrefix("src/parser.c is stable: unchanged for 201 days") == true
        )
        let report = try HindsightBinary.run(
            ["report", "--no-mine", "--format", "json"], in: repo.root, environment: repo.environment())
        let summary = try #require(try JSONSerialization.jsonObject(with: report.standardOutput) as? [String: Any])
        #expect(summary["asOf"] as? String == "2021-04-07T12:26:40Z", "the report's clock is HEAD's commit date")
    }

    @Test func aCommitsHindsightAllowTrailerSilencesIt() throws {
        let repo = try Self.history()
        try repo.write("src/parser.c", "int parse(void) { return 7; }\n")
        let plain = try repo.commit("fix: parser returns 7", day: 8)
        try repo.write("src/parser.c", "int parse(void) { return 8; }\n")
        let allowed = try repo.commit("fix: parser returns 8\n\nHindsight-Allow: co-change", day: 9)
        try HindsightBinary.run(["mine", "-q"], in: repo.root, environment: repo.environment()).requireSuccess("mine")
        #expect(try Self.check(repo, ["--commit", plain, "--fail-on", "warning"]).status == 1)
        let silenced = try Self.check(repo, ["--commit", allowed, "--fail-on", "warning", "--format", "json"])
        #expect(silenced.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: silenced.standardOutput) as? [String: Any])
        #expect(json["suppressed"] as? Int == 1)
        #expect(try Self.check(repo, ["--range", "\(plain)..\(allowed)", "--fail-on", "warning"]).status == 0)
    }

    @Test func aMissingIndexIsSaidInOneLineAndNothingIsMined() throws {
        let repo = try Self.history()
        try repo.write("src/parser.c", "int parse(void) { return 42; }\n")
        try repo.git(["add", "src/parser.c"])
        let result = try Self.check(repo, ["--format", "json"])
        #expect(result.status == 0, "\(result.error)")
        let json = try #require(try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any])
        #expect((json["indexNote"] as? String)?.contains("run `hindsight mine` once") == true)
        #expect(
            !FileManager.default.fileExists(
                atPath: repo.root.appendingPathComponent(".git/hindsight/index.sqlite").path))
    }

    @Test(arguments: [
        (["--staged", "--commit", "HEAD"], "at most one of"),
        (["--range", "main"], "--range takes A..B"),
        (["--fail-on", "fatal"], "--fail-on takes"),
        (["--format", "pdf"], "format"),
    ])
    func badArgumentsAreUsageErrors(arguments: [String], message: String) throws {
        let repo = try Self.history()
        let result = try Self.check(repo, arguments)
        #expect(result.status == 2)
        #expect(result.error.contains(message), "\(result.error)")
    }

    static let strcpyGuards = GuardFixtures.strcpyError

    @Test func newOnlyLeavesOutLinesTheBaseAlreadyHad() throws {
        let repo = try Self.history()
        try repo.write(".hindsight/guards.yml", Self.strcpyGuards)
        try repo.write("src/copy.c", "void a(char *d) {\n  strcpy(d, \"old\");\n}\n")
        _ = try repo.commit("feat: copy", day: 7)
        // The old call is re-indented (removed and added again); the second call is new.
        try repo.write("src/copy.c", "void a(char *d) {\n    strcpy(d, \"old\");\n    strcpy(d, \"new\");\n}\n")
        try repo.git(["add", "src/copy.c"])
        let all = try Self.check(repo, [])
        #expect(all.status == 1, "\(all.output)\(all.error)")
        #expect(all.output.contains("L2 error recurring-pattern"), "\(all.output)")
        #expect(all.output.contains("L3 error recurring-pattern"), "\(all.output)")
        let newOnly = try Self.check(repo, ["--new-only", "--format", "json"])
        #expect(newOnly.status == 1, "\(newOnly.error)")
        let json = try #require(try JSONSerialization.jsonObject(with: newOnly.standardOutput) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]]).filter {
            $0["kind"] as? String == "recurring-pattern"
        }
        #expect(findings.compactMap { $0["line"] as? Int } == [3])
        #expect(json["preexisting"] as? Int == 1)
        // Committed, the same change checked as a commit against its parent gives the same answer.
        _ = try repo.commit("feat: second copy", day: 8)
        let commit = try Self.check(repo, ["--commit", "HEAD", "--new-only", "--fail-on", "never"])
        #expect(commit.status == 0, "\(commit.error)")
        #expect(commit.output.contains("L3 error") && !commit.output.contains("L2 error"), "\(commit.output)")
        #expect(commit.output.contains("1 already at the base"), "\(commit.output)")
    }
}
