import Foundation
import HindsightTestSupport
import Testing

/// `hindsight health`'s figures on the loop itself, read from the history of `.hindsight/guards.yml`
/// and of the context files: refreshes, the shipped guards' record, guards accepted and muted.
@Suite struct HealthLoopTests {
    /// A guard file with a record whose shipped guards flagged `flagged` of 200 commits, `hits` of
    /// them among the 20 fix-inducing ones, and guards `g-1` and `g-2` with the given statuses.
    static func guardFile(until: String, flagged: Int, hits: Int, statuses: (String, String)) -> String {
        let guards = [("g-1", statuses.0), ("g-2", statuses.1)].map { id, status in
            """
              - id: \(id)
                kind: reintroduced-fix
                status: \(status)
                severity: warning
                match: "strcpy(buf, name);"
                message: "removed by a fix"
                action: "keep it out"
            """
        }
        return """
            version: 1
            backtest:
              cut: \(String(repeating: "a", count: 40))
              until: \(until)
              commits: 200
              fixInducing: 20
              liftThreshold: 2
              shipped:
                flagged: \(flagged)
                hits: \(hits)
              kinds: {}
            guards:
            \(guards.joined(separator: "\n"))

            """
    }

    @Test func refreshesRecordsAndReviewsArePerMonth() throws {
        let repo = try FixtureRepository()
        try repo.write("a.c", "int a;\n")
        try repo.commit("feat: start", day: 0)
        let until1 = String(repeating: "b", count: 40)
        let until2 = String(repeating: "c", count: 40)
        try repo.write(
            ".hindsight/guards.yml",
            Self.guardFile(until: until1, flagged: 20, hits: 8, statuses: ("proposed", "proposed")))
        try repo.write("AGENTS.md", "# Agents\n")
        try repo.commit("chore: nightly refresh", day: 20)
        try repo.write(
            ".hindsight/guards.yml",
            Self.guardFile(until: until1, flagged: 20, hits: 8, statuses: ("accepted", "proposed")))
        try repo.commit("chore: accept g-1", day: 25)
        try repo.write(
            ".hindsight/guards.yml",
            Self.guardFile(until: until2, flagged: 10, hits: 6, statuses: ("accepted", "muted")))
        try repo.write("AGENTS.md", "# Agents\n\nMore.\n")
        try repo.write(".claude/rules/src.md", "rules\n")
        try repo.commit("chore: nightly refresh", day: 50)
        try repo.write(".hindsight/guards.yml", "version: [broken\n")
        try repo.commit("chore: a broken edit", day: 55)
        let result = try ProcessRunner.run(
            HindsightBinary.url.path, ["health", "--format", "json", "--quiet", "--since", "2020-09-01"], in: repo.root,
            environment: repo.environment(day: 60))
        #expect(result.status == 0, "\(result.error)")
        let report = try #require(try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any])
        let periods = try #require(report["periods"] as? [[String: Any]])
        func column(_ key: String) -> [Int] { periods.map { $0[key] as? Int ?? -1 } }
        #expect(periods.map { $0["period"] as? String } == ["2020-09", "2020-10", "2020-11"])
        #expect(column("guardRefreshes") == [0, 1, 1], "accepting a guard is no refresh; a broken file is skipped")
        #expect(column("guardsAccepted") == [0, 1, 0])
        #expect(column("guardsMuted") == [0, 0, 1])
        #expect(column("contextCommits") == [0, 1, 1])
        // October's record: 8 of 20 fix-inducing commits in 20 flags of 200; November's 6 in 10.
        #expect(periods[1]["guardRecall"] as? Double == 0.4)
        #expect(periods[1]["guardAlarmRate"] as? Double == 0.1)
        #expect(periods[1]["guardLift"] as? Double == 4)
        #expect(periods[2]["guardRecall"] as? Double == 0.3)
        #expect(periods[2]["guardLift"] as? Double == 6)
        #expect(periods[0]["guardRecall"] is NSNull)
    }
}
