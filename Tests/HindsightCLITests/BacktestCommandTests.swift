import Foundation
import HindsightTestSupport
import Testing

/// End to end: `hindsight backtest` on a history where the answer is known line by line.
@Suite struct BacktestCommandTests {
    static let dangerous = "    strcpy(buffer, user_input);"
    static let unsafeCopy = "    memcpy(destination, source, length + 1);"

    /// Before the cut, a fix removes `dangerous`. After it: a commit re-adds it (fix-inducing, as a
    /// later fix removes it again); a near miss adds another line to the same file; a fix removes
    /// `unsafeCopy`, which a later commit re-adds; only a guard that learned from after the cut
    /// could flag that one.
    /// `padding` commits of notes come first, so the default cut (80% of the history) can fall on the cut.
    static func history(
        padding: Int = 0
    ) throws -> (repo: FixtureRepository, cut: String, reintroducing: String, bringsBack: String) {
        let repo = try FixtureRepository()
        for note in 0..<padding {
            try repo.write("notes/\(note).md", "note \(note)\n")
            try repo.commit("docs: note \(note)", day: 0)
        }
        let copy = { (body: String) in "void copy(char *user_input) {\n    char buffer[16];\n\(body)}\n" }
        let other = { (body: String) in "void move(char *destination, char *source, int length) {\n\(body)}\n" }
        try repo.write("src/copy.c", copy("\(dangerous)\n"))
        try repo.write("src/move.c", other("\(unsafeCopy)\n"))
        try repo.commit("feat: copy and move", day: 0)
        try repo.write("src/copy.c", copy("    strlcpy(buffer, user_input, sizeof buffer);\n"))
        try repo.commit("fix: buffer overflow in copy", day: 1)
        try repo.write("README.md", "copy and move\n")
        let cut = try repo.commit("docs: say what it does", day: 2)
        try repo.write("src/copy.c", copy("\(dangerous)\n"))
        let reintroducing = try repo.commit("perf: copy without the length check", day: 3)
        try repo.write("src/copy.c", copy("\(dangerous)\n    copies += 1;\n"))
        try repo.commit("feat: count copies", day: 4)
        try repo.write("src/copy.c", copy("    strlcpy(buffer, user_input, sizeof buffer);\n    copies += 1;\n"))
        try repo.commit("fix: buffer overflow in copy, again", day: 5)
        try repo.write("src/move.c", other("    memmove(destination, source, length);\n"))
        try repo.commit("fix: move wrote one byte too many", day: 6)
        try repo.write("src/move.c", other("\(unsafeCopy)\n"))
        let bringsBack = try repo.commit("perf: back to memcpy", day: 7)
        return (repo, cut, reintroducing, bringsBack)
    }

    static func backtest(_ repo: FixtureRepository, _ arguments: [String]) throws -> [String: Any] {
        let run = try HindsightBinary.run(
            ["backtest", "--format", "json", "--grace", "0"] + arguments, in: repo.root, environment: repo.environment()
        )
        #expect(run.status == 0, "\(run.error)")
        return try #require(try JSONSerialization.jsonObject(with: run.standardOutput) as? [String: Any])
    }

    static func kind(_ name: String, in json: [String: Any]) -> [String: Any] {
        (json["kinds"] as? [[String: Any]] ?? []).first { $0["kind"] as? String == name } ?? [:]
    }

