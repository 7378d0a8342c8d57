import Foundation
import HindsightConfig
import HindsightCore
import HindsightIndex

/// Every lesson of a repository, read once: the files of `.hindsight/lessons/` and the `Lesson:` and
/// `Tried:` trailers of its history (a file with a trailer lesson's id, written when it is retired,
/// stands for it), each with its state as of one day.
public struct LessonBook: Sendable {
    /// Every lesson, newest first.
    public var entries: [LessonEntry]
    /// Lesson files that could not be read.
    public var problems: [LessonFileError]

    /// The book of the work tree at `workTree` (nil: trailers only), with the trailers of `snapshot`
    /// (nil: files only), stale by `rule` as counted over `graph`, on `day`.
    public init(
        workTree: URL?, snapshot: HistorySnapshot?, graph: () -> CommitGraph?, rule: StalenessRule, bots: BotDetector,
        asOf day: Int64
    ) {
        let (files, problems) = workTree.map { LessonStore(workTree: $0).load() } ?? ([], [])
        let filed = Set(files.map(\.id))
        let trailers = snapshot.map { trailerLessons(in: $0, bots: bots) } ?? []
        let lessons = files + trailers.filter { !filed.contains($0.id) }
        // The graph is read only when there is a lesson to age.
        let activity = lessons.isEmpty ? [:] : snapshot.map { lessonActivity(lessons, in: $0, graph: graph()) } ?? [:]
        let tipFiles = snapshot?.livePaths
        entries = lessons.map { lesson in
            LessonEntry(
                lesson: lesson,
                state: lessonState(lesson, asOf: day, files: tipFiles, activity: activity[lesson.id], rule: rule),
                activity: activity[lesson.id])
        }.sorted { ($1.lesson.created, $0.lesson.id) < ($0.lesson.created, $1.lesson.id) }
        self.problems = problems
    }

    /// The entries from their parts.
    public init(entries: [LessonEntry], problems: [LessonFileError] = []) {
        self.entries = entries
        self.problems = problems
    }

    /// The lessons that reach agents: neither retired nor expired.
    public var inForce: [LessonEntry] { entries.filter(\.state.isInForce) }

    /// The entry whose id is `id`, or whose id starts with `id` when only one does.
    public func entry(_ id: String) -> LessonEntry? {
        if let exact = entries.first(where: { $0.lesson.id == id }) { return exact }
        let matches = entries.filter { $0.lesson.id.hasPrefix(id) }
        return matches.count == 1 ? matches.first : nil
    }
}

extension Workspace {
    /// The repository's lessons on `day` (nil: `HEAD`'s date), with trailers and staleness from
    /// `store` when it is given (nil: the files alone, every one read as active unless retired or expired).
    public func lessonBook(
        store: IndexStore?, snapshot: HistorySnapshot? = nil, asOf day: Int64? = nil
    ) throws
        -> LessonBook
    {
        let history = try snapshot ?? store.map { try self.snapshot($0) }
        return LessonBook(
            workTree: workTree, snapshot: history,
            graph: { history.flatMap { history in try? store?.commitGraph(of: history) } },
            rule: configuration.lessons.staleness, bots: configuration.report.botDetector,
            asOf: try day ?? referenceTime())
    }
}

extension Workspace {
    /// `draft` validated as a lesson written at `now` on `HEAD`, authored by git's identity when the
    /// draft names none; its id and file are chosen when it is written.
    public func preparedLesson(_ draft: LessonDraft, now: Int64) throws -> Lesson {
        var draft = draft
        if draft.author?.isEmpty ?? true { draft.author = git.configuredIdentity()?.name }
        return try draft.validated(id: "ls-00000000", now: now, head: try git.resolveCommit(), source: .file(""))
    }

    /// Writes `draft` as a new lesson file (see `preparedLesson`); returns the lesson and its
    /// file's path from the work tree's root.
    public func recordLesson(
        _ draft: LessonDraft, now: Int64 = Int64(Date().timeIntervalSince1970)
    ) throws -> (
        lesson: Lesson, path: String
    ) {
        guard let workTree else {
            throw UsageError("a bare repository has no work tree to keep lessons in. Run this in a clone.")
        }
        // Validated once before any file is touched, so a bad field never leaves a trace.
        let checked = try preparedLesson(draft, now: now)
        return try LessonStore(workTree: workTree).add { attempt in
            let id = newLessonID(
                kind: checked.kind, paths: checked.paths, text: checked.text, author: checked.author, created: now,
                attempt: attempt)
            var lesson = checked
            lesson.id = id
            lesson.source = .file(LessonStore.relativePath(of: id))
            return lesson
        }
    }
}
