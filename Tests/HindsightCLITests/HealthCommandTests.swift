import Foundation
import HindsightTestSupport
import Testing

/// `hindsight health` on a four-month fixture whose figures are known commit by commit: a fix, an
/// agent's commit and its revert, a co-authored commit, a merged branch, and lessons written and retired.
@Suite struct HealthCommandTests {
    /// Sep 2020 to Dec 2020 (the fixture's day 0 is 2020-09-13 12:26 UTC).
    static func repository() throws -> FixtureRepository {
        let repo = try FixtureRepository()
        try repo.write("a.c", "int a;\n")
        try repo.commit("feat: start", day: 0)
        try repo.write("b.c", "int b;\nint bb;\n")
        try repo.commit("feat: add b", day: 20, author: "Grace Hopper", email: "grace@example.com")
        try repo.write("a.c", "int a = 0;\n")
        try repo.commit("fix: initialise a", day: 21)
        try repo.write("c.c", "int c;\nint cc;\nint ccc;\n")
        try repo.commit("feat: add c", day: 50, author: "Claude", email: "noreply@anthropic.com")
        _ = try repo.git(["revert", "--no-edit", "HEAD"], day: 51)
        _ = try repo.git(["checkout", "-q", "-b", "side"], day: 79)
        try repo.write("d.c", "int d;\n")
        try repo.commit("feat: add d", day: 79)
        _ = try repo.git(["checkout", "-q", "-"], day: 80)
        try repo.write("b.c", "int b;\nint bb;\nint bbb;\n")
        try repo.commit("feat: more b\n\nCo-authored-by: Claude <noreply@anthropic.com>", day: 80)
        _ = try repo.git(["merge", "-q", "--no-ff", "-m", "Merge branch side", "side"], day: 81)
        try repo.write(
            ".hindsight/lessons/ls-00000001.md",
            "---\nid: ls-00000001\nkind: note\nauthor: Ada\nby: person\ncreated: 2020-10-05T00:00:00Z\n"
                + "status: active\n---\n\nKeep a.c small.\n")
        try repo.write(
            ".hindsight/lessons/ls-00000002.md",
            "---\nid: ls-00000002\nkind: note\nauthor: Ada\nby: person\ncreated: 2020-11-02T00:00:00Z\n"
                + "status: retired\nretired: 2020-12-03T00:00:00Z\nretiredReason: c.c is gone\n---\n\nc.c is new.\n")
        try repo.commit("docs: two lessons", day: 82)
        return repo
    }

    static func health(_ repo: FixtureRepository, _ arguments: [String]) throws -> [String: Any] {
        let result = try ProcessRunner.run(
            HindsightBinary.url.path, ["health", "--format", "json", "--quiet"] + arguments, in: repo.root,
            environment: repo.environment(day: 90))
        #expect(result.status == 0, "\(result.error)")
        return try #require(try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any])
    }

    @Test func monthlyFiguresAreExact() throws {
        let repo = try Self.repository()
        let report = try Self.health(repo, ["--since", "2020-09-20"])
        let periods = try #require(report["periods"] as? [[String: Any]])
        func column(_ key: String) -> [Int] { periods.map { $0[key] as? Int ?? -1 } }
        #expect(periods.map { $0["period"] as? String } == ["2020-09", "2020-10", "2020-11", "2020-12"])
        #expect(column("commits") == [1, 2, 2, 3], "merges are not counted")
        #expect(column("authors") == [1, 2, 1, 1], "Claude is an agent, not an author")
        #expect(column("linesChanged") == [1, 4, 6, 2])
        #expect(column("fixes") == [0, 1, 0, 0])
        #expect(column("reverts") == [0, 0, 1, 0])
        // The fix removed `int a;`, which the first commit added (SZZ); the revert names `feat: add c`.
        #expect(column("fixInducing") == [1, 0, 1, 0])
        #expect(periods.allSatisfy { $0["provisional"] as? Bool == true }, "all younger than the 365-day grace")
        #expect(column("agentCommits") == [0, 0, 1, 1], "authored by an agent, or co-authored")
        #expect(column("lessonsAdded") == [0, 1, 1, 0])
        #expect(column("lessonsRetired") == [0, 0, 0, 1])
        #expect(periods.map { $0["partial"] as? Bool } == [false, false, false, true], "HEAD is on 2020-12-04")
        // Rework counts commits at least 21 days old (up to 2020-11-13): `int a;` was changed 21 days
        // after it was added, b.c's lines 60 days after (not rework), c.c deleted by its revert the next day.
        #expect(column("addedLines") == [1, 3, 3, 0])
        #expect(column("reworkedLines") == [1, 0, 3, 0])
        #expect(column("reworkCommits") == [1, 2, 1, 0], "the revert added no lines")
        #expect(column("reworkedCommits") == [1, 0, 1, 0])
        let groups = try #require(report["groups"] as? [String: Any])
        let people = try #require(groups["people"] as? [String: Any])
        let agents = try #require(groups["agents"] as? [String: Any])
        #expect(people["commits"] as? Int == 6 && people["fixInducing"] as? Int == 1)
        #expect(people["addedLines"] as? Int == 4 && people["reworkedLines"] as? Int == 1)
        #expect(agents["commits"] as? Int == 2 && agents["fixInducing"] as? Int == 1)
        #expect(agents["addedLines"] as? Int == 3 && agents["reworkedLines"] as? Int == 3)
        #expect(groups["verdict"] as? String == "no clear change")
        #expect(periods[1]["fixRatio"] as? Double == 0.5)
        let trends = try #require(report["trends"] as? [[String: Any]])
        #expect(trends.map { $0["verdict"] as? String } == Array(repeating: "no clear change", count: 6))
        #expect(trends.allSatisfy { $0["reason"] as? String == "needs 9 months of history, has 4" })
        #expect(trends.allSatisfy { $0["provisional"] as? Bool == false }, "no drop was held back")
    }

