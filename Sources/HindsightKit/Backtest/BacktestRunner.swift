import Foundation
import HindsightConfig
import HindsightCore
import HindsightGit
import HindsightIndex

/// Runs a backtest: mines guards from the history up to the cut only, replays each commit of the
/// window through `check --commit`'s code path, and scores the findings against the commits that
/// later needed a fix.
public struct BacktestRunner {
    let git: GitRepository
    /// The whole index at first; the replayed history (``HistorySnapshot/replayHistory(cut:until:graph:)``) once the points are known.
    private var snapshot: HistorySnapshot
    let graph: CommitGraph
    let configuration: HindsightConfiguration

    /// Called after each replayed commit with (done, total).
    public var progress: (any MineProgress)?

    /// A runner over `snapshot`, the index of `git`'s history, whose parents `graph` gives.
    public init(
        git: GitRepository, snapshot: HistorySnapshot, graph: CommitGraph, configuration: HindsightConfiguration
    ) {
        self.git = git
        self.snapshot = snapshot
        self.graph = graph
        self.configuration = configuration
    }

    /// Resolves the cut and the end on the mainline, then mines at the cut, replays what landed
    /// after it and scores it.
    public func run(_ request: BacktestRequest) throws -> BacktestResult {
        let point = BacktestPoint(snapshot: snapshot, graph: graph, git: git)
        let tip = snapshot.commits.count - 1
        let until = try request.until.map { try point.index(of: $0, option: "--until", mainline: tip) } ?? tip
        let grace = Int64(request.graceDays) * 86_400
        let cut =
            try request.cut.map { try point.index(of: $0, option: "--cut", mainline: until) }
            ?? BacktestPoints.defaultCut(until: until, grace: grace, in: snapshot, graph: graph)
        if cut == until || !graph.ancestry(of: until)[cut] {
            let names = (snapshot.commits[cut].id.short, snapshot.commits[until].id.short)
            throw UsageError(
                graph.ancestry(of: cut)[until]
                    ? "the cut (\(names.0)) must come before --until (\(names.1)): give an earlier --cut."
                    : "the cut (\(names.0)) is not in the history of --until (\(names.1)): it is on a branch merged later or never; name a commit on the mainline, or a date."
            )
        }
        var replay = self
        let laidOut = snapshot.replayHistory(cut: cut, until: until, graph: graph)
        replay.snapshot = laidOut.history
        return try replay.replay(request, cut: laidOut.cut, grace: grace)
    }

    /// Mines at `cut`, replays the window and scores it, on the laid-out history.
    private func replay(_ request: BacktestRequest, cut: Int, grace: Int64) throws -> BacktestResult {
        let until = snapshot.commits.count - 1
        let window = BacktestWindow(
            snapshot: snapshot, cut: cut, until: until, grace: grace, maxCommits: request.maxCommits)
        let full = AnalysisInput(snapshot: snapshot, settings: settings(at: until))
        let truth = try groundTruth(window, in: full)
        let miner = GuardMiner(git: git, configuration: configuration, maxFixes: request.maxFixes)
        let atCut = try train(miner, through: window.cut, graceDays: request.graceDays)
        var model = atCut
        var flags = BacktestFlags()
        let session = CheckSession(
            configuration: configuration.check, fixes: configuration.report.fixDetector,
            bots: configuration.report.botDetector)
        let mailmap = try? Mailmap(repository: git)
        progress?.started(total: window.commits.count)
        defer { progress?.finished() }
        for (position, commit) in window.commits.enumerated() {
            if let every = request.refreshEvery, position > 0, position.isMultiple(of: every) {
                // risky-change keeps the model learned at the cut: learning it means SZZ over
                // thousands of commits, too much to repeat every few replayed commits.
                model = try train(miner, through: commit - 1, graceDays: nil)
                model.riskModel = atCut.riskModel
            }
            // Read afresh rather than through the miner's cache: a long window must not hold every diff.
            var change = try git.changeSet(
                for: .commit(snapshot.commits[commit].id.hex), options: configuration.history)
            change.author = change.author.map { mailmap?.resolve($0) ?? $0 }
            var facts = model.facts
            facts.now = snapshot.commits[commit].commitTime
            let result = session.run(change, rules: model.rules, record: nil, model: model.riskModel, facts: facts)
            flags.record(result.findings, for: commit)
            progress?.advanced(by: 1)
        }
        let added = addedLines(window)
        let bugScore = bugScores(window, at: atCut.bugScores)
        let scores = scoreBacktest(
            window: window, truth: truth, flags: flags, kinds: CheckConfiguration.kinds, addedLines: added,
            bugScore: bugScore)
        var result = BacktestResult(
            cut: landed(window.cut, in: full), until: landed(window.until, in: full), window: window,
            graceDays: request.graceDays,
            refreshEvery: request.refreshEvery, guardsAtCut: atCut.guards.count, truth: truth, kinds: scores.kinds,
            overall: scores.overall, baselines: scores.baselines, guards: scores.guards,
            liftThreshold: request.liftThreshold)
        result.minimum = request.minimumWindow
        result.flags = flags
        result.alarmBudget = configuration.guards.alarmBudget
        let shippedCommits = keepToBudget(&result, truth: truth, addedLines: added, bugScore: bugScore)
        result.settings = settings(of: request, full.settings)
        result.replayed = window.commits.map { commit in
            ReplayedCommit(
                id: snapshot.commits[commit].id, added: added[commit] ?? 0,
                churn: snapshot.changes[snapshot.commits[commit].changes].reduce(0) { $0 + $1.churn },
                kinds: (flags.kinds[commit] ?? []).sorted(), shipped: shippedCommits.contains(commit),
                fixInducing: truth.sources[commit] != nil)
        }
        let replayed = Set(window.commits)
        result.fixInducingCommits = truth.sources.filter { replayed.contains($0.key) }.sorted { $0.key < $1.key }.map {
            (snapshot.commits[$0.key].id, $0.value.sorted())
        }
        return result
    }

