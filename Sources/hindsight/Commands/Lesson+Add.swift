import ArgumentParser
import Foundation
import HindsightConfig
import HindsightCore
import HindsightKit

extension LessonCommand {
    /// `hindsight lesson add`: write one lesson file.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract:
                "Write a lesson file under \(LessonStore.relativeDirectory)/ and print its path, to commit with your change.",
            discussion: """
                Give the fields as flags, or with --stdin a lesson in the file's own format (front matter \
                with kind, paths, outcome, evidence, author, by, expires; then the text) or just the text; \
                flags win over standard input. Paths are from the repository root and may be globs \
                (src/cache/, src/diff*.c). Evidence is commit ids or http(s) URLs. The author defaults to \
                git's user.name. Example:
                  hindsight lesson add --kind tried --path src/cache/ \\
                    --text "An LRU cache of parsed trees" --outcome "no faster: most trees are read once" --agent
                """
        )

        @OptionGroup var repository: RepositoryOptions

        @Option(help: ArgumentHelp("tried, avoid, convention or note.", valueName: "kind"))
        var kind: String?

        @Option(
            name: .customLong("path"), help: ArgumentHelp("A path or glob it is about (repeatable).", valueName: "path")
        )
        var paths: [String] = []

        @Option(help: ArgumentHelp("What was learned.", valueName: "text"))
        var text: String?

        @Option(help: ArgumentHelp("The outcome, or why.", valueName: "text"))
        var outcome: String?

        @Option(
            name: .customLong("evidence"),
            help: ArgumentHelp("A commit id or an issue or pull-request URL (repeatable).", valueName: "ref"))
        var evidence: [String] = []

        @Option(help: ArgumentHelp("Who writes it (default: git's user.name).", valueName: "name"))
        var author: String?

        @Flag(help: "A coding agent writes it.")
        var agent = false

        @Option(help: ArgumentHelp("The day it stops applying.", valueName: "YYYY-MM-DD"))
        var expires: String?

        @Flag(help: "Read the lesson (front matter and text, or the text alone) from standard input.")
        var stdin = false

        @Flag(help: "Validate and print the file without writing it.")
        var dryRun = false

        func run() throws {
            let workspace = try repository.openWorkspace()
            var draft = LessonDraft()
            if stdin {
                let input = FileHandle.standardInput.readData(ofLength: 64 * 1_024 + 1)
                guard input.count <= 64 * 1_024 else {
                    throw UsageError("standard input holds more than 64 KiB; a lesson is a few lines.")
                }
                guard let text = String(data: input, encoding: .utf8) else {
                    throw UsageError("standard input is not UTF-8 text.")
                }
                draft = try LessonFile.draft(fromInput: text)
            }
            if let kind { draft.kind = kind }
            draft.paths += paths
            if let text { draft.text = text }
            if let outcome { draft.outcome = outcome }
            draft.evidence += evidence
            if let author { draft.author = author }
            if agent { draft.byAgent = true }
            if let expires { draft.expires = expires }
            if dryRun {
                let lesson = try workspace.preparedLesson(draft, now: Int64(Date().timeIntervalSince1970))
                Terminal.writeOutput(Array(LessonFile.render(lesson).utf8))
                return
            }
            let (_, path) = try workspace.recordLesson(draft)
            Terminal.writeOutput(Array("\(path)\n".utf8))
            Terminal.writeError("wrote \(path); commit it with your change: git add \(path)\n")
        }
    }
}
