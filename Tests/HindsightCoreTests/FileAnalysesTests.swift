import Foundation
import Testing

@testable import HindsightCore

@Suite struct FileAnalysesTests {
    @Test func activityWeighsChurnByRecency() throws {
        var history = SnapshotBuilder()
        history.commit("add", day: 0, changes: [(.added, "a.c", 30, 0)])
        history.commit("edit", day: 90, changes: [(.modified, "a.c", 6, 4)])
        history.commit("edit again", day: 90.05, changes: [(.modified, "a.c", 1, 1)])
        let input = history.input(now: 180)
        let activity = fileActivity(of: try #require(input.files.first), in: input)
        #expect(activity.commits == [0, 1, 2])
        #expect(activity.linesAdded == 37 && activity.linesDeleted == 5)
        // 30 lines two half-lives ago, 10 lines one half-life ago, 2 lines just under one (same day).
        let expected = 30 * 0.25 + 10 * 0.5 + 2 * exp2(-89.95 / 90)
        #expect(abs(activity.recentChurn - expected) < 1e-9)
        #expect(activity.firstSeen == SnapshotBuilder.time(0) && activity.lastChanged == SnapshotBuilder.time(90.05))
        #expect(activity.daysWithChanges == 2)
    }

    @Test func ownersExcludeBotsAndAgents() throws {
        var history = SnapshotBuilder()
        history.commit("add", day: 0, author: "Ada", changes: [(.added, "a.c", 1, 0)])
        history.commit("edit", day: 1, author: "Ada", changes: [(.modified, "a.c", 1, 0)])
        history.commit("edit", day: 2, author: "Grace", changes: [(.modified, "a.c", 1, 0)])
        history.commit("bump", day: 3, author: "dependabot[bot]", changes: [(.modified, "a.c", 1, 0)])
        history.commit(
            "agent", day: 4, author: "Ada", changes: [(.modified, "a.c", 1, 0)],
            coAuthors: [Person(name: "Claude", email: "noreply@anthropic.com")])
        let input = history.input(now: 5)
        let shares = authorShares(of: [0, 1, 2, 3, 4], in: input)
        #expect(shares.authors.map(\.name) == ["Ada", "Grace"])
        #expect(shares.authors.map(\.commits) == [3, 1])
        #expect(shares.authors[0].share == 0.75)
        #expect(shares.agentCommits == 1)
    }

    @Test func bugScoreWeighsRecentFixesAlmostFully() throws {
        var history = SnapshotBuilder()
        history.commit("add", day: 0, changes: [(.added, "a.c", 10, 0)])
        history.commit("fix: first", day: 10, changes: [(.modified, "a.c", 1, 1)])
        history.commit("feat: more", day: 20, changes: [(.modified, "a.c", 1, 1)])
        history.commit("fix: second", day: 60, changes: [(.modified, "a.c", 1, 1)])
        let input = history.input(now: 110)
        let clock = try #require(BugScoreClock(input: input))
        let score = bugScore(of: [0, 1, 2, 3], in: input, clock: clock)
        #expect(score.fixes == [1, 3])
        // t = 0 for the first fix, t = 0.5 for the second (day 60 of 10…110).
        let expected = 1 / (1 + exp(12.0)) + 1 / (1 + exp(6.0))
        #expect(abs(score.score - expected) < 1e-12)
    }

    @Test func couplingFollowsCodeMaat() throws {
        var history = SnapshotBuilder()
        for day in 0..<6 {
            history.commit(
                "both \(day)", day: Double(day), changes: [(.modified, "a.c", 1, 0), (.modified, "b.c", 1, 0)])
        }
        for day in 6..<10 { history.commit("a alone \(day)", day: Double(day), changes: [(.modified, "a.c", 1, 0)]) }
        history.commit("c twice", day: 10, changes: [(.modified, "a.c", 1, 0), (.modified, "c.c", 1, 0)])
        let mass =
            (0..<31).map { (ChangeStatus.modified, "gen/\($0).c", 1, 0) } + [
                (.modified, "a.c", 1, 0), (.modified, "b.c", 1, 0),
            ]
        history.commit("mass edit", day: 11, changes: mass)
        let input = history.input(now: 12)
        let partners = coupling(in: input)
        let a = try #require(input.files.firstIndex { $0.path == RepoPath("a.c") })
        let b = try #require(input.files.firstIndex { $0.path == RepoPath("b.c") })
        // a: 11 commits (mass edit skipped), b: 6, shared 6 → 100·6/8.5 = 70.
        #expect(partners[a] == [CouplingPartner(path: RepoPath("b.c"), degree: 70, shared: 6, partnerCommits: 6)])
        #expect(partners[b] == [CouplingPartner(path: RepoPath("a.c"), degree: 70, shared: 6, partnerCommits: 11)])
    }

    @Test func classesFollowTheRepositorysDistribution() {
        let now = SnapshotBuilder.time(1000)
        func figures(commits: Int, churn: Double, bug: Double, first: Double, last: Double) -> ClassFigures {
            ClassFigures(
                commits: commits, recentChurn: churn, bugScore: bug, fixCommits: bug > 0 ? 2 : 0,
                firstSeen: SnapshotBuilder.time(first), lastChanged: SnapshotBuilder.time(last))
        }
        var files = [
            figures(commits: 3, churn: 0.1, bug: 0, first: 0, last: 500),  // unchanged 500 days
            figures(commits: 2, churn: 50, bug: 0, first: 990, last: 995),  // first seen 10 days ago
            figures(commits: 40, churn: 900, bug: 3, first: 0, last: 999),  // top churn, top bugs
            figures(commits: 30, churn: 800, bug: 0.1, first: 0, last: 999),
        ]
        files += (0..<16).map { _ in figures(commits: 10, churn: 20, bug: 0.2, first: 0, last: 980) }
        let classes = classify(files, now: now, thresholds: ClassThresholds())
        #expect(classes.map(\.fileClass).prefix(4) == [.stable, .new, .hotspot, .churning])
        #expect(classes[4].fileClass == .active)
        #expect(classes[0].reason == "stable: unchanged for 500 days (stable after 180), 3 commits in 2.7 years")
        #expect(
            classes[2].reason.hasPrefix(
                "hotspot: recent churn 900.0 lines, top 10% (≥ 50.0); bug score 3.00 from 2 fix commits, top 25% of files with fixes (≥ 0.20)"
            ))
    }

