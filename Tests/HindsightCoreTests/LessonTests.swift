import Testing

@testable import HindsightCore

/// Lessons as values: what paths they are about, how they age (commits that are not ancestors of
/// their HEAD), their states, trailers, ranking for the context and counts for the report.
@Suite struct LessonTests {
    static func lesson(
        _ id: String, _ kind: LessonKind = .tried, paths: [String], created: Int64 = SnapshotBuilder.time(0),
        head: CommitID? = nil
    ) -> Lesson {
        Lesson(
            id: id, kind: kind, paths: paths, text: "text of \(id)", author: "Ada", created: created, head: head,
            source: .file(".hindsight/lessons/\(id).md"))
    }

    @Test func aLessonIsAboutItsFilesFoldersAndGlobsAndWhatHoldsThem() {
        let folder = Self.lesson("ls-1", paths: ["src/cache/"])
        #expect(folder.isAbout(RepoPath("src/cache/lru.c")))
        #expect(folder.isAbout(RepoPath("src")) && folder.isAbout(RepoPath("src/")) && folder.isAbout(RepoPath("")))
        #expect(!folder.isAbout(RepoPath("src/cache.c")) && !folder.isAbout(RepoPath("lib/src/cache/x.c")))
        let glob = Self.lesson("ls-2", paths: ["src/diff*.c"])
        #expect(glob.isAbout(RepoPath("src/diff_tform.c")) && !glob.isAbout(RepoPath("src/diff.h")))
        let root = Self.lesson("ls-3", paths: ["README.md"])
        #expect(
            root.isAbout(RepoPath("README.md")) && !root.isAbout(RepoPath("docs/README.md")), "anchored at the root")
        #expect(Self.lesson("ls-4", .note, paths: []).isAbout(RepoPath("anything/at/all.c")))
    }

    /// A commit on a branch made before the lesson but merged after it changed the lesson's paths
    /// since its HEAD; a commit before HEAD on its own line did not.
    @Test func activityCountsCommitsThatAreNotAncestorsOfTheLessonsHead() {
        var builder = SnapshotBuilder()
        builder.commit("base", day: 0, changes: [(.added, "src/a.c", 10, 0)])
        builder.commit("branch work", day: 1, changes: [(.modified, "src/a.c", 3, 1)])
        let head = builder.commit("mainline", day: 2, changes: [(.modified, "src/a.c", 1, 1)])
        builder.commit("merge", day: 3, changes: [], isMerge: true)
        builder.commit("later", day: 4, changes: [(.modified, "src/a.c", 2, 2), (.modified, "src/b.c", 9, 9)])
        // base(0) ← branch(1); base ← mainline(2); merge(3) of 2 and 1; later(4).
        let graph = CommitGraph(parents: [[], [0], [0], [2, 1], [3]])
        let lesson = Self.lesson("ls-1", paths: ["src/a.c"], head: head)
        let activity = lessonActivity([lesson], in: builder.snapshot, graph: graph)
        #expect(activity["ls-1"] == LessonActivity(commits: 2, lines: 8))
        // Without the graph, only what follows HEAD in order counts.
        #expect(
            lessonActivity([lesson], in: builder.snapshot, graph: nil)["ls-1"] == LessonActivity(commits: 1, lines: 4))
        // A HEAD the history lacks: the commits that landed after the lesson was written.
        let unknown = Self.lesson("ls-2", paths: ["src/"], created: SnapshotBuilder.time(2.5))
        #expect(
            lessonActivity([unknown], in: builder.snapshot, graph: graph)["ls-2"]
                == LessonActivity(commits: 1, lines: 22))
    }

    @Test func statesRetiredExpiredGoneStaleActive() {
        let rule = StalenessRule(commits: 3, lines: 100)
        let files: Set<RepoPath> = [RepoPath("src/a.c")]
        var lesson = Self.lesson("ls-1", paths: ["src/a.c"])
        let busy = LessonActivity(commits: 3, lines: 5)
        #expect(lessonState(lesson, asOf: 0, files: files, activity: busy, rule: rule) == .stale(busy))
        #expect(
            lessonState(lesson, asOf: 0, files: files, activity: LessonActivity(commits: 1, lines: 100), rule: rule)
                .name == "stale")
        #expect(
            lessonState(lesson, asOf: 0, files: files, activity: LessonActivity(commits: 2, lines: 99), rule: rule)
                == .active)
        #expect(lessonState(lesson, asOf: 0, files: [RepoPath("src/b.c")], activity: nil, rule: rule) == .gone)
        lesson.expires = 1_000
        #expect(lessonState(lesson, asOf: 999, files: files, activity: nil, rule: rule) == .active)
        #expect(lessonState(lesson, asOf: 1_000, files: files, activity: nil, rule: rule) == .expired)
        lesson.retirement = Lesson.Retirement(time: 5, reason: "done")
        #expect(lessonState(lesson, asOf: 0, files: files, activity: busy, rule: rule) == .retired)
        #expect(!LessonState.retired.isInForce && !LessonState.expired.isInForce && LessonState.gone.isInForce)
        #expect(StalenessRule(commits: 0, lines: 0).isStale(LessonActivity(commits: 1_000, lines: 1_000)) == false)
    }

    @Test func trailersGiveLessonsWithTheirKindAndTheCommitsFiles() {
        var builder = SnapshotBuilder()
        let id = builder.commit(
            "perf: cache", day: 0, changes: [(.modified, "src/cache.c", 1, 1), (.modified, "src/cache.h", 1, 0)],
            body: "Why.\n\nTried: mmap\nLesson: convention: keep headers sorted\nlesson: plain note\nAcked-by: Bo")
        builder.commit(
            "no lessons", day: 1, changes: [(.modified, "src/a.c", 1, 1)], body: "Tried: not a trailer block\n\nbody")
        let lessons = trailerLessons(in: builder.snapshot)
        #expect(lessons.map(\.kind) == [.tried, .convention, .note])
        #expect(lessons.map(\.text) == ["mmap", "keep headers sorted", "plain note"])
        #expect(lessons.map(\.id) == (1...3).map { "ls-\(id.hex.prefix(10))-\($0)" })
        #expect(
            lessons.allSatisfy {
                $0.paths == ["src/cache.c", "src/cache.h"] && $0.head == id && $0.evidence == [id.hex]
            })
        let many = (0..<12).map { RepoPath("src/part\($0 % 3)/f\($0).c") } + [RepoPath("Makefile")]
        #expect(trailerLessonPaths(many, limit: 10) == ["Makefile", "src/part0/", "src/part1/", "src/part2/"])
    }

    @Test func theContextRanksLessonsThatHoldNewestFirstAndDropsRetiredOnes() {
        let entries = [
            LessonEntry(lesson: Self.lesson("ls-old", paths: ["a"], created: 1), state: .active),
            LessonEntry(
                lesson: Self.lesson("ls-stale", paths: ["a"], created: 9), state: .stale(LessonActivity(commits: 30))),
            LessonEntry(lesson: Self.lesson("ls-new", paths: ["a"], created: 5), state: .active),
            LessonEntry(lesson: Self.lesson("ls-gone", paths: ["a"], created: 8), state: .gone),
            LessonEntry(lesson: Self.lesson("ls-retired", paths: ["a"], created: 10), state: .retired),
        ]
        #expect(rankedLessons(entries).map(\.lesson.id) == ["ls-new", "ls-old", "ls-stale", "ls-gone"])
    }

    @Test func countsPerAreaAndMonth() {
        var retired = Self.lesson("ls-3", paths: ["src/cache/"], created: SnapshotBuilder.time(0))
        retired.retirement = Lesson.Retirement(time: SnapshotBuilder.time(40), reason: "gone")
        let counts = lessonCounts([
            LessonEntry(
                lesson: Self.lesson("ls-1", paths: ["src/cache/", "src/diff*.c"]), state: .stale(LessonActivity())),
            LessonEntry(lesson: Self.lesson("ls-2", .note, paths: []), state: .active),
            LessonEntry(lesson: retired, state: .retired),
        ])
        #expect(
            counts.areas == [
                LessonCounts.Area(directory: RepoPath("src/cache"), inForce: 1, stale: 1, retired: 1),
                LessonCounts.Area(directory: RepoPath(""), inForce: 1, stale: 0, retired: 0),
                LessonCounts.Area(directory: RepoPath("src"), inForce: 1, stale: 1, retired: 0),
            ])
        #expect(
            counts.months == [
                LessonCounts.Month(month: "2023-11", added: 3, retired: 0),
                LessonCounts.Month(month: "2023-12", added: 0, retired: 1),
            ])
    }

    @Test func newIDsDependOnContentAndAttempt() {
        let first = newLessonID(kind: .tried, paths: ["a"], text: "x", author: "Ada", created: 1)
        #expect(isLessonID(first) && first.count == 11)
        #expect(first == newLessonID(kind: .tried, paths: ["a"], text: "x", author: "Ada", created: 1))
        #expect(first != newLessonID(kind: .tried, paths: ["a"], text: "x", author: "Ada", created: 1, attempt: 1))
        #expect(!isLessonID("ls-../../x") && !isLessonID("LS-1") && !isLessonID("ls-"))
    }
}
