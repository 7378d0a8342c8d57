import Foundation
import HindsightTestSupport
import Testing

/// End to end: a fix removes a line, `guards mine` proposes a guard, `check` flags the line coming back.
@Suite struct GuardsMineTests {
    static let dangerous = "    strcpy(buffer, user_input);"

    static func history() throws -> FixtureRepository {
        let repo = try FixtureRepository()
        try repo.write("src/copy.c", "void copy(char *user_input) {\n    char buffer[16];\n\(dangerous)\n}\n")
        _ = try repo.commit("feat: copy input", day: 0)
        try repo.write(
            "src/copy.c",
            "void copy(char *user_input) {\n    char buffer[16];\n    strlcpy(buffer, user_input, sizeof buffer);\n}\n")
        _ = try repo.commit("fix: buffer overflow in copy", day: 1)
        return repo
    }

    @Test func aMinedGuardCatchesTheRemovedLineComingBack() throws {
        let repo = try Self.history()
        let mined = try HindsightBinary.run(["guards", "mine"], in: repo.root, environment: repo.environment())
        #expect(mined.status == 0, "\(mined.error)")
        #expect(mined.output.contains("1 guards (1 new, 0 refreshed); wrote .hindsight/guards.yml."))
        let file = try String(contentsOf: repo.root.appendingPathComponent(".hindsight/guards.yml"), encoding: .utf8)
        #expect(file.contains("kind: reintroduced-fix"))
        #expect(file.contains("status: proposed"))
        #expect(file.contains("fix: buffer overflow in copy"))
        let again = try HindsightBinary.run(["guards", "mine"], in: repo.root, environment: repo.environment())
        #expect(again.output.contains("is unchanged"))

        try repo.write(
            "src/copy.c", "void copy(char *user_input) {\n    char buffer[16];\n\tstrcpy(buffer,  user_input);\n}\n")
        try repo.git(["add", "src/copy.c"])
        let check = try HindsightBinary.run(
            ["check", "--format", "json", "--fail-on", "warning"], in: repo.root, environment: repo.environment())
        #expect(check.status == 1, "\(check.error)")
        let json = try #require(try JSONSerialization.jsonObject(with: check.standardOutput) as? [String: Any])
        let findings = (json["findings"] as? [[String: Any]] ?? []).filter {
            $0["kind"] as? String == "reintroduced-fix"
        }
        #expect(findings.count == 1)
        #expect(findings.first?["line"] as? Int == 3)
        #expect(
            (findings.first?["action"] as? String)?.hasSuffix(
                "'fix: buffer overflow in copy': keep it out, or say why.") == true)
    }

    /// libgit2 had 152 guards from "Fix typos" and "Fix coding style" commits: a chore the fix
    /// detector rejects teaches no guard, though its subject starts with "Fix".
    @Test func aChoreFixTeachesNoGuard() throws {
        let repo = try FixtureRepository()
        try repo.write(
            "src/copy.c", "void copy(char *user_input) {\n    char *bufer = malloc(16 * sizeof *bufer);\n}\n")
        try repo.commit("feat: copy input", day: 0)
        try repo.write(
            "src/copy.c", "void copy(char *user_input) {\n    char *buffer = malloc(16 * sizeof *buffer);\n}\n")
        try repo.commit("Fix typos", day: 1)
        try repo.write(
            "src/copy.c", "void copy(char *user_input) {\n    char *buffer = malloc(16*sizeof *buffer);\n}\n")
        try repo.commit("Fix coding style for pointer", day: 2)
        let mined = try HindsightBinary.run(
            ["guards", "mine", "--no-backtest"], in: repo.root, environment: repo.environment())
        #expect(mined.status == 0, "\(mined.error)")
        #expect(mined.output.contains("read 0 fix commits: 0 guards"), "\(mined.output)")
    }

    /// The nightly job replays history once: `guards mine` writes the report of the backtest it records,
    /// the same report `hindsight backtest --no-mine` prints.
    @Test func theRecordedBacktestIsWrittenAsBacktestPrintsIt() throws {
        let repo = try Self.history()
        let report = repo.root.appendingPathComponent("backtest.json")
        try HindsightBinary.run(
            ["guards", "mine", "-q", "--backtest-format", "json", "--backtest-output", report.path], in: repo.root,
            environment: repo.environment()
        ).requireSuccess("guards mine --backtest-output")
        let backtest = try HindsightBinary.run(
            ["backtest", "--no-mine", "-q", "--format", "json"], in: repo.root, environment: repo.environment())
        #expect(backtest.status == 0, "\(backtest.error)")
        let written = try String(contentsOf: report, encoding: .utf8)
        #expect(written.contains("\"window\""), "\(written)")
        #expect(written == backtest.output)
        let refused = try HindsightBinary.run(
            ["guards", "mine", "--no-backtest", "--backtest-output", report.path], in: repo.root,
            environment: repo.environment())
        #expect(refused.status == 2, "a usage error")
        #expect(refused.error.contains("--backtest-output needs the backtest"), "\(refused.error)")
    }

    @Test func aMutedGuardStaysMutedAcrossMining() throws {
        let repo = try Self.history()
        _ = try HindsightBinary.run(["guards", "mine", "-q"], in: repo.root, environment: repo.environment())
        let list = try HindsightBinary.run(
            ["guards", "list", "--format", "json"], in: repo.root, environment: repo.environment())
        let json = try #require(try JSONSerialization.jsonObject(with: list.standardOutput) as? [String: Any])
        let id = try #require((json["guards"] as? [[String: Any]])?.first?["id"] as? String)
        let mute = try HindsightBinary.run(
            ["guards", "mute", id, "--reason", "we vetted this copy"], in: repo.root, environment: repo.environment())
        #expect(mute.status == 0, "\(mute.error)")
        _ = try HindsightBinary.run(["guards", "mine", "-q"], in: repo.root, environment: repo.environment())
        let file = try String(contentsOf: repo.root.appendingPathComponent(".hindsight/guards.yml"), encoding: .utf8)
        #expect(file.contains("status: muted"))
        #expect(file.contains("we vetted this copy"))
        try repo.write("src/copy.c", "void copy(char *user_input) {\n\(Self.dangerous)\n}\n")
        try repo.git(["add", "src/copy.c"])
        let check = try HindsightBinary.run(
            ["check", "--fail-on", "warning", "--allow", "stable-file"], in: repo.root, environment: repo.environment())
        #expect(!check.output.contains("reintroduced-fix"))
    }
}

