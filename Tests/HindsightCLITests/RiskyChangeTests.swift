import Foundation
import HindsightTestSupport
import Testing

/// End to end: `guards mine` learns the change-risk model from a history where big changes needed
/// fixes, keeps it in the guard file, and `check` flags a big staged change with its reasons.
@Suite struct RiskyChangeTests {
    /// 60 one-line notes; every sixth day a commit adds 40 lines to src/core.c, and the next day a
    /// fix changes one of them (so SZZ finds the big commit needed a fix).
    static func history() throws -> FixtureRepository {
        let repo = try FixtureRepository()
        var core: [String] = ["int core(void) { return 0; }"]
        try repo.write("src/core.c", core.joined(separator: "\n") + "\n")
        try repo.commit("feat: core", day: 0)
        var day = 1
        for round in 0..<10 {
            for note in 0..<6 {
                try repo.write("notes/\(round)-\(note).md", "note \(round) \(note)\n")
                try repo.commit("docs: note \(round).\(note)", day: day)
                day += 1
            }
            core += (0..<40).map { "int value_\(round)_\($0) = compute(\(round), \($0));" }
            try repo.write("src/core.c", core.joined(separator: "\n") + "\n")
            try repo.commit("feat: values \(round)", day: day)
            day += 1
            core[core.count - 7] = "int value_\(round)_33 = compute(\(round), 33) + 1;"
            try repo.write("src/core.c", core.joined(separator: "\n") + "\n")
            try repo.commit("fix: value \(round) off by one", day: day)
            day += 1
        }
        try repo.write(".hindsight.yml", "backtest:\n  grace: 0\n")
        try repo.commit("chore: configure hindsight", day: day)
        return repo
    }

    @Test func guardsMineLearnsTheModelAndCheckExplainsAFlaggedChange() throws {
        let repo = try Self.history()
        let mined = try HindsightBinary.run(
            ["guards", "mine", "--no-backtest"], in: repo.root, environment: repo.environment(day: 90))
        #expect(mined.status == 0, "\(mined.error)")
        let note = try #require(mined.output.split(separator: "\n").first { $0.hasPrefix("risky-change:") })
        #expect(
            note.hasPrefix("risky-change: learned from 82 commits (10 later needed a fix); it flags 10% of them"),
            "\(note)")
        let file = try String(contentsOf: repo.root.appendingPathComponent(".hindsight/guards.yml"), encoding: .utf8)
        #expect(file.contains("riskModel:\n  trainedAt: "))
        #expect(file.contains("subject: \"feat: values"), "the past changes a finding names")
        try repo.commit("chore: guards", day: 90)

        let lines = (0..<40).map { "int more_\($0) = compute(99, \($0));" }.joined(separator: "\n")
        try repo.write(
            "src/core.c",
            (try String(contentsOf: repo.root.appendingPathComponent("src/core.c"), encoding: .utf8)) + lines + "\n")
        try repo.git(["add", "-A"])
        let check = try HindsightBinary.run(
            ["check", "--format", "json"], in: repo.root, environment: repo.environment(day: 90))
        #expect(check.status == 0, "\(check.error)")
        let json = try #require(try JSONSerialization.jsonObject(with: check.standardOutput) as? [String: Any])
        let risky = (json["findings"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "risky-change" }
        let finding = try #require(risky.first, "\(json)")
        #expect(risky.count == 1)
        #expect(finding["path"] as? String == "src/core.c")
        let message = try #require(finding["message"] as? String)
        let numstat = try repo.gitText(["diff", "--cached", "--numstat"])
        #expect(message.contains("+40 lines"), "\(message) \(numstat)")
        #expect(message.hasSuffix("of the time here, against 12% overall."), "\(message)")
        let action = try #require(finding["action"] as? String)
        #expect(action.contains("ask Ada Lovelace, who changed src/core.c most"), "\(action)")
        #expect(action.contains("Past changes like it that needed a fix: "), "\(action)")
        #expect((finding["evidence"] as? [[String: Any]])?.count == 2)

        // A one-line note is not flagged.
        try repo.git(["reset", "-q", "--hard"])
        try repo.write("notes/late.md", "late\n")
        try repo.git(["add", "-A"])
        let quiet = try HindsightBinary.run(
            ["check", "--format", "json"], in: repo.root, environment: repo.environment(day: 90))
        let calm = try #require(try JSONSerialization.jsonObject(with: quiet.standardOutput) as? [String: Any])
        #expect((calm["findings"] as? [[String: Any]] ?? []).allSatisfy { $0["kind"] as? String != "risky-change" })
    }
}
