import ArgumentParser
import Foundation
import HindsightConfig
import HindsightCore
import HindsightKit
import HindsightOutput

extension LessonCommand {
    /// `hindsight lesson list`: the lessons, filtered.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List lessons, newest first: by default those that reach agents (active, stale or gone).",
            discussion: """
                Lessons come from \(LessonStore.relativeDirectory)/ and from `Lesson:`/`Tried:` trailers in \
                the mined history. States: active; stale (its paths changed lessons.staleCommits commits or \
                lessons.staleLines lines since); gone (no file at HEAD matches its paths); expired; retired. \
                Trailers and staleness need the index (`hindsight mine`); without it only files are listed.
                """
        )

        @OptionGroup var repository: RepositoryOptions

        @Option(help: ArgumentHelp("Only lessons about this file or folder.", valueName: "path"))
        var path: String?

        @Option(help: ArgumentHelp("Only lessons of this kind: tried, avoid, convention or note.", valueName: "kind"))
        var kind: String?

        @Option(
            help: ArgumentHelp(
                "Only lessons in this state: active, stale, gone, expired, retired, or all.", valueName: "state"))
        var status: String?

        @Flag(help: "Only lessons to review: stale ones and those whose paths are all gone.")
        var stale = false

        @Option(help: ArgumentHelp("text or json.", valueName: "format"))
        var format = "text"

        func validate() throws {
            if let kind, LessonKind(rawValue: kind) == nil {
                throw ValidationError("unknown --kind '\(kind)'; use tried, avoid, convention or note.")
            }
            if let status, status != "all", !LessonState.names.contains(status) {
                throw ValidationError(
                    "unknown --status '\(status)'; use \(LessonState.names.joined(separator: ", ")) or all.")
            }
            if stale, status != nil { throw ValidationError("give --stale or --status, not both.") }
            if !["text", "json"].contains(format) { throw ValidationError("--format must be text or json.") }
        }

        func run() throws {
            let book = try LessonCommand.book(try repository.openWorkspace())
            let entries = book.entries.filter { entry in
                if let kind, entry.lesson.kind.rawValue != kind { return false }
                if let path, !entry.lesson.isAbout(RepoPath(path.hasPrefix("./") ? String(path.dropFirst(2)) : path)) {
                    return false
                }
                if stale { return entry.state.name == "stale" || entry.state == .gone }
                switch status {
                case nil: return entry.state.isInForce
                case "all": return true
                case let name?: return entry.state.name == name
                }
            }
            if format == "json" {
                Terminal.writeOutput(Array((JSONValue.array(entries.map(LessonText.json)).serialized() + "\n").utf8))
                return
            }
            if entries.isEmpty {
                Terminal.writeError(
                    book.entries.isEmpty
                        ? "no lessons yet. Record one with `hindsight lesson add`.\n"
                        : "no lesson matches (\(TextShaping.count(book.entries.count, "lesson")) in all; --status all lists every one).\n"
                )
                return
            }
            Terminal.writeOutput(Array(LessonText.list(entries).utf8))
        }
    }

    /// `hindsight lesson show`: one lesson in full.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show one lesson in full, with its state.")

        @OptionGroup var repository: RepositoryOptions

        @Argument(help: ArgumentHelp("The lesson's id (a unique prefix will do).", valueName: "id"))
        var id: String

        @Option(help: ArgumentHelp("text or json.", valueName: "format"))
        var format = "text"

        func validate() throws {
            if !["text", "json"].contains(format) { throw ValidationError("--format must be text or json.") }
        }

        func run() throws {
            let entry = try LessonCommand.entry(id, in: try LessonCommand.book(try repository.openWorkspace()))
            let text = format == "json" ? LessonText.json(entry).serialized() + "\n" : LessonText.show(entry)
            Terminal.writeOutput(Array(text.utf8))
        }
    }

    /// `hindsight lesson retire`: take a lesson out of the context, keeping its file.
    struct Retire: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "retire",
            abstract: "Retire a lesson that no longer holds: it leaves the context, and its file keeps the reason.",
            discussion:
                "Rewrites the lesson's file (atomically) with status: retired; a lesson from a commit trailer gets a file that records its retirement. Commit the file."
        )

        @OptionGroup var repository: RepositoryOptions

        @Argument(help: ArgumentHelp("The lesson's id (a unique prefix will do).", valueName: "id"))
        var id: String

        @Option(help: ArgumentHelp("Why it no longer holds (kept in the file).", valueName: "text"))
        var reason: String

        @Option(help: ArgumentHelp("Who retires it (default: git's user.name).", valueName: "name"))
        var by: String?

        func validate() throws {
            if reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw ValidationError("--reason must say why the lesson no longer holds (got an empty reason).")
            }
        }

        func run() throws {
            let workspace = try repository.openWorkspace()
            let entry = try LessonCommand.entry(id, in: try LessonCommand.book(workspace))
            if let retirement = entry.lesson.retirement {
                throw UsageError(
                    "\(entry.lesson.id) was retired on \(CalendarDate.isoDate(retirement.time)) already. Edit its file to change the reason."
                )
            }
            let path = try LessonStore(workTree: try LessonCommand.workTree(workspace)).retire(
                entry.lesson, reason: reason.trimmingCharacters(in: .whitespacesAndNewlines),
                by: by ?? workspace.git.configuredIdentity()?.name, time: Int64(Date().timeIntervalSince1970))
            Terminal.writeOutput(Array("\(path)\n".utf8))
            Terminal.writeError("retired \(entry.lesson.id) in \(path); commit it: git add \(path)\n")
        }
    }
}