/// The staged check reads guards through the index's cache of the guard file: the same findings
/// from a filled cache, and a changed file (a muted guard) is read afresh.
@Suite struct GuardCacheCheckTests {
    @Test func aCachedGuardSetChecksLikeTheFileAndFollowsItsEdits() throws {
        let repo = try GuardsMineTests.history()
        try HindsightBinary.run(["guards", "mine", "-q"], in: repo.root, environment: repo.environment())
            .requireSuccess("guards mine")
        try repo.write("src/copy.c", "void copy(char *user_input) {\n\(GuardsMineTests.dangerous)\n}\n")
        try repo.git(["add", "src/copy.c"])
        func reintroduced() throws -> [String] {
            let check = try HindsightBinary.run(
                ["check", "--staged", "--format", "json"], in: repo.root, environment: repo.environment())
            let json = try #require(try JSONSerialization.jsonObject(with: check.standardOutput) as? [String: Any])
            return (json["findings"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "reintroduced-fix" }
                .compactMap { $0["rule"] as? String }
        }
        let first = try reintroduced()  // parses the file and fills the cache
        #expect(first.count == 1)
        #expect(try reintroduced() == first, "read back from the cache")
        let id = try #require(first.first)
        try HindsightBinary.run(
            ["guards", "mute", id, "--reason", "vetted"], in: repo.root, environment: repo.environment()
        )
        .requireSuccess("guards mute")
        #expect(try reintroduced().isEmpty, "the edited file is read afresh")
    }
    /// `context` lists only accepted guards, and reads them through the same cache: none while every
    /// guard is proposed, the accepted one once the file says so, the same from a filled cache.
    @Test func contextReadsTheAcceptedGuardsThroughTheCache() throws {
        let repo = try GuardsMineTests.history()
        try HindsightBinary.run(["guards", "mine", "-q"], in: repo.root, environment: repo.environment())
            .requireSuccess("guards mine")
        func context() throws -> String {
            let run = try HindsightBinary.run(
                ["context", "--dry-run", "--no-mine"], in: repo.root, environment: repo.environment())
            try run.requireSuccess("context --dry-run")
            return run.output
        }
        #expect(!(try context()).contains("Guards that run on every commit"))
        try HindsightBinary.run(["guards", "accept", "--all"], in: repo.root, environment: repo.environment())
            .requireSuccess("guards accept")
        let accepted = try context()  // the file changed: parsed afresh, and the cache refilled
        #expect(accepted.contains("Guards that run on every commit"), "\(accepted)")
        #expect(accepted.contains("`hs-") && accepted.contains("reintroduced-fix in `src/copy.c`"), "\(accepted)")
        #expect(try context() == accepted, "read back from the cache")
    }
}
