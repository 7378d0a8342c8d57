import Testing

@testable import HindsightCore

/// The agent context of small hand-built histories: every list exact.
@Suite struct AgentContextTests {
    /// docs/ settled long ago; src/io.c tried and reverted (with a reason); src/net.c tried, reverted
    /// and re-landed; src/parser.c and src/parser.h change together; one file deleted after its revert.
    static func history() -> (SnapshotBuilder, [String: CommitID]) {
        var builder = SnapshotBuilder()
        var ids: [String: CommitID] = [:]
        builder.commit(
            "docs: guide", day: 0, changes: [(.added, "docs/guide.md", 10, 0), (.added, "docs/faq.md", 5, 0)])
        builder.commit("chore: old file", day: 1, changes: [(.added, "src/gone.c", 3, 0)])
        for day in 0..<6 {
            builder.commit(
                "feat: parser step \(day)", day: 300 + Double(day), author: day % 2 == 0 ? "Ada" : "Bob",
                changes: [(.modified, "src/parser.c", 4, 1), (.modified, "src/parser.h", 1, 1)])
        }
        ids["io"] = builder.commit(
            "feat: mmap the input", day: 310,
            changes: [(.modified, "src/io.c", 20, 2), (.modified, "src/gone.c", 1, 0)])
        ids["ioRevert"] = builder.commit(
            "Revert \"feat: mmap the input\"", day: 311,
            changes: [(.modified, "src/io.c", 2, 20), (.modified, "src/gone.c", 0, 1)],
            revert: ids["io"],
            body:
                "This reverts commit \(ids["io"]?.hex ?? "").\n\nIt crashes on 32-bit\nhosts.\n\nSigned-off-by: Bob <bob@example.com>\n"
        )
        ids["net"] = builder.commit("feat: retry sockets", day: 312, changes: [(.modified, "src/net.c", 5, 0)])
        ids["netRevert"] = builder.commit(
            "Revert \"feat: retry sockets\"", day: 313, changes: [(.modified, "src/net.c", 0, 5)], revert: ids["net"])
        ids["netReland"] = builder.commit(
            "Reland \"feat: retry sockets\"", day: 314, changes: [(.modified, "src/net.c", 5, 0)],
            revert: ids["netRevert"])
        builder.commit("chore: drop gone.c", day: 315, changes: [(.deleted, "src/gone.c", 0, 4)])
        return (builder, ids)
    }

    static func context(now: Double = 320) -> (AgentContext, [String: CommitID]) {
        let (builder, ids) = history()
        let input = builder.input(now: now)
        let accepted = Guard(
            kind: "reintroduced-fix", status: .accepted, severity: .error, scope: [RepoPath("src/io.c")],
            match: "mmap(fd);", message: "m", action: "a", evidence: [])
        let proposed = Guard(
            kind: "reintroduced-fix", severity: .warning, scope: [RepoPath("src/io.c")],
            match: "other();", message: "m", action: "a", evidence: [])
        let context = agentContext(
            input: input, report: stabilityReport(from: input), facts: fileFacts(in: input),
            guards: [accepted, proposed])
        return (context, ids)
    }

    @Test func revertedAttemptsNotRelandedWithTheirReasonAndLiveFiles() throws {
        let (context, ids) = Self.context()
        #expect(context.doNotRetry.count == 1)
        let attempt = try #require(context.doNotRetry.first)
        #expect(attempt.attempt?.id == ids["io"])
        #expect(attempt.revert.id == ids["ioRevert"])
        #expect(attempt.reason == "It crashes on 32-bit hosts.")
        #expect(attempt.files == [RepoPath("src/io.c")])
    }

    /// A file whose recurring-fix region was last fixed long ago has settled: it is fix-prone only
    /// while a fix of the region falls in the recent-fix window (3 years), unless it is a hotspot.
    @Test func aRegionFixedLongAgoMakesNoFixProneFile() {
        var builder = SnapshotBuilder()
        builder.commit("feat: add", day: 0, changes: [(.added, "src/old.c", 40, 0)])
        for day in [10.0, 20.0] {
            builder.commit(
                "fix: off by one", day: day, changes: [(.modified, "src/old.c", 2, 2)],
                hunks: ["src/old.c": [Hunk(oldStart: 5, oldLines: 2, newStart: 5, newLines: 2)]])
        }
        func fixProne(now: Double) -> [RepoPath] {
            let input = builder.input(now: now) { $0.classes.hotspotMinFixes = 10 }
            let context = agentContext(
                input: input, report: stabilityReport(from: input), facts: fileFacts(in: input), guards: [])
            return context.fixProne.map(\.path)
        }
        #expect(fixProne(now: 400) == [RepoPath("src/old.c")])
        #expect(fixProne(now: 2_000).isEmpty, "its last fix is more than 3 years old")
    }