    @Test func aReintroducedLineIsFixInducingBySZZAndFlaggedByItsGuard() throws {
        let (repo, cut, reintroducing, _) = try Self.history()
        let json = try Self.backtest(repo, ["--cut", cut])
        #expect((json["window"] as? [String: Any])?["commits"] as? Int == 5)
        #expect(json["guardsAtCut"] as? Int == 1)
        let fixInducing = json["fixInducingCommits"] as? [[String: Any]] ?? []
        #expect(fixInducing.map { $0["commit"] as? String } == [reintroducing])
        #expect(fixInducing.first?["sources"] as? [String] == ["szz"])
        #expect((json["groundTruth"] as? [String: Any])?["szz"] as? Int == 1)
        // One commit flagged and it is the fix-inducing one: the near miss and the later commits are not.
        let guardKind = Self.kind("reintroduced-fix", in: json)
        #expect(guardKind["flagged"] as? Int == 1)
        #expect(guardKind["hits"] as? Int == 1)
        #expect(guardKind["recall"] as? Double == 1)
        #expect(guardKind["precision"] as? Double == 1)
        #expect(guardKind["lift"] as? Double == 5, "precision 1 over a base rate of 1 in 5")
        #expect((json["guards"] as? [[String: Any]])?.count == 1)
    }

