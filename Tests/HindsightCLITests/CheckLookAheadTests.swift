import Foundation
import HindsightTestSupport
import Testing

/// `check --commit` and `--range` of past changes know only the history before them: guards mined
/// at HEAD from later fixes, and facts counted from later commits, never reach back.
@Suite struct CheckLookAheadTests {
    static let dangerous = "    strcpy(buffer, user_input);"
    static let safe = "    strlcpy(buffer, user_input, sizeof buffer);"

    /// Day 0 adds `dangerous`; day 1 fixes it; day 2 brings it back; day 3 fixes it again. The
    /// guards are mined at HEAD, so the one guard's evidence is both fixes.
    static func history() throws -> (repo: FixtureRepository, commits: [String]) {
        let repo = try FixtureRepository()
        let copy = { (body: String) in "void copy(char *user_input) {\n    char buffer[16];\n\(body)\n}\n" }
        var commits: [String] = []
        for (day, (body, subject)) in [
            (dangerous, "feat: copy"), (safe, "fix: buffer overflow in copy"),
            (dangerous, "perf: copy without the length check"), (safe, "fix: buffer overflow in copy, again"),
        ].enumerated() {
            try repo.write("src/copy.c", copy(body))
            commits.append(try repo.commit(subject, day: day))
        }
        try HindsightBinary.run(
            ["guards", "mine", "-q", "--no-backtest"], in: repo.root, environment: repo.environment()
        )
        .requireSuccess("guards mine")
        return (repo, commits)
    }

    static func findings(_ repo: FixtureRepository, _ arguments: [String]) throws -> [[String: Any]] {
        let run = try HindsightBinary.run(
            ["check", "--format", "json"] + arguments, in: repo.root, environment: repo.environment())
        #expect(run.status == 0, "\(run.error)")
        let json = try #require(try JSONSerialization.jsonObject(with: run.standardOutput) as? [String: Any])
        return (json["findings"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "reintroduced-fix" }
    }

    @Test func theGuardsAtHeadLearnedFromBothFixes() throws {
        let (repo, commits) = try Self.history()
        let file = try String(contentsOf: repo.root.appendingPathComponent(".hindsight/guards.yml"), encoding: .utf8)
        #expect(file.contains(commits[1]) && file.contains(commits[3]), "\(file)")
    }

    @Test func aCommitBeforeAnyFixIsNotFlaggedByWhatLaterFixesTaught() throws {
        let (repo, commits) = try Self.history()
        #expect(try Self.findings(repo, ["--commit", commits[0]]).isEmpty)
        #expect(
            try Self.findings(repo, ["--range", "\(commits[0])..\(commits[2])"]).isEmpty,
            "the range's own fix is not history before it")
    }

    @Test func aCommitAfterTheFirstFixIsFlaggedByAGuardOfEarlierEvidenceOnly() throws {
        let (repo, commits) = try Self.history()
        // At HEAD the guard's evidence includes day 3's fix, which came after the commit checked:
        // used as it is, the finding would cite the future. The guard as it stood before day 2 is
        // the one the first fix taught, and the mined guard is not it.
        let findings = try Self.findings(repo, ["--commit", commits[2]])
        let cited = findings.flatMap {
            ($0["evidence"] as? [[String: Any]] ?? []).compactMap { $0["commit"] as? String }
        }
        #expect(findings.isEmpty, "a guard is used only when every fix that taught it came before: \(cited)")
        // Checked at the tip, the same line is flagged: everything that taught the guard came before.
        try repo.write("src/copy.c", "void copy(char *user_input) {\n\(Self.dangerous)\n}\n")
        try repo.git(["add", "-A"])
        #expect(try Self.findings(repo, ["--staged"]).count == 1)
    }

    @Test func coChangeCountsOnlyThePairingsBeforeTheCommit() throws {
        let repo = try FixtureRepository()
        try repo.write("src/parser.c", "int parse(void) { return -1; }\n")
        try repo.write("src/parser.h", "int parse(void);\n")
        try repo.commit("feat: parser", day: 0)
        try repo.write("src/parser.c", "int parse(void) { return 0; }\n")
        let alone = try repo.commit("feat: parser alone", day: 1)
        for day in 2..<8 {
            try repo.write("src/parser.c", "int parse(void) { return \(day); }\n")
            try repo.write("src/parser.h", "int parse(void); /* \(day) */\n")
            try repo.commit("feat: parser step \(day)", day: day)
        }
        try HindsightBinary.run(["mine", "-q"], in: repo.root, environment: repo.environment()).requireSuccess("mine")
        func coChange(_ arguments: [String]) throws -> Int {
            let run = try HindsightBinary.run(
                ["check", "--format", "json"] + arguments, in: repo.root, environment: repo.environment())
            let json = try #require(try JSONSerialization.jsonObject(with: run.standardOutput) as? [String: Any])
            return (json["findings"] as? [[String: Any]] ?? []).count { $0["kind"] as? String == "co-change" }
        }
        #expect(try coChange(["--commit", alone]) == 0, "the two files had been changed together once before it")
        try repo.write("src/parser.c", "int parse(void) { return 42; }\n")
        try repo.git(["add", "-A"])
        try repo.commit("feat: parser alone again", day: 9)
        #expect(try coChange(["--commit", "HEAD"]) == 1, "by day 9 they had changed together in 7 of 8 commits")
    }
}
