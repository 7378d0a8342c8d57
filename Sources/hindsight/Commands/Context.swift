import ArgumentParser
import Foundation
import HindsightConfig
import HindsightCore
import HindsightGit
import HindsightIndex
import HindsightKit
import HindsightOutput

/// `hindsight context`: write what history teaches into AGENTS.md and path-scoped rule files.
struct Context: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "context",
        abstract: "Write what history teaches into AGENTS.md (a managed block) and path-scoped agent rule files.",
        discussion: """
            Only facts that hold at HEAD and an agent cannot read off the tree: the lessons people and \
            agents recorded (`hindsight lesson add`, Lesson:/Tried: trailers) that are neither retired nor \
            expired, newest first, with a "may be stale" note where their paths changed a lot since; \
            reverted attempts not to \
            retry (those of the last context.attemptYears years whose revert still stands), fix-prone code \
            with the command that runs its tests (from the build system HEAD's tree has), files that change \
            together, accepted guards, settled and active areas, and conventions (the house subject style \
            when 80% of the latest 200 commits follow it). The AGENTS.md block sits between \
            <!-- hindsight:begin --> and <!-- hindsight:end -->; the rest of the file is kept byte for byte. \
            Each rule file keeps to --rule-budget tokens and says what it cut. Output depends only on the \
            index, the lesson files and the configuration (ages count from HEAD's date), and only changed files are written. \
            --check exits 1 when a file is out of date.
            """
    )

    @OptionGroup var repository: RepositoryOptions

    @Option(
        help: ArgumentHelp(
            "Rule files to write: claude, cursor, copilot, comma-separated, or none (default: context.targets).",
            valueName: "list"),
        completion: .list(ruleFileFormats.map(\.target) + ["none"]))
    var target: String?

    @Option(
        help: ArgumentHelp(
            "Most tokens the AGENTS.md block may take (default 1500, or context.budget).", valueName: "tokens"))
    var budget: Int?

    @Option(
        help: ArgumentHelp(
            "Most tokens each rule file may take, front matter included (default 400, or context.ruleBudget).",
            valueName: "tokens"))
    var ruleBudget: Int?

    @Flag(help: "Add an @AGENTS.md import to CLAUDE.md when it exists and lacks one.")
    var claudeImport = false

    @Flag(help: "Change nothing; exit 1 and list the files that are out of date.")
    var check = false

    @Flag(help: "Change nothing; print what would be written.")
    var dryRun = false

    @Flag(help: "Read the index as it is, without mining new commits first.")
    var noMine = false

    @Flag(name: .shortAndLong, help: "Print nothing when files are written.")
    var quiet = false

    func validate() throws {
        if check, dryRun { throw ValidationError("give --check or --dry-run, not both.") }
        if let budget, budget < AgentsBlockRenderer.minimumBudget {
            throw ValidationError(
                "--budget must be at least \(AgentsBlockRenderer.minimumBudget) tokens (got \(budget)).")
        }
        if let ruleBudget, ruleBudget < AreaRulesRenderer.minimumBudget {
            throw ValidationError(
                "--rule-budget must be at least \(AreaRulesRenderer.minimumBudget) tokens (got \(ruleBudget)).")
        }
        _ = try targets(default: [])
    }

    func run() throws {
        let workspace = try repository.openWorkspace()
        guard let workTree = workspace.workTree else {
            throw UsageError(
                "a bare repository has no work tree to write AGENTS.md into. Run this in a clone with a work tree.")
        }
        let configuration = workspace.configuration
        if !noMine { try IndexUpdate.run(workspace, quiet: quiet) }
        let session = ContextSession(configuration: configuration, workTree: workTree)
        let context =
            try workspace.index().map { store in
                let snapshot = try workspace.snapshot(store)
                let book = try workspace.lessonBook(
                    store: store, snapshot: snapshot, asOf: snapshot.tipCommitTime ?? workspace.referenceTime())
                for problem in book.problems { Terminal.printWarning(problem.description) }
                return session.agentContext(
                    of: snapshot, guards: try workspace.acceptedGuards(store: store), lessons: book.entries)
            }
            ?? AgentContext(head: nil)
        let formats = session.ruleFileFormats(try targets(default: configuration.context.targets))
        let block = session.blockContent(context, budget: budget, formats: formats)
        let contents = AreaRulesRenderer(budget: ruleBudget ?? configuration.context.ruleBudget)
            .render(contextAreas(of: context))
        let files = ContextFiles(workTree: workTree)
        let changes = try files.plan(
            block: block, ruleFiles: formats.flatMap { format in contents.map { (format, $0) } },
            claudeImport: claudeImport || configuration.context.claudeImport)
        try report(changes, files: files)
    }

    private func report(_ changes: [ContextFiles.Change], files: ContextFiles) throws {
        if check {
            guard !changes.isEmpty else { return }
            for change in changes {
                Terminal.writeOutput(Array("out of date: \(change.path) (would \(change.action.rawValue))\n".utf8))
            }
            Terminal.writeError(
                "run `hindsight context` to bring \(changes.count == 1 ? "1 file" : "\(changes.count) files") up to date.\n"
            )
            throw ExitCode(1)
        }
        if dryRun {
            for change in changes {
                Terminal.writeOutput(Array("=== \(change.path) (would \(change.action.rawValue))\n\(change.text)".utf8))
            }
            if changes.isEmpty { Terminal.writeError("context files are up to date.\n") }
            return
        }
        try files.apply(changes)
        guard !quiet else { return }
        for change in changes { Terminal.writeError("\(change.action.pastTense) \(change.path)\n") }
        if changes.isEmpty { Terminal.writeError("context files are up to date.\n") }
    }

    /// The targets asked for: `--target` (with `none` for no rule files), else the configuration's.
    private func targets(default configured: [String]) throws -> [String] {
        guard let target else { return configured }
        let names = target.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter {
            !$0.isEmpty
        }
        if names == ["none"] { return [] }
        if let unknown = names.first(where: { ruleFileFormat(named: $0) == nil }) {
            throw ValidationError(
                "unknown --target '\(unknown)'; use claude, cursor, copilot (comma-separated) or none.")
        }
        return names
    }
}