    @Test func onlyAcceptedGuardsAndTheTipAsHead() {
        let (context, _) = Self.context()
        #expect(context.guards.map(\.match) == ["mmap(fd);"])
        #expect(context.head == Self.history().0.snapshot.tip)
    }

    @Test func aSettledDirectoryIsOneAreaAndEachPairIsListedOnce() {
        let (context, _) = Self.context(now: 400)
        #expect(context.stableAreas.map(\.path) == [RepoPath("docs")])
        #expect(context.stableAreas.first?.isDirectory == true)
        #expect(context.stableAreas.first?.files == 2)
        #expect(context.stableAreas.first?.daysUnchanged == 400)
        #expect(
            context.coChanges.map(\.path) == [RepoPath("src/parser.c")]
                || context.coChanges.map(\.path) == [RepoPath("src/parser.h")])
        #expect(context.coChanges.first?.partners.count == 1)
        #expect(context.coChanges.first?.partners.first?.shared == 6)
    }

    @Test func activeAreasCountCommitsInTheWindowPerDirectory() {
        let (context, _) = Self.context(now: 320)
        // Days 300..315 fall in the last 30 days; the docs commit on day 0 does not.
        #expect(context.activeAreas.map(\.directory) == [RepoPath("src")])
        #expect(context.activeAreas.first?.commits == 12)
        #expect(context.activeAreas.first?.authors == ["Ada", "Bob"])
        #expect(context.activeAreas.first?.latest.subject == "chore: drop gone.c")
    }

    /// A directory whose last files a recent commit deleted was busy, but the tip lacks it.
    @Test func aDeletedDirectoryIsNoActiveArea() {
        var builder = SnapshotBuilder()
        builder.commit("feat: old", day: 0, changes: [(.added, "old/a.c", 3, 0), (.added, "src/b.c", 3, 0)])
        builder.commit("feat: b", day: 95, changes: [(.modified, "src/b.c", 1, 1)])
        builder.commit("chore: drop old/", day: 96, changes: [(.deleted, "old/a.c", 0, 3)])
        let input = builder.input(now: 100)
        let context = agentContext(
            input: input, report: stabilityReport(from: input), facts: fileFacts(in: input), guards: [])
        #expect(context.activeAreas.map(\.directory) == [RepoPath("src")])
    }

    @Test func areasSplitTheFactsByDirectory() {
        let (context, _) = Self.context(now: 400)
        let areas = contextAreas(of: context)
        #expect(areas.map(\.directory) == [RepoPath("docs"), RepoPath("src")])
        #expect(areas.first?.facts.stableAreas.count == 1)
        #expect(areas.last?.facts.doNotRetry.count == 1)
        #expect(areas.last?.facts.guards.count == 1)
    }

    /// This repository's own context listed "when you change .claude/rules/hindsight-hooks.md, also
    /// check AGENTS.md": files one refresh writes together are no coupling to act on.
    @Test func filesHindsightWritesAreNeverCoChangePartners() {
        let commit = CommitRef(
            id: CommitID(trustedHex: String(repeating: "a", count: 40)), time: 0, subject: "x", author: "Ada")
        func facts(_ path: String, _ partners: [String]) -> FileFacts {
            FileFacts(
                path: RepoPath(path), classification: Classification(.active, reason: "r"), commits: 9,
                lastCommit: commit,
                coupling: partners.map {
                    CouplingPartner(path: RepoPath($0), degree: 90, shared: 8, partnerCommits: 9)
                },
                sharedCommits: [:])
        }
        let all = [
            facts(".claude/rules/hindsight-hooks.md", ["AGENTS.md", "src/a.c"]),
            facts("src/a.c", ["src/a.h", ".hindsight/guards.yml", "docs/AGENTS.md"]),
        ]
        let lists = coChangeLists(Dictionary(uniqueKeysWithValues: all.map { ($0.path, $0) }))
        #expect(lists.map(\.path) == [RepoPath("src/a.c")])
        #expect(lists.first?.partners.map(\.path) == [RepoPath("src/a.h"), RepoPath("docs/AGENTS.md")])
    }

    /// A pair across areas reaches both areas' rule files, each seen from its own side, and a
    /// partner outside the area comes before one inside.
    @Test func aCoChangePairAcrossAreasReachesBothAreas() {
        func list(_ path: String, _ commits: Int, _ partners: [(String, Int)]) -> CoChangeList {
            CoChangeList(
                path: RepoPath(path), commits: commits,
                partners: partners.map {
                    CouplingPartner(path: RepoPath($0.0), degree: 60, shared: 6, partnerCommits: $0.1)
                })
        }
        let context = AgentContext(
            head: nil,
            coChanges: [list("src/a.c", 10, [("src/a.h", 9)]), list("src/b.c", 12, [("include/b.h", 8)])])
        let areas = Dictionary(uniqueKeysWithValues: contextAreas(of: context).map { ($0.directory.string, $0.facts) })
        #expect(areas["src"]?.coChanges.map(\.path.string) == ["src/b.c", "src/a.c"], "outside partners first")
        let mirrored = areas["include"]?.coChanges.first
        #expect(mirrored?.path == RepoPath("include/b.h") && mirrored?.commits == 8)
        #expect(
            mirrored?.partners.map(\.path) == [RepoPath("src/b.c")] && mirrored?.partners.first?.partnerCommits == 12)
    }

    @Test(
        arguments: [
            ("diff: fix the seam", "diff"), ("builtin/log: quote", "builtin/log"), ("t4013, diff: x", "t4013"),
            ("Cmake(ssh): x", "cmake"), ("Fix a bug: crash", nil), ("diff:no space", nil), ("diff:  two", nil),
            ("The 16th batch", nil), ("ignore-0.4.33", nil),
        ] as [(String, String?)])
    func subjectAreas(subject: String, area: String?) {
        #expect(subjectArea(subject) == area)
    }

    /// libgit2's latest subjects: most name an area, fewer than 80% a Conventional type.
    @Test func theHouseSubjectStyleNeedsEightyPercent() {
        func style(_ subjects: [String]) -> Convention? {
            var builder = SnapshotBuilder()
            for (day, subject) in subjects.enumerated() {
                builder.commit(subject, day: Double(day), changes: [(.modified, "a.c", 1, 1)])
            }
            return subjectStyle(in: builder.input(now: 100))
        }
        let areas = Array(repeating: "cmake: x", count: 6) + Array(repeating: "fix: y", count: 3) + ["Merge branch"]
        guard case .areaSubjects(let share, 10, let types) = style(areas) else {
            Issue.record("\(String(describing: style(areas)))")
            return
        }
        #expect(share == 0.9 && types.map(\.type) == ["cmake", "fix"])
        let conventional = Array(repeating: "feat(io): x", count: 8) + ["docs: y", "Update README"]
        guard case .conventionalCommits(let conventionalShare, 10, _) = style(conventional) else {
            Issue.record("\(String(describing: style(conventional)))")
            return
        }
        #expect(conventionalShare == 0.9)
        #expect(
            style(Array(repeating: "diff: x", count: 7) + ["Fix a", "Fix b", "Fix c"]) == nil, "70% is no convention")
    }

    @Test(
        arguments: [
            ("feat: add", "feat"), ("fix(parser)!: crash", "fix"), ("refactor!: drop", "refactor"), ("Fix: crash", nil),
            ("feat add", nil), ("f: too short", nil), ("feat(cli: unclosed", nil), ("feat:no space", nil),
        ] as [(String, String?)])
    func conventionalTypes(subject: String, type: String?) {
        #expect(conventionalType(subject) == type)
    }

    @Test func revertReasonsDropGitsLineAndTrailers() {
        #expect(revertReason("This reverts commit abc.\n") == nil)
        #expect(revertReason("This reverts commit abc.\n\nBreaks CI.\nCo-authored-by: X <x@y>\n") == "Breaks CI.")
    }
}

/// `agentContext(of:)` counts ages from the tip's committer date when the snapshot knows it.
@Suite struct AgentContextDateTests {
    @Test func agesCountFromTheTipsCommitterDateOverItsAuthorDate() {
        let (builder, _) = AgentContextTests.history()
        var snapshot = builder.snapshot
        let settingsAt = { (now: Int64) in AnalysisSettings(now: now) }
        let authored = agentContext(of: snapshot, settings: settingsAt, guards: [])
        #expect(authored.asOf == snapshot.commits.last?.time)
        // Committed 400 days after it was written (an applied patch): the active areas go quiet.
        let committed = (snapshot.commits.last?.time ?? 0) + 400 * 86_400
        snapshot.commits[snapshot.commits.count - 1].commitTime = committed
        let context = agentContext(of: snapshot, settings: settingsAt, guards: [])
        #expect(context.asOf == committed)
        #expect(!authored.activeAreas.isEmpty)
        #expect(context.activeAreas.isEmpty)
    }
}
