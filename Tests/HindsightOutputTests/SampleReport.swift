import HindsightCore

/// A small report whose history text is hostile: markup, pipes, quotes, newlines, CI commands.
enum SampleReport {
    static let now: Int64 = 1_767_225_600  // 2026-01-01T00:00:00Z
    static let day: Int64 = 86_400

    static func commit(_ hex: Character, daysAgo: Int64, subject: String, author: String = "Ada Lovelace") -> CommitRef
    {
        CommitRef(
            id: CommitID(trustedHex: String(repeating: hex, count: 40)), time: now - daysAgo * day,
            subject: subject, author: author)
    }

    static let hostileSubject = "fix: <script>alert('x')</script> | \"quoted\" & `ticks`\n::error::injected"
    static let hostilePath = RepoPath("src/<b>weird</b> |path|,\"q\".swift")

    static func make() -> StabilityReport {
        let fixA = commit("a", daysAgo: 40, subject: hostileSubject, author: "Mallory <img src=x>")
        let fixB = commit("b", daysAgo: 30, subject: "fix: off by one in parser")
        let revert = commit("c", daysAgo: 20, subject: "Revert \"feat: faster parser\"")
        var settings = AnalysisSettings(now: now)
        settings.since = nil
        let hot = FileReport(
            path: hostilePath, commits: 12, linesAdded: 340, linesDeleted: 120, recentChurn: 210.5,
            firstSeen: now - 400 * day, lastChanged: now - 20 * day, daysWithChanges: 11,
            authors: [
                AuthorShare(name: "Mallory <img src=x>", email: "m@example.com", commits: 8, share: 8.0 / 12),
                AuthorShare(name: "Ada Lovelace", email: "ada@example.com", commits: 4, share: 4.0 / 12),
            ],
            agentCommits: 2, fixCommits: 2, bugScore: 1.73, reverts: 1,
            coupling: [
                CouplingPartner(path: RepoPath("Tests/ParserTests.swift"), degree: 66, shared: 6, partnerCommits: 6)
            ],
            classification: Classification(
                .hotspot, reason: "recent churn 210.5 lines, top 10% (≥ 120.0); bug score 1.73, top 25% (≥ 0.50)"))
        let stable = FileReport(
            path: RepoPath("README.md"), commits: 3, linesAdded: 50, linesDeleted: 5, recentChurn: 0.4,
            firstSeen: now - 900 * day, lastChanged: now - 412 * day, daysWithChanges: 3,
            authors: [AuthorShare(name: "Ada Lovelace", email: "ada@example.com", commits: 3, share: 1)],
            fixCommits: 0, bugScore: 0, reverts: 0, coupling: [],
            classification: Classification(
                .stable, reason: "unchanged for 412 days (stable after 180), 3 commits in 2.5 years"))
        let summary = RepositorySummary(
            tip: CommitID(trustedHex: String(repeating: "d", count: 40)), asOf: now, commits: 15, merges: 1,
            files: 2, deletedFiles: 0, authors: 2, firstCommit: now - 900 * day, lastCommit: now - 20 * day,
            commitsPerWeek: 0.12, fixCommits: 2, reverts: 1, agentCommits: 2, churn: 515, isShallow: false)
        let directory = DirectoryReport(
            path: RepoPath("src"), files: 1, commits: 12, linesAdded: 340, linesDeleted: 120, recentChurn: 210.5,
            fixCommits: 2, bugScore: 1.73, authors: hot.authors, classCounts: [.hotspot: 1], lastChanged: now - 20 * day
        )
        let region = FixRegion(
            startLine: 10, endLine: 14, fixes: [fixA, fixB],
            fixOnFix: [FixOnFix(first: fixA, second: fixB, days: 10)])
        return StabilityReport(
            summary: summary, settings: settings, files: [hot, stable], omittedFiles: 0, directories: [directory],
            recurringFixes: [RecurringFixFile(path: hostilePath, fixes: [fixA, fixB], regions: [region])],
            reverts: [
                RevertRecord(
                    revert: revert, revertedID: CommitID(trustedHex: String(repeating: "e", count: 40)),
                    reverted: nil, isReland: false, files: [hostilePath])
            ],
            weeks: [
                WeekActivity(start: now - 42 * day, commits: 3, fixes: 1, churn: 200),
                WeekActivity(start: now - 35 * day, commits: 0, fixes: 0, churn: 0),
                WeekActivity(start: now - 28 * day, commits: 2, fixes: 1, churn: 90),
            ], recognisedTrees: recognisedTrees)
    }

    /// A vendored tree whose path is hostile too, and a fixture tree no commit in the window touched.
    static let recognisedTrees = [
        RecognisedTreeReport(
            tree: RecognisedTree(
                path: RepoPath("tests/resources"), kind: .fixture,
                reason: "`resources` under the test directory `tests`", files: 12_769),
            commits: 0, lastChanged: nil),
        RecognisedTreeReport(
            tree: RecognisedTree(
                path: RepoPath("deps/<i>zlib</i>|x"), kind: .vendored,
                reason: "own license deps/<i>zlib</i>|x/LICENSE, arrived in bulk (16 of 22 files in 1 commit)",
                files: 22),
            commits: 27, lastChanged: now - 100 * day),
    ]
}
