import ArgumentParser
import Foundation
import HindsightConfig
import HindsightCore
import HindsightGit
import HindsightIndex
import HindsightKit
import HindsightOutput

extension Guards {
    /// `hindsight guards mine`: propose guards from history, keeping every human edit.
    struct Mine: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mine",
            abstract: "Propose guards from history into .hindsight/guards.yml, keeping every human edit.",
            discussion: """
                Reads the removed lines of the latest fix commits (a fix word or Conventional fix: in the \
                subject, or a Fixes: trailer) and proposes a reintroduced-fix guard for each distinctive \
                code line a fix removed (at most 20 from a file; no comments) that has not come back, a \
                recurring-pattern guard for each call that three or more fixes across two or more files removed \
                at least twice as often as all commits do (as many other commits are read for that), and a \
                reverted-change guard for each reverted commit (unless re-landed) whose files still exist. \
                It also learns the risky-change model (guards.riskTrainingCommits, guards.alarmBudget). \
                Existing guards keep their status, severity, wording and mute reason; only their evidence is \
                refreshed. Then it backtests the guards on the repository's own history (as `hindsight \
                backtest` with the defaults) and records each kind's and each guard's score: proposed guards \
                of a kind whose lift over random is below backtest.liftThreshold (default 2), or that do not \
                fit the alarm budget beside kinds that pay more, are proposed at notice, and `check` runs such \
                live kinds at notice too, unless check.severity names them. A window too small to judge \
                changes nothing. The file is written only when it changes. --backtest-output writes that \
                backtest's report too, as `hindsight backtest --no-mine` would print it, so a nightly job \
                replays history once.
                """
        )

        @OptionGroup var repository: RepositoryOptions

        @Option(help: ArgumentHelp("Read at most this many of the latest fix commits.", valueName: "n"))
        var maxFixes = 500

        @Flag(help: "Read the index as it is, without mining new commits first.")
        var noMine = false

        @Flag(help: "Skip the backtest that records each kind's score (backtest.record in .hindsight.yml).")
        var noBacktest = false

        @Option(
            help: ArgumentHelp(
                "Also write the backtest's report to this file (as `hindsight backtest` prints it).", valueName: "file"
            ))
        var backtestOutput: String?

        @Option(help: ArgumentHelp("The backtest report's format: table, markdown or json.", valueName: "format"))
        var backtestFormat: BacktestFormat = .table

        @Flag(name: .shortAndLong, help: "Print nothing but errors.")
        var quiet = false

        func validate() throws {
            guard maxFixes >= 1 else { throw ValidationError("--max-fixes must be at least 1 (got \(maxFixes)).") }
            if backtestOutput != nil, noBacktest {
                throw ValidationError(
                    "--backtest-output needs the backtest: drop --no-backtest, or drop --backtest-output.")
            }
        }

        func run() throws {
            let workspace = try repository.openWorkspace()
            let git = workspace.git
            guard let workTree = workspace.workTree else {
                throw UsageError(
                    "guards live in the work tree's \(GuardSetFile.relativePath), and this repository is bare. Run it in a clone with a work tree."
                )
            }
            let configuration = workspace.configuration
            if !noMine { try IndexUpdate.run(workspace, quiet: quiet) }
            guard let store = try workspace.index(), try store.tip() != nil else {
                if !quiet { print("nothing to mine yet: the repository has no commits.") }
                return
            }
            let input = AnalysisInput(
                snapshot: try workspace.snapshot(store),
                settings: workspace.analysisSettings(now: try workspace.referenceTime()))
            let miner = GuardMiner(git: git, configuration: configuration, maxFixes: maxFixes)
            let (mined, fixesRead) = try miner.mine(input, severities: configuration.check.severities)
            let url = workTree.appendingPathComponent(GuardSetFile.relativePath)
            let existing = try GuardSetFile.load(from: url)
            let known = Set(existing.guards.map(\.id))
            var merged = existing.merging(mined: mined)
            merged.riskModel = try miner.learnRiskModel(input, graceDays: configuration.backtest.graceDays)
            var recordNote: String?
            if (configuration.backtest.record && !noBacktest) || backtestOutput != nil {
                let result = try backtest(
                    git: git, snapshot: input.snapshot, graph: try store.commitGraph(of: input.snapshot),
                    configuration: configuration)
                if configuration.backtest.record {
                    (merged, recordNote) = recorded(result, in: merged, severities: configuration.check.severities)
                }
                if let backtestOutput {
                    try OutputFile.emit(backtestFormat.renderer.render(result), to: backtestOutput)
                }
            }
            let wrote = try GuardSetFile.save(merged, to: url)
            guard !quiet else { return }
            let added = mined.count { !known.contains($0.id) }
            print(
                "read \(fixesRead) fix commits: \(mined.count) guards (\(added) new, \(mined.count - added) refreshed); "
                    + (wrote ? "wrote \(GuardSetFile.relativePath)." : "\(GuardSetFile.relativePath) is unchanged."))
            if let recordNote { print(recordNote) }
            print(riskNote(merged.riskModel))
        }

        /// What the change-risk model learned, in one line.
        private func riskNote(_ model: RiskModel?) -> String {
            guard let model else {
                return
                    "risky-change: not learned (it needs 50 commits older than backtest.grace, some of which later needed a fix)."
            }
            let top = model.features.sorted { abs($0.weight) > abs($1.weight) }.prefix(3).map(\.name)
            return "risky-change: learned from \(model.commits) commits (\(model.fixInducing) later needed a fix); "
                + "it flags \(TextShaping.percent(model.alarmBudget)) of them, \(TextShaping.percent(model.flaggedFixRate)) "
                + "of which needed a fix against \(TextShaping.percent(model.baseRate)) overall; strongest features: "
                + top.joined(separator: ", ") + "."
        }

        /// A backtest with the configured defaults.
        private func backtest(
            git: GitRepository, snapshot: HistorySnapshot, graph: CommitGraph, configuration: HindsightConfiguration
        ) throws -> BacktestResult {
            var request = BacktestRequest(configuration.backtest)
            request.maxFixes = maxFixes
            var runner = BacktestRunner(git: git, snapshot: snapshot, graph: graph, configuration: configuration)
            if !quiet, Terminal.isErrorInteractive { runner.progress = ProgressBar() }
            return try runner.run(request)
        }

        /// `set` with the record of `result`, and what it found in one line.
        private func recorded(
            _ result: BacktestResult, in set: GuardSet, severities: [String: Severity]
        ) -> (GuardSet, String) {
            guard !result.window.commits.isEmpty else {
                return (
                    set,
                    "backtest: no commit after the cut had \(result.graceDays) days for its fix to appear, so the "
                        + "record is unchanged (backtest.grace in .hindsight.yml shortens it)."
                )
            }
            if let tooSmall = result.tooSmall {
                return (
                    set,
                    "backtest: too small to judge (\(tooSmall)), so the record is unchanged and no kind is demoted "
                        + "(backtest.minCommits and backtest.minFixInducing in .hindsight.yml set the minimum)."
                )
            }
            let tallies = Dictionary(
                result.guards.map { ($0.name, GuardTally(flagged: $0.score.flagged, hits: $0.score.hits)) },
                uniquingKeysWith: { first, _ in first })
            let applied = set.applying(BacktestRecord(result), tallies: tallies) { severities[$0] ?? .warning }
            let below = result.kindsBelowThreshold
            let over = result.overBudget.sorted()
            return (
                applied,
                "backtest: \(result.overall.commits) commits replayed, \(result.overall.fixInducing) later needed a fix; "
                    + (below.isEmpty
                        ? "no kind fell below lift \(result.liftThreshold)."
                        : "below lift \(result.liftThreshold), so proposed at notice: \(below.joined(separator: ", ")).")
                    + (over.isEmpty
                        ? ""
                        : " Over the \(TextShaping.percent(result.alarmBudget)) alarm budget, so at notice: "
                            + over.joined(separator: ", ") + ".")
                    + " `hindsight backtest` shows the table."
            )
        }
    }
}