    /// Fix origins kept in the index give what a fresh trace gives: after a new fix, and when a later
    /// call asks for a window starting before the kept one.
    @Test func keptFixOriginsAnswerAsAFreshTraceDoes() throws {
        let repo = try Self.repository()
        let late = try Self.health(repo, ["--since", "2020-11-01"])
        #expect((late["periods"] as? [[String: Any]])?.map { $0["fixInducing"] as? Int } == [1, 0])
        let early = try Self.health(repo, ["--since", "2020-09-01"])
        #expect((early["periods"] as? [[String: Any]])?.map { $0["fixInducing"] as? Int } == [1, 0, 1, 0])
        try repo.write("b.c", "int b;\nint bb = 0;\nint bbb;\n")
        try repo.commit("fix: initialise bb", day: 85)
        let kept = try Self.health(repo, ["--since", "2020-09-01"])
        #expect((kept["periods"] as? [[String: Any]])?.map { $0["fixInducing"] as? Int } == [1, 1, 1, 0])
        let rebuilt = try ProcessRunner.run(
            HindsightBinary.url.path, ["mine", "--rebuild", "--quiet"], in: repo.root,
            environment: repo.environment(day: 90))
        #expect(rebuilt.status == 0)
        let fresh = try Self.health(repo, ["--since", "2020-09-01", "--no-mine"])
        #expect(NSDictionary(dictionary: fresh) == NSDictionary(dictionary: kept))
    }

    /// Added lines followed through later hunks: an insertion above shifts them, a change within
    /// 21 days reworks exactly the line it touches, week by week.
    @Test func reworkFollowsLinesThroughLaterHunks() throws {
        let repo = try FixtureRepository()
        try repo.write("f.c", "a1\na2\na3\n")
        try repo.commit("feat: a", day: 1)
        try repo.write("f.c", "b1\nb2\na1\na2\na3\n")
        try repo.commit("feat: b above a", day: 8)
        try repo.write("f.c", "b1\nb2\na1\nA2\na3\n")
        try repo.commit("feat: change a2", day: 15)
        try repo.write("f.c", "b1\na1\nA2\na3\n")
        try repo.commit("feat: drop b2", day: 22)
        try repo.write("g.c", "g\n")
        try repo.commit("feat: g", day: 60)
        let report = try Self.health(repo, ["--by", "week", "--since", "2020-09-14"])
        let periods = try #require(report["periods"] as? [[String: Any]])
        let weeks = Array(periods.prefix(4))
        #expect(weeks.map { $0["period"] as? String } == ["2020-09-14", "2020-09-21", "2020-09-28", "2020-10-05"])
        #expect(weeks.map { $0["addedLines"] as? Int } == [3, 2, 1, 0])
        #expect(weeks.map { $0["reworkedLines"] as? Int } == [1, 1, 0, 0])
        #expect(periods.last?["addedLines"] as? Int == 0, "g.c is younger than 21 days")
    }

