import ArgumentParser
import Foundation
import HindsightCore
import HindsightIndex
import HindsightKit

/// `hindsight mine`: bring the history index up to date.
struct Mine: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mine",
        abstract: "Bring the history index up to date with HEAD (incremental).",
        discussion: """
            Reads every commit reachable from HEAD (or --ref) that the index lacks, diffs it against its \
            first parent and stores one row per changed file, as `git log --numstat` counts them (renames \
            as `-M`, unless `history.renames: false` in .hindsight.yml). Merge commits are stored with \
            their parents but not diffed, so each change is counted once. The index lives at \
            <git common dir>/hindsight/index.sqlite and is shared by linked worktrees.
            """
    )

    @OptionGroup var repository: RepositoryOptions

    @Option(help: ArgumentHelp("Index the history of this revision instead of HEAD.", valueName: "rev"))
    var ref: String?

    @Flag(help: "Discard the index and mine the whole history again.")
    var rebuild = false

    @Flag(name: .shortAndLong, help: "Print nothing but warnings and errors.")
    var quiet = false

    @Flag(help: "Print a machine-readable summary as JSON.")
    var json = false

    @Option(help: ArgumentHelp("Threads that diff commits (default: one per core).", valueName: "n"))
    var workers = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: .hidden)
    var batchSize = 2_000

    @Option(help: .hidden)
    var maxCommits: Int?

    func validate() throws {
        guard workers >= 1 else { throw ValidationError("--workers must be at least 1 (got \(workers)).") }
        guard batchSize >= 1 else { throw ValidationError("--batch-size must be at least 1 (got \(batchSize)).") }
        if quiet && json { throw ValidationError("--quiet and --json cannot be used together.") }
    }

    func run() throws {
        let configuration = try repository.openWorkspace().configuration
        let request = MineRequest(
            revision: ref, options: configuration.history, rebuild: rebuild, batchSize: batchSize,
            workers: workers, commitLimit: maxCommits)
        let showsProgress = !quiet && !json && Terminal.isErrorInteractive
        let outcome = try Miner.mine(
            repositoryPath: repository.path, request: request, progress: showsProgress ? ProgressBar() : nil)
        report(outcome)
    }

    private func report(_ outcome: MineOutcome) {
        guard case .mined(let summary) = outcome else {
            if json {
                print(#"{"status":"empty","message":"nothing to mine yet: the repository has no commits"}"#)
            } else if !quiet {
                print("nothing to mine yet: the repository has no commits.")
            }
            return
        }
        if summary.isShallow {
            Terminal.printWarning(
                "this is a shallow clone, so the index holds only the history present. Run `git fetch --unshallow` to mine all of it."
            )
        }
        if json {
            print(MineSummaryJSON.render(summary))
            return
        }
        guard !quiet else { return }
        if let reason = summary.rebuiltBecause { print("rebuilt the index: \(reason).") }
        let seconds = String(format: "%.2f", summary.seconds)
        let partial = summary.isPartial ? " (stopped early; run `hindsight mine` again to finish)" : ""
        print(
            "mined \(summary.newCommits) new commits (\(summary.newChanges) file changes) in \(seconds)s\(partial); "
                + "\(summary.reachableCommits) commits indexed at \(summary.indexPath)")
    }
}

/// The `mine --json` summary, keys sorted.
enum MineSummaryJSON {
    static func render(_ summary: MineSummary) -> String {
        struct Shape: Encodable {
            let status = "mined"
            let schemaVersion = 1
            let summary: MineSummary
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Shape(summary: summary))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
