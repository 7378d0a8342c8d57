import ArgumentParser
import Foundation
import HindsightConfig
import HindsightCore
import HindsightGit
import HindsightIndex
import HindsightKit
import HindsightOutput

extension BacktestFormat: ExpressibleByArgument {}

/// `hindsight backtest`: how well the guards would have caught this repository's own mistakes.
struct Backtest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Replay history through the guards: would they have caught the commits that later needed a fix?",
        discussion: """
            Mines guards from history up to the cut only, replays each non-merge commit after it through \
            the same code path as `check --commit`, and scores the findings by guard kind against the \
            commits that later needed a fix: named by a Fixes: trailer, reverted, or (SZZ) whose lines a \
            later fix removed. Reports alarm rate, recall, precision and lift over random, beside \
            baselines flagging as many commits (random, most added lines, files with the highest bug \
            score at the cut). Default cut: a year before the window's end, or 80% of the history when it \
            is shorter; the window ends --grace days before --until, so every replayed commit had that \
            long for its fix to appear. `backtest:` in .hindsight.yml sets the defaults.
            """
    )

    @OptionGroup var repository: RepositoryOptions

    @Option(
        help: ArgumentHelp(
            "The last commit, or a date (yyyy-mm-dd: before that day), the guards learn from.", valueName: "ref|date"))
    var cut: String?

    @Option(help: ArgumentHelp("The last commit or date whose fixes count (default: HEAD).", valueName: "ref|date"))
    var until: String?

    @Option(
        help: ArgumentHelp(
            "Days each replayed commit must have had for its fix to appear (default 365).", valueName: "days"))
    var grace: Int?

    @Option(
        help: ArgumentHelp("Re-mine the guards every N replayed commits, as a nightly refresh would.", valueName: "n"))
    var refresh: Int?

    @Option(
        help: ArgumentHelp("Replay at most this many commits, the latest (default 2000; 0: no cap).", valueName: "n"))
    var maxCommits: Int?

    @Option(help: ArgumentHelp("Output format: table, markdown or json.", valueName: "format"))
    var format: BacktestFormat = .table

    @Option(
        name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(help: "Read the index as it is, without mining new commits first.")
    var noMine = false

    @Flag(name: .shortAndLong, help: "No progress bar.")
    var quiet = false

    func validate() throws {
        if let grace, grace < 0 { throw ValidationError("--grace takes 0 or more days (got \(grace)).") }
        if let refresh, refresh < 1 { throw ValidationError("--refresh takes 1 or more commits (got \(refresh)).") }
        if let maxCommits, maxCommits < 0 {
            throw ValidationError("--max-commits takes 0 (no cap) or more (got \(maxCommits)).")
        }
    }

    func run() throws {
        let workspace = try repository.openWorkspace()
        let configuration = workspace.configuration
        if !noMine { try IndexUpdate.run(workspace, quiet: quiet) }
        guard let store = try workspace.index(), try store.tip() != nil else {
            throw UsageError("there is nothing to backtest: the repository has no commits yet.")
        }
        var request = BacktestRequest(configuration.backtest)
        request.cut = cut
        request.until = until
        if let grace { request.graceDays = grace }
        if let refresh { request.refreshEvery = refresh }
        if let maxCommits { request.maxCommits = maxCommits == 0 ? nil : maxCommits }
        var runner = BacktestRunner(
            git: workspace.git, snapshot: try workspace.snapshot(store), configuration: configuration)
        if !quiet, Terminal.isErrorInteractive { runner.progress = ProgressBar() }
        let result = try runner.run(request)
        if result.window.commits.isEmpty {
            Terminal.printWarning(emptyWindowAdvice(result))
        }
        try OutputFile.emit(format.renderer.render(result), to: output)
    }

    private func emptyWindowAdvice(_ result: BacktestResult) -> String {
        if result.window.leftForGrace > 0 {
            return
                "no commit after the cut had \(result.graceDays) days for its fix to appear, so nothing was replayed: "
                + "pass a shorter --grace (say --grace 30) or an earlier --cut."
        }
        return "no commit comes after the cut, so nothing was replayed: pass an earlier --cut."
    }
}