    @Test func nothingAfterTheCutLeaksIntoTheGuards() throws {
        let (repo, cut, _, bringsBack) = try Self.history()
        let once = try Self.backtest(repo, ["--cut", cut])
        #expect(Self.kind("reintroduced-fix", in: once)["flagged"] as? Int == 1, "the fix after the cut taught nothing")
        // Re-mined before every replayed commit, the guards learn from that fix in time to flag the
        // commit that brings the line back: the same fixture proves the single mining saw none of it.
        let refreshed = try Self.backtest(repo, ["--cut", cut, "--refresh", "1"])
        #expect(Self.kind("reintroduced-fix", in: refreshed)["flagged"] as? Int == 2)
        #expect(refreshed["refreshEvery"] as? Int == 1)
        #expect(
            (refreshed["settings"] as? [String: String])?["refresh"]
                == "every 1 commits (risky-change: learned once, at the cut)")
        #expect(!bringsBack.isEmpty)
    }

    @Test func theTableNamesTheCutTheSourcesAndTheBaselines() throws {
        let (repo, cut, _, _) = try Self.history()
        let run = try HindsightBinary.run(
            ["backtest", "--cut", cut, "--grace", "0"], in: repo.root, environment: repo.environment())
        #expect(run.status == 0, "\(run.error)")
        #expect(
            run.output.contains(
                "Guards mined from history up to \(cut.prefix(10)) (2020-09-15) only, 1 at the cut; replayed 5 commits after it, mined once."
            ))
        #expect(
            run.output.contains(
                "Fix-inducing: 1 of 5 (20.0% base rate) — 0 named by a Fixes: trailer, 0 reverted, 1 by SZZ"))
        #expect(run.output.contains("Too small to judge: 5 commits replayed, 1 of them fix-inducing,"))
        #expect(run.error.contains("warning: the window is too small to judge the guards"), "\(run.error)")
        for name in ["random", "most-added-lines", "top-bug-score-files", "all guards", "Settings: grace 0 days"] {
            #expect(run.output.contains(name), "\(name)")
        }
    }

    @Test func theGracePeriodEndsTheWindowEarlyAndSaysSo() throws {
        let (repo, cut, _, _) = try Self.history()
        let json = try HindsightBinary.run(
            ["backtest", "--cut", cut, "--grace", "3", "--format", "json"], in: repo.root,
            environment: repo.environment())
        let parsed = try #require(try JSONSerialization.jsonObject(with: json.standardOutput) as? [String: Any])
        let window = try #require(parsed["window"] as? [String: Any])
        #expect(window["commits"] as? Int == 2, "days 3 and 4 had three days before day 7")
        #expect(window["leftForGrace"] as? Int == 3)
        let empty = try HindsightBinary.run(["backtest", "--cut", cut], in: repo.root, environment: repo.environment())
        #expect(empty.status == 0)
        #expect(empty.error.contains("no commit after the cut had 365 days for its fix to appear"))
    }

    @Test func aDateCutsBeforeThatDay() throws {
        let (repo, cut, _, _) = try Self.history()
        let json = try Self.backtest(repo, ["--cut", "2020-09-16"])
        #expect(
            (json["cut"] as? [String: Any])?["commit"] as? String == cut, "the last commit before 2020-09-16 is day 2's"
        )
        #expect((json["window"] as? [String: Any])?["commits"] as? Int == 5)
    }

    /// A branch forked on day 0 with a fix on day 2 (removing `dangerous`), merged on day 12; the
    /// mainline has commits on days 3 and 10; a commit authored on day 1 lands on day 13 (rebased);
    /// on day 14 `dangerous` comes back. Index order puts the branch's early commits before the
    /// mainline's day 3, so "the last commit in index order before the date" was the wrong cut.
    static func lateMerge() throws -> (repo: FixtureRepository, mainline: String, sideFix: String) {
        let repo = try FixtureRepository()
        let copy = { (body: String) in "void copy(char *user_input) {\n    char buffer[16];\n\(body)}\n" }
        try repo.write("src/copy.c", copy("\(dangerous)\n"))
        try repo.commit("feat: copy", day: 0)
        try repo.git(["checkout", "-q", "-b", "side"])
        try repo.write("src/copy.c", copy("    strlcpy(buffer, user_input, sizeof buffer);\n"))
        let sideFix = try repo.commit("fix: buffer overflow in copy", day: 2)
        try repo.git(["checkout", "-q", "main"])
        try repo.write("README.md", "copy\n")
        let mainline = try repo.commit("docs: readme", day: 3)
        try repo.write("notes.md", "notes\n")
        try repo.commit("docs: notes", day: 10)
        try repo.git(["merge", "-q", "--no-ff", "-m", "Merge branch 'side'", "side"], day: 12)
        try repo.write("NEWS.md", "news\n")
        try repo.commit("docs: news, rebased", day: 13, authorDay: 1)
        try repo.write("src/copy.c", copy("\(dangerous)\n"))
        try repo.commit("perf: copy without the length check", day: 14)
        return (repo, mainline, sideFix)
    }

    @Test func aDateIsTheMainlineThatDayAndTheGuardsLearnFromItsHistoryOnly() throws {
        let (repo, mainline, _) = try Self.lateMerge()
        // 2020-09-20 is day 6.5: the mainline then was day 3's commit, whatever the index order or
        // the rebased commit's day-1 author date say.
        let json = try Self.backtest(repo, ["--cut", "2020-09-20"])
        #expect((json["cut"] as? [String: Any])?["commit"] as? String == mainline)
        #expect(
            (json["window"] as? [String: Any])?["commits"] as? Int == 4,
            "the branch's fix, day 10, the rebased commit and day 14: what landed after the cut")
        #expect(json["guardsAtCut"] as? Int == 0, "the branch's fix had not landed at the cut")
        let truthCommits = (json["fixInducingCommits"] as? [[String: Any]] ?? []).count
        #expect(truthCommits == 0, "no fix after the window removed a line it added")
    }

    @Test func aCutOnABranchMergedLaterIsAUsageError() throws {
        let (repo, _, sideFix) = try Self.lateMerge()
        let onBranch = try HindsightBinary.run(
            ["backtest", "--cut", sideFix, "--until", "HEAD~3"], in: repo.root, environment: repo.environment())
        #expect(onBranch.status == 2)
        #expect(onBranch.error.contains("is not in the history of --until"), "\(onBranch.error)")
    }

    @Test func aBadCutIsAUsageError() throws {
        let (repo, cut, _, _) = try Self.history()
        let unknown = try HindsightBinary.run(
            ["backtest", "--cut", "no-such-ref"], in: repo.root, environment: repo.environment())
        #expect(unknown.status == 2)
        #expect(unknown.error.contains("--cut takes a commit or a date like 2024-01-31, and 'no-such-ref' is neither"))
        let late = try HindsightBinary.run(
            ["backtest", "--cut", "HEAD", "--until", cut], in: repo.root, environment: repo.environment())
        #expect(late.status == 2)
        #expect(late.error.contains("must come before --until"))
        let refresh = try HindsightBinary.run(
            ["backtest", "--refresh", "0"], in: repo.root, environment: repo.environment())
        #expect(refresh.status == 2)
    }

    @Test func guardsMineRecordsEachKindsScoreAndProposesKindsThatDoNotPayAtNotice() throws {
        // 17 notes and 8 commits: the default cut, at 80% of 25 commits, is the scenario's cut.
        let (repo, cut, _, _) = try Self.history(padding: 17)
        try repo.write(".hindsight.yml", "backtest:\n  grace: 0\n")
        let small = try HindsightBinary.run(["guards", "mine"], in: repo.root, environment: repo.environment())
        #expect(small.status == 0, "\(small.error)")
        #expect(
            small.output.contains(
                "backtest: too small to judge (5 commits replayed, 1 of them fix-inducing, where at least 100 and 10 are needed for the figures to be evidence), so the record is unchanged and no kind is demoted"
            ), "\(small.output)")
        let unrecorded = try String(
            contentsOf: repo.root.appendingPathComponent(".hindsight/guards.yml"), encoding: .utf8)
        #expect(!unrecorded.contains("backtest:\n  cut:"), "a window this small records nothing")
        // A budget of every commit: this test is about the lift; the budget has its own below.
        try repo.write(
            ".hindsight.yml", "backtest:\n  grace: 0\n  minCommits: 5\n  minFixInducing: 1\nguards:\n  alarmBudget: 1\n"
        )
        let mined = try HindsightBinary.run(["guards", "mine"], in: repo.root, environment: repo.environment())
        #expect(mined.status == 0, "\(mined.error)")
        #expect(mined.output.contains("backtest: 5 commits replayed, 1 later needed a fix;"))
        let file = try String(contentsOf: repo.root.appendingPathComponent(".hindsight/guards.yml"), encoding: .utf8)
        #expect(file.contains("backtest:\n  cut: \(cut)\n"))
        #expect(file.contains("    reintroduced-fix:\n      flagged: 1\n      hits: 1\n"))
        #expect(file.contains("    severity: warning\n"), "lift 5 pays: the default severity stays")
        #expect(file.contains("    backtest:\n      flagged: 1\n      hits: 1\n"), "the guard's own tally")

        let list = try HindsightBinary.run(["guards", "list"], in: repo.root, environment: repo.environment())
        #expect(list.output.contains("Backtest lift over random (5 commits after \(cut.prefix(7))): "))
        #expect(list.output.contains("reintroduced-fix 5.00"))
        let json = try HindsightBinary.run(
            ["guards", "list", "--format", "json"], in: repo.root, environment: repo.environment())
        let parsed = try #require(try JSONSerialization.jsonObject(with: json.standardOutput) as? [String: Any])
        let id = try #require((parsed["guards"] as? [[String: Any]])?.first?["id"] as? String)
        #expect(((parsed["guards"] as? [[String: Any]])?.first?["backtest"] as? [String: Any])?["hits"] as? Int == 1)
        let explain = try HindsightBinary.run(
            ["guards", "explain", id], in: repo.root, environment: repo.environment())
        #expect(explain.output.contains("Backtest (5 commits after \(cut.prefix(7)), 1 of which later needed a fix):"))
        #expect(explain.output.contains("this guard flagged 1, 1 of which needed a fix (lift 5.00)."))

        try repo.write(
            ".hindsight.yml",
            "backtest:\n  grace: 0\n  liftThreshold: 10\n  minCommits: 5\n  minFixInducing: 1\nguards:\n  alarmBudget: 1\n"
        )
        let strict = try HindsightBinary.run(["guards", "mine"], in: repo.root, environment: repo.environment())
        let note = try #require(strict.output.split(separator: "\n").first { $0.hasPrefix("backtest:") })
        #expect(
            note.contains("below lift 10.0, so proposed at notice: ") && note.contains("reintroduced-fix"), "\(note)")
        let demoted = try String(contentsOf: repo.root.appendingPathComponent(".hindsight/guards.yml"), encoding: .utf8)
        #expect(demoted.contains("    severity: notice\n"))
        #expect(demoted.contains("  liftThreshold: 10.0\n"))
    }
}