    /// Repeated mistakes: a fix that changes the line a fix added ten days before (not one that waits
    /// longer, nor one changing another commit's line), and a revert of a revert.
    @Test func refixesAndRelandsAreCounted() throws {
        let repo = try FixtureRepository()
        try repo.write("f.c", "int a = 1;\nint b = 1;\n")
        try repo.commit("feat: f", day: 1)
        try repo.write("f.c", "int a = 2;\nint b = 1;\n")
        try repo.commit("fix: a is two", day: 20)
        try repo.write("f.c", "int a = 3;\nint b = 1;\n")
        try repo.commit("fix: a is three", day: 30)
        try repo.write("f.c", "int a = 3;\nint b = 2;\n")
        try repo.commit("fix: b is two", day: 32)
        try repo.write("f.c", "int a = 4;\nint b = 2;\n")
        try repo.commit("fix: a is four", day: 60)
        try repo.write("g.c", "int g;\n")
        try repo.commit("feat: g", day: 61)
        _ = try repo.git(["revert", "--no-edit", "HEAD"], day: 62)
        _ = try repo.git(["revert", "--no-edit", "HEAD"], day: 63)
        let report = try Self.health(repo, ["--since", "2020-09-01"])
        let periods = try #require(report["periods"] as? [[String: Any]])
        #expect(periods.map { $0["period"] as? String } == ["2020-09", "2020-10", "2020-11"])
        // Day 30 changes day 20's fix line (10 days); day 32 changes the first commit's line, day 60 waits 30 days.
        #expect(periods.map { $0["refixes"] as? Int } == [0, 1, 0])
        #expect(periods.map { $0["reverts"] as? Int } == [0, 0, 2])
        #expect(periods.map { $0["relands"] as? Int } == [0, 0, 1], "the second revert brings g.c back")
    }

    /// Repeated mistakes: lines a fix removed that come back to the same file within a year, through a
    /// rename; not comments, not another file, not a revert of the fix, not a year and more later.
    @Test func fixLinesAddedBackAreCounted() throws {
        let repo = try FixtureRepository()
        let lines = [
            "connection_close(conn, flags);", "// close the connection here", "release_buffer(buffer_pool);",
            "reset_counter(stats_block);", "log_state(machine_state);",
        ]
        try repo.write("f.c", (["int main(void) {"] + lines + ["}"]).joined(separator: "\n") + "\n")
        try repo.commit("feat: f", day: 1)
        try repo.write("f.c", "int main(void) {\nlog_state(machine_state);\n}\n")
        try repo.commit("fix: close nothing twice", day: 20)
        try repo.write(
            "f.c",
            "int main(void) {\nconnection_close(conn, flags);\n// close the connection here\nlog_state(machine_state);\n}\n"
        )
        try repo.write("h.c", "release_buffer(buffer_pool);\n")
        try repo.commit("feat: close again", day: 40)
        _ = try repo.git(["mv", "f.c", "g.c"], day: 45)
        try repo.commit("refactor: f.c is g.c", day: 45)
        try repo.write(
            "g.c",
            "int main(void) {\nconnection_close(conn, flags);\n// close the connection here\nrelease_buffer(buffer_pool);\nlog_state(machine_state);\n}\n"
        )
        try repo.commit("feat: release again", day: 50)
        try repo.write(
            "g.c",
            "int main(void) {\nconnection_close(conn, flags);\n// close the connection here\nrelease_buffer(buffer_pool);\n}\n"
        )
        try repo.commit("fix: no state log", day: 60)
        _ = try repo.git(["revert", "--no-edit", "HEAD"], day: 61)
        try repo.write(
            "g.c",
            "int main(void) {\nconnection_close(conn, flags);\n// close the connection here\nrelease_buffer(buffer_pool);\nlog_state(machine_state);\nreset_counter(stats_block);\n}\n"
        )
        try repo.commit("feat: count again", day: 400)
        for run in ["cold", "warm"] {
            let report = try Self.health(repo, ["--since", "2020-09-01"])
            let periods = try #require(report["periods"] as? [[String: Any]])
            var readds: [String: Int] = [:]
            var readdedLines: [String: Int] = [:]
            for period in periods {
                let label = try #require(period["period"] as? String)
                if let count = period["readds"] as? Int, count > 0 { readds[label] = count }
                if let count = period["readdedLines"] as? Int, count > 0 { readdedLines[label] = count }
            }
            // Day 40 brings back the closing call to f.c (its comment and h.c's line do not count); day 50
            // the release to g.c, once f.c; the revert on day 61 is a revert; day 400 is over a year late.
            #expect(readds == ["2020-10": 1, "2020-11": 1], "\(run)")
            #expect(readdedLines == ["2020-10": 1, "2020-11": 1], "\(run)")
        }
    }

    /// Found on express's history: a file deleted after a fix and created again at the same path is the
    /// same file to its people, so a line the fix removed coming back in it counts.
    @Test func aLineComingBackInAFileCreatedAgainCounts() throws {
        let repo = try FixtureRepository()
        try repo.write("x.c", "int main(void) {\nfree_all_nodes(tree_root);\n}\n")
        try repo.commit("feat: x", day: 1)
        try repo.write("x.c", "int main(void) {\n}\n")
        try repo.commit("fix: free nothing twice", day: 5)
        _ = try repo.git(["rm", "-q", "x.c"], day: 8)
        try repo.commit("refactor: no x", day: 8)
        try repo.write("x.c", "int main(void) {\nfree_all_nodes(tree_root);\n}\n")
        try repo.commit("feat: x again", day: 12)
        let periods = try #require(try Self.health(repo, ["--since", "2020-09-01"])["periods"] as? [[String: Any]])
        #expect(periods.map { $0["readds"] as? Int } == [1])
    }

