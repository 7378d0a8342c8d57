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
            Mines guards from the cut's history only, replays each non-merge commit that landed after it \
            (cut..until: branches merged later included) through the same code path as `check --commit`, and \
            scores the findings by guard kind against the commits that later needed a fix: named by a \
            Fixes: trailer, reverted, or (SZZ) whose lines a later fix removed. Reports alarm rate, recall, \
            precision and lift over random, beside baselines flagging as many commits (random, most added \
            lines, files with the highest bug score at the cut). A date means the mainline as it stood that \
            day: the last first-parent commit that landed (committer date) before it. Default cut: the \
            mainline a year before the window's end, or 80% along it when it is shorter; the window ends \
            --grace days before --until, so every replayed commit had that long for its fix to appear. A \
            window under 100 commits or 10 fix-inducing ones is reported as too small to judge. \
            `backtest:` in .hindsight.yml sets the defaults.
            """
    )

    @OptionGroup var repository: RepositoryOptions

    @Option(
        help: ArgumentHelp(
            "The last commit the guards learn from, or a date (yyyy-mm-dd: the mainline before that day).",
            valueName: "ref|date"))
    var cut: String?

    @Option(
        help: ArgumentHelp(
            "The last commit, or a date (the mainline before it), whose fixes count (default: HEAD).",
            valueName: "ref|date"))
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
        let snapshot = try workspace.snapshot(store)
        var runner = BacktestRunner(
            git: workspace.git, snapshot: snapshot, graph: try store.commitGraph(of: snapshot),
            configuration: configuration)
        if !quiet, Terminal.isErrorInteractive { runner.progress = ProgressBar() }
        let result = try runner.run(request)
        if result.window.commits.isEmpty {
            Terminal.printWarning(emptyWindowAdvice(result))
        } else if let tooSmall = result.tooSmall {
            Terminal.printWarning(
                "the window is too small to judge the guards: \(tooSmall). Pass an earlier --cut or a shorter --grace.")
        }
        let text = format.renderer.render(result)
        WideTableNote.check(text, isTable: format == .table, output: output, quiet: quiet)
        try OutputFile.emit(text, to: output)
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
