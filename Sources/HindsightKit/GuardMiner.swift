import HindsightConfig
import HindsightCore
import HindsightGit

/// Mines guards from history as it stood at one commit: the latest fix commits' removed lines (and
/// as many other commits', for how often any commit removes a call) and the reverted commits still
/// in it. `guards mine` runs it at the index's tip; the backtest at its cut, again at each refresh,
/// so the diffs it reads are kept for the next run.
public final class GuardMiner {
    private let git: GitRepository
    private let configuration: HindsightConfiguration
    private let maxFixes: Int
    private var changes: [CommitID: ChangeSet] = [:]

    /// A miner reading diffs from `git`, at most `maxFixes` of the latest fix commits per run.
    public init(git: GitRepository, configuration: HindsightConfiguration, maxFixes: Int) {
        self.git = git
        self.configuration = configuration
        self.maxFixes = maxFixes
    }

    /// The guards `input` teaches, with each kind's severity from `severities` (else warning), and
    /// how many fix commits were read. Lines a fix removed count only while absent at `input`'s tip.
    public func mine(_ input: AnalysisInput, severities: [String: Severity]) throws -> (guards: [Guard], fixesRead: Int)
    {
        guard let tip = input.snapshot.tip else { return ([], 0) }
        // Guards learn from commits that say they fix something in their subject or a Fixes:
        // trailer; a fix word deep in a feature's body is enough for the report, not for a guard.
        let matcher = configuration.report.fixDetector.matcher()
        let commits = input.times.indices.filter { input.isInWindow[$0] && !input.snapshot.commits[$0].isMerge }
        let isGuardFix = { (index: Int) -> Bool in
            let commit = input.snapshot.commits[index]
            return input.isFix[index]
                && matcher.isFix(subject: commit.subject, body: "", fixesReferences: commit.fixesReferences)
        }
        let allFixes = commits.filter(isGuardFix)
        let fixes = allFixes.suffix(maxFixes)
        let diffs = try fixes.map { FixDiff(commit: $0, change: try change(of: input.snapshot.commits[$0].id)) }
        // As many of the latest other commits, for how often any commit removes a call.
        let others = try commits.filter { !isGuardFix($0) }.suffix(maxFixes).map {
            try change(of: input.snapshot.commits[$0].id)
        }
        let baseline = CallRemovalBaseline(
            changes: others, fixShare: commits.isEmpty ? 0 : Double(allFixes.count) / Double(commits.count))
        func severity(_ kind: GuardKind) -> Severity { severities[kind.id] ?? kind.defaultSeverity }
        let guards =
            reintroducedFixGuards(from: diffs, input: input, severity: severity(.reintroducedFix)) {
                [git] path in try? git.fileText(at: path, in: tip)
            }
            + recurringPatternGuards(
                from: diffs, baseline: baseline, input: input, severity: severity(.recurringPattern))
            + revertedChangeGuards(from: try revertedDiffs(input), input: input, severity: severity(.revertedChange))
        return (guards, diffs.count)
    }

    /// The `risky-change` model of `input`'s history, learned from its commits older than `graceDays`
    /// with the backtest's fix-inducing labels; nil when history is too short or shows no outcome.
    public func learnRiskModel(_ input: AnalysisInput, graceDays: Int) throws -> RiskModel? {
        try RiskTrainer(
            labels: FixInducingReader(git: git, options: configuration.history), settings: configuration.guards
        ).train(input, graceDays: graceDays)
    }

    /// A commit's change against its first parent, read once.
    func change(of id: CommitID) throws -> ChangeSet {
        if let known = changes[id] { return known }
        let change = try git.changeSet(for: .commit(id.hex), options: configuration.history)
        changes[id] = change
        return change
    }

    /// The changes of reverted commits still in the history, with their reverts.
    private func revertedDiffs(_ input: AnalysisInput) throws -> [RevertedDiff] {
        var indexOfID: [CommitID: Int] = [:]
        let named = Set(input.snapshot.commits.compactMap(\.revertedCommit))
        for (index, commit) in input.snapshot.commits.enumerated() where named.contains(commit.id) {
            indexOfID[commit.id] = index
        }
        var diffs: [RevertedDiff] = []
        for (index, commit) in input.snapshot.commits.enumerated() where input.isInWindow[index] {
            guard let id = commit.revertedCommit, let reverted = indexOfID[id] else { continue }
            diffs.append(RevertedDiff(revert: index, reverted: reverted, change: try change(of: id)))
        }
        return diffs
    }
}
