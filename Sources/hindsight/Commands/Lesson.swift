import ArgumentParser
import Foundation
import HindsightConfig
import HindsightCore
import HindsightKit
import HindsightOutput

/// `hindsight lesson`: write back what history cannot show, and read it.
struct LessonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lesson",
        abstract: "Record what was tried, what to avoid and the conventions history cannot show; list and retire them.",
        discussion: """
            Each lesson is one Markdown file with front matter under \(LessonStore.relativeDirectory)/ (so two \
            branches adding lessons never conflict): commit it with your change and it reaches every agent \
            through `hindsight context` (AGENTS.md and the rule files of its paths), the MCP server and \
            `hindsight check`, which quotes tried and avoid lessons as a notice when a change touches their \
            paths. Commits can carry lessons too, as `Lesson:` and `Tried:` trailers. A lesson whose paths \
            changed a lot since it was written reads "may be stale" (lessons.staleCommits, default 20, or \
            lessons.staleLines, default 1000); an expired or retired one leaves the context but keeps its file.
            """,
        subcommands: [Add.self, List.self, Show.self, Retire.self],
        defaultSubcommand: List.self
    )
}

extension LessonCommand {
    /// The lesson book of the repository at `repository`, with trailers and staleness from the index
    /// when one was mined.
    static func book(_ workspace: Workspace) throws -> LessonBook {
        let book = try workspace.lessonBook(store: try workspace.indexIfMined())
        for problem in book.problems { Terminal.printWarning(problem.description) }
        return book
    }

    /// The work tree lessons are written into; a bare repository has none.
    static func workTree(_ workspace: Workspace) throws -> URL {
        guard let workTree = workspace.workTree else {
            throw UsageError("a bare repository has no work tree to keep lessons in. Run this in a clone.")
        }
        return workTree
    }

    /// The entry `id` names (a unique prefix will do).
    static func entry(_ id: String, in book: LessonBook) throws -> LessonEntry {
        guard let entry = book.entry(id) else {
            let candidates = book.entries.filter { $0.lesson.id.hasPrefix(id) }.count
            throw UsageError(
                candidates > 1
                    ? "'\(TerminalEscaping.safe(id))' is the start of \(candidates) lesson ids. Give more of it."
                    : "no lesson '\(TerminalEscaping.safe(id))'. Run `hindsight lesson list --status all` to see the ids."
            )
        }
        return entry
    }
}