    /// A busy file with a high bug score is a hotspot only with evidence: 3 commits and 2 fixes by
    /// default (a test file changed in one big fix commit is not), both configurable.
    @Test(arguments: [
        (3, 2, ClassThresholds(), FileClass.hotspot), (2, 2, ClassThresholds(), .churning),
        (9, 1, ClassThresholds(), .churning),
        (
            9, 1,
            {
                var loose = ClassThresholds()
                loose.hotspotMinFixes = 1
                return loose
            }(), .hotspot
        ),
        (
            3, 2,
            {
                var strict = ClassThresholds()
                strict.hotspotMinCommits = 4
                return strict
            }(), .churning
        ),
    ])
    func hotspotsNeedCommitsAndFixesAsEvidence(
        commits: Int, fixes: Int, thresholds: ClassThresholds, expected: FileClass
    ) {
        let now = SnapshotBuilder.time(1000)
        let busy = ClassFigures(
            commits: commits, recentChurn: 900, bugScore: 3, fixCommits: fixes, firstSeen: SnapshotBuilder.time(0),
            lastChanged: SnapshotBuilder.time(999))
        let others = (0..<19).map { _ in
            ClassFigures(
                commits: 10, recentChurn: 20, bugScore: 0.2, fixCommits: 2, firstSeen: SnapshotBuilder.time(0),
                lastChanged: SnapshotBuilder.time(980))
        }
        #expect(classify([busy] + others, now: now, thresholds: thresholds).first?.fileClass == expected)
    }

    @Test func percentilesAreNearestRank() {
        #expect(percentile([5, 1, 4, 2, 3], 90) == 5)
        #expect(percentile([5, 1, 4, 2, 3], 50) == 3)
        #expect(percentile([], 50) == nil)
    }
}
