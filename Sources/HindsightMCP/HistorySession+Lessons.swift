import Foundation
import HindsightConfig
import HindsightCore
import HindsightKit

/// What a lesson book was built from: the analysed tip, the day its states are judged on, and the
/// lesson files as they stand. The files are read again at every call, so a lesson written since
/// (by `record_lesson`, `hindsight lesson` or an editor) builds the book anew.
struct LessonBookKey: Hashable, Sendable {
    let tip: CommitID?
    let day: Int64
    let files: [Lesson]
}

extension HistorySession.SessionAccess {
    /// The repository's lessons, from its files and the analysed history's trailers, with their
    /// states on `day` (nil: the analysis clock, `--as-of` or `HEAD`'s date).
    mutating func lessonBook(asOf day: Int64? = nil) throws -> LessonBook {
        let model = try model()
        let day = day ?? model.input.settings.now
        let files = workspace.workTree.map { LessonStore(workTree: $0).load().lessons } ?? []
        let key = LessonBookKey(tip: model.tip, day: day, files: files)
        if let cached = cachedLessons(key) { return cached }
        let book = try workspace.lessonBook(store: try openStore(), snapshot: model.input.snapshot, asOf: day)
        cacheLessons(key, book)
        return book
    }

    /// Writes `draft` as a new lesson file through the code path of `hindsight lesson add`, created
    /// at `--as-of` when the server was given one, else now.
    mutating func recordLesson(_ draft: LessonDraft) throws -> (lesson: Lesson, path: String) {
        try workspace.recordLesson(draft, now: options.asOf ?? Int64(Date().timeIntervalSince1970))
    }
}