    /// Commit `index` as a backtest names it: dated when it landed (committer time), as the cut is chosen.
    private func landed(_ index: Int, in input: AnalysisInput) -> CommitRef {
        var reference = input.reference(index)
        reference.time = snapshot.commits[index].commitTime
        return reference
    }

    /// Every setting a number depends on, so a reader can reproduce it.
    private func settings(of request: BacktestRequest, _ analysis: AnalysisSettings) -> [(name: String, value: String)]
    {
        let coupling = analysis.coupling
        return [
            ("grace", "\(request.graceDays) days"),
            ("maxCommits", request.maxCommits.map(String.init) ?? "none"),
            (
                "refresh",
                request.refreshEvery.map { "every \($0) commits (risky-change: learned once, at the cut)" }
                    ?? "once, at the cut"
            ),
            ("maxFixes", "\(request.maxFixes) latest fix commits per mining"),
            ("liftThreshold", String(request.liftThreshold)),
            (
                "minimumWindow",
                "\(request.minimumWindow.commits) commits, \(request.minimumWindow.fixInducing) fix-inducing"
            ),
            ("flagged", "a commit with any finding, any severity, after check.exclude and Hindsight-Allow trailers"),
            ("fixPattern", analysis.fixes.pattern ?? FixDetector.defaultPattern),
            (
                GuardKind.reintroducedFix.id,
                "a line a fix removed, at most 20 removed lines per file, in fewer than 3 files"
            ),
            (
                GuardKind.recurringPattern.id,
                "a call 3 or more fixes removed across 2 or more files, at least 2× as often as all commits do"
            ),
            (
                GuardKind.coChange.id,
                "partners with at least \(coupling.minShared) shared commits and \(coupling.minDegree)% degree, "
                    + "files with \(coupling.minRevisions)+ commits, commits of at most \(coupling.maxFilesPerCommit) files"
            ),
            (
                "groundTruth",
                "Fixes: trailers naming a unique id prefix (7+ hex digits); reverts; SZZ: non-blank, "
                    + "non-brace, non-comment lines later fix commits removed, traced to the latest earlier commit that "
                    + "added them, following renames, ignoring origins before the first replayed commit"
            ),
        ]
    }

    /// What the guards know at one commit: mined guards, the change-risk model, the live rules'
    /// per-file facts and bug scores.
    private struct Model {
        var guards: [Guard]
        var rules: [any GuardRule]
        var riskModel: RiskModel?
        var facts: KnownFacts
        var bugScores: [RepoPath: Double]
    }

    /// Mines, learns and analyses the history through commit `last` and nothing after it; the
    /// change-risk model is learned only with `graceDays` (nil: none).
    private func train(_ miner: GuardMiner, through last: Int, graceDays: Int?) throws -> Model {
        let input = AnalysisInput(snapshot: snapshot.prefix(through: last), settings: settings(at: last))
        let analyzed = analyzeFiles(in: input)
        let severities = configuration.check.severities
        let guards = try miner.mine(input, severities: severities).guards
        let risk = RiskHistory(input: input)
        return Model(
            guards: guards, rules: CheckSession.rules(guards: guards),
            riskModel: try graceDays.flatMap {
                try RiskTrainer(labels: labels, settings: configuration.guards).train(
                    input, graceDays: $0, history: risk)
            },
            facts: KnownFacts(
                files: fileFacts(in: input, analyzed: analyzed, recurring: recurringFixes(in: input), risk: risk),
                tip: input.snapshot.tip, authorCommits: risk.authorCommits,
                now: input.snapshot.tipCommitTime ?? 0),
            bugScores: Dictionary(analyzed.map { ($0.report.path, $0.report.bugScore) }, uniquingKeysWith: max))
    }

    /// The analyses' settings as of the time commit `index` landed, so windows and decay end there.
    private func settings(at index: Int) -> AnalysisSettings {
        configuration.report.analysisSettings(now: snapshot.commits[index].commitTime)
    }

    /// Commits of the window a later commit (through `until`) names, reverts, or whose lines a later fix removed.
    private func groundTruth(_ window: BacktestWindow, in full: AnalysisInput) throws -> GroundTruth {
        guard let first = window.commits.first, let last = window.commits.last else { return GroundTruth() }
        return try labels.truth(of: first..<(last + 1), until: window.until, in: full)
    }

    private var labels: FixInducingReader { FixInducingReader(git: git, options: configuration.history) }

    private func addedLines(_ window: BacktestWindow) -> [Int: Int] {
        Dictionary(
            uniqueKeysWithValues: window.commits.map { commit in
                (commit, snapshot.changes[snapshot.commits[commit].changes].reduce(0) { $0 + $1.added })
            })
    }

    /// Per replayed commit, the highest bug score at the cut among the files it touches.
    private func bugScores(_ window: BacktestWindow, at scores: [RepoPath: Double]) -> [Int: Double] {
        Dictionary(
            uniqueKeysWithValues: window.commits.map { commit in
                let touched = snapshot.changes[snapshot.commits[commit].changes].flatMap { change in
                    [change.path] + (change.oldPath.map { [$0] } ?? [])
                }
                return (commit, touched.compactMap { scores[snapshot.paths[$0]] }.max() ?? 0)
            })
    }
}