    /// Found on git's history: reverting the merge of a branch re-adds what the branch's fix removed;
    /// that is a revert, counted as one, not a re-added fix line.
    @Test func aRevertedMergeIsARevertNotAReadd() throws {
        let repo = try FixtureRepository()
        try repo.write("x.c", "int main(void) {\nfree_all_nodes(tree_root);\n}\n")
        try repo.commit("feat: x", day: 1)
        _ = try repo.git(["checkout", "-q", "-b", "side"], day: 2)
        try repo.write("x.c", "int main(void) {\n}\n")
        try repo.commit("fix: free nothing twice", day: 3)
        _ = try repo.git(["checkout", "-q", "-"], day: 4)
        _ = try repo.git(["merge", "-q", "--no-ff", "-m", "Merge branch side", "side"], day: 4)
        _ = try repo.git(["revert", "--no-edit", "-m", "1", "HEAD"], day: 6)
        let periods = try #require(try Self.health(repo, ["--since", "2020-09-01"])["periods"] as? [[String: Any]])
        #expect(periods.map { $0["reverts"] as? Int } == [1])
        #expect(periods.map { $0["readds"] as? Int } == [0])
    }

    @Test func monthlyAndWeeklyCommitCountsEqualGitLog() throws {
        let repo = try Self.repository()
        for (granularity, format) in [("month", "%Y-%m"), ("week", "%G-%V")] {
            let report = try Self.health(repo, ["--by", granularity, "--since", "2020-09-01"])
            let periods = try #require(report["periods"] as? [[String: Any]])
            let counted = periods.compactMap { period -> (String, Int)? in
                guard let commits = period["commits"] as? Int, commits > 0, let start = period["start"] as? String
                else { return nil }
                return (start, commits)
            }
            let log = try repo.gitText(["log", "--no-merges", "--date=format-local:\(format)", "--format=%ad"])
            var expected: [String: Int] = [:]
            for line in log.split(separator: "\n") { expected[String(line), default: 0] += 1 }
            #expect(counted.map(\.1).reduce(0, +) == 8)
            #expect(counted.count == expected.count, "\(granularity): \(counted) against git's \(expected)")
            #expect(counted.map(\.1).sorted() == expected.values.sorted())
        }
    }

    @Test func tableAndMarkdownNameThePartialPeriodAndTheVerdictRule() throws {
        let repo = try Self.repository()
        for format in ["table", "markdown"] {
            let result = try ProcessRunner.run(
                HindsightBinary.url.path, ["health", "--format", format, "--since", "2020-09-01", "--quiet"],
                in: repo.root, environment: repo.environment(day: 90))
            #expect(result.status == 0)
            let text = result.output
            #expect(text.contains("2020-12 (so far)"), "\(format): \(text)")
            #expect(text.contains("the last 3 months against the 6 before"))
            #expect(text.contains("needs 9 months of history, has 4"))
        }
        let html = try ProcessRunner.run(
            HindsightBinary.url.path, ["health", "--since", "2020-09-01", "--output", "health.html"], in: repo.root,
            environment: repo.environment(day: 90))
        #expect(html.status == 0 && html.error.contains("wrote health.html"))
        let page = try String(contentsOf: repo.root.appendingPathComponent("health.html"), encoding: .utf8)
        #expect(page.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"))
        #expect(page.components(separatedBy: "<svg ").count - 1 == 6, "a chart per figure")
        #expect(page.contains("<polyline class=\"trend\""))
        #expect(page.contains("class=\"point provisional\""), "fix-inducing points younger than the grace are hollow")
        #expect(page.contains("<title>2020-10: 50.0%</title>"), "October's fix ratio in its tooltip")
        #expect(!page.contains("http://") && !page.contains("https://"), "nothing is fetched")
        let csv = try ProcessRunner.run(
            HindsightBinary.url.path, ["health", "--format", "csv", "--since", "2020-09-01", "--quiet"],
            in: repo.root, environment: repo.environment(day: 90)
        ).output
        let rows = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.count == 5)
        #expect(
            rows[2].hasPrefix(
                "2020-10,2020-10-01,2020-11-01,false,2,2,4,1,0.5000,0,0.0000,true,3,0,0.0000,0,0,0,0,0.0000,0,"),
            "\(rows)")
    }

    @Test func anUnknownOutputExtensionIsAUsageError() throws {
        let repo = try Self.repository()
        let result = try ProcessRunner.run(
            HindsightBinary.url.path, ["health", "--output", "health.pdf"], in: repo.root,
            environment: repo.environment(day: 90))
        #expect(result.status == 2)
        #expect(result.error.contains("cannot tell the format from 'health.pdf'"))
    }
}
