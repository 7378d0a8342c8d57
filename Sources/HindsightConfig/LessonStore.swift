import Foundation
import HindsightCore

/// The lesson files of a work tree, `.hindsight/lessons/<id>.md`: one file per lesson, so two
/// branches adding lessons never conflict. Writes go only there: each path component is opened
/// without following symbolic links, a new file is created exclusively (never over another) and
/// appears whole, and a retirement rewrites its own file atomically.
public struct LessonStore: Sendable {
    /// The folder, from the work tree's root.
    public static let relativeDirectory = ".hindsight/lessons"
    /// The largest lesson file read, in bytes.
    public static let maximumFileBytes = 16_384

    /// The work tree's root.
    public let workTree: URL

    /// The store of the work tree at `workTree`.
    public init(workTree: URL) {
        self.workTree = workTree
    }

    /// The path of lesson `id`'s file from the work tree's root.
    public static func relativePath(of id: String) -> String { "\(relativeDirectory)/\(id).md" }

    /// Every readable lesson, oldest first, and the files that could not be read (symbolic links,
    /// oversized or invalid files, duplicate ids). Files not named `ls-*.md` are left alone.
    public func load() -> (lessons: [Lesson], problems: [LessonFileError]) {
        let directory = workTree.appendingPathComponent(Self.relativeDirectory)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return ([], []) }
        var lessons: [Lesson] = []
        var problems: [LessonFileError] = []
        var seen = Set<String>()
        for name in names.sorted() where name.hasPrefix("ls-") && name.hasSuffix(".md") {
            let path = "\(Self.relativeDirectory)/\(name)"
            do throws(LessonFileError) {
                let lesson = try LessonFile.parse(
                    try read(directory.appendingPathComponent(name), path: path), path: path)
                guard name == "\(lesson.id).md" else {
                    throw LessonFileError(
                        path: path, line: 2,
                        error: LessonError(field: "id", "'\(lesson.id)' differs from the file name; make them the same")
                    )
                }
                guard seen.insert(lesson.id).inserted else { continue }
                lessons.append(lesson)
            } catch {
                problems.append(error)
            }
        }
        return (lessons.sorted { ($0.created, $0.id) < ($1.created, $1.id) }, problems)
    }

    private func read(_ url: URL, path: String) throws(LessonFileError) -> String {
        let descriptor = open(url.path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw LessonFileError(
                path: path, line: nil,
                error: LessonError(
                    field: "file", errno == ELOOP ? "a symbolic link; lessons are plain files" : "cannot be read"))
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        let data = (try? handle.read(upToCount: Self.maximumFileBytes + 1)) ?? Data()
        guard data.count <= Self.maximumFileBytes else {
            throw LessonFileError(
                path: path, line: nil, error: LessonError(field: "file", "larger than \(Self.maximumFileBytes) bytes"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LessonFileError(path: path, line: nil, error: LessonError(field: "file", "not UTF-8 text"))
        }
        return text
    }

    /// Writes a new lesson file for the lesson `make` builds from an id, choosing another id while
    /// a file already has it, and returns the lesson and its path from the work tree's root.
    public func add(_ make: (_ attempt: Int) throws -> Lesson) throws -> (lesson: Lesson, path: String) {
        let directory = try ConfinedDirectory(
            workTree: workTree, components: Self.relativeDirectory.split(separator: "/").map(String.init))
        for attempt in 0..<16 {
            let lesson = try make(attempt)
            guard isLessonID(lesson.id) else { throw LessonStoreError.unsafeName(lesson.id) }
            if try directory.createExclusively("\(lesson.id).md", contents: Data(LessonFile.render(lesson).utf8)) {
                return (lesson, Self.relativePath(of: lesson.id))
            }
        }
        throw LessonStoreError.noFreeName
    }

    /// Retires `lesson` with `reason` at `time` by `by`: rewrites its file, or for a lesson from a
    /// commit trailer writes a file that records the retirement. Returns the file's path.
    public func retire(_ lesson: Lesson, reason: String, by: String?, time: Int64) throws -> String {
        try LessonDraft.checkText(reason, field: "reason", limit: LessonLimits.reason, multiline: true)
        var retired = lesson
        retired.retirement = Lesson.Retirement(time: time, reason: reason, by: by)
        let directory = try ConfinedDirectory(
            workTree: workTree, components: Self.relativeDirectory.split(separator: "/").map(String.init))
        let data = Data(LessonFile.render(retired).utf8)
        switch lesson.source {
        case .file:
            try directory.replace("\(lesson.id).md", contents: data)
        case .trailer:
            guard try directory.createExclusively("\(lesson.id).md", contents: data) else {
                throw LessonStoreError.exists(Self.relativePath(of: lesson.id))
            }
        }
        return Self.relativePath(of: lesson.id)
    }
}

/// Why a lesson could not be written.
public enum LessonStoreError: Error, Equatable, Sendable, UserFacingError {
    /// A component of `.hindsight/lessons` is a symbolic link or not a directory.
    case unsafeDirectory(String)
    /// A file name that is not a lesson id.
    case unsafeName(String)
    /// Sixteen ids in a row were taken.
    case noFreeName
    /// The file to create exists.
    case exists(String)
    /// The operating system refused.
    case system(String, Int32)

    public var description: String {
        switch self {
        case .unsafeDirectory(let path):
            "cannot write lessons: \(path) is a symbolic link or not a directory. Make it a plain directory inside the repository."
        case .unsafeName(let name):
            "cannot write lesson '\(name)': not a lesson id. This is a bug; please report it."
        case .noFreeName:
            "cannot write the lesson: every id tried is taken. Check .hindsight/lessons for copies."
        case .exists(let path):
            "\(path) exists already. Edit it, or retire the lesson it holds."
        case .system(let what, let code):
            "cannot write lessons: \(what) failed (\(String(cString: strerror(code)))). Check the directory's permissions."
        }
    }

    public var exitStatus: ExitStatus { .usage }
}
