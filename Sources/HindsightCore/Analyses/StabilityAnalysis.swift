import Foundation

/// One analysed file: its report row plus the commits behind it, for `--explain` and guard facts.
public struct AnalyzedFile: Sendable {
    /// The report row.
    public var report: FileReport
    /// Distinct commits that changed it, oldest first.
    public var commits: [Int]
}

/// Every covered file of `input`, analysed, in `input.files` order.
public func analyzeFiles(in input: AnalysisInput) -> [AnalyzedFile] {
    let clock = BugScoreClock(input: input)
    let partners = coupling(in: input)
    let parts = input.files.map { file in
        let activity = fileActivity(of: file, in: input)
        let owners = authorShares(of: activity.commits, in: input)
        let bugs = bugScore(of: activity.commits, in: input, clock: clock)
        return (file, activity, owners, bugs)
    }
    let classes = classify(
        parts.map { _, activity, _, bugs in
            ClassFigures(
                commits: activity.commits.count, recentChurn: activity.recentChurn, bugScore: bugs.score,
                fixCommits: bugs.fixes.count, firstSeen: activity.firstSeen, lastChanged: activity.lastChanged)
        }, now: input.settings.now, thresholds: input.settings.classes)
    return zip(parts, zip(partners, classes)).map { part, extra in
        let (file, activity, owners, bugs) = part
        let report = FileReport(
            path: file.path, isDeleted: file.isDeleted, commits: activity.commits.count,
            linesAdded: activity.linesAdded, linesDeleted: activity.linesDeleted, recentChurn: activity.recentChurn,
            firstSeen: activity.firstSeen, lastChanged: activity.lastChanged, daysWithChanges: activity.daysWithChanges,
            authors: owners.authors, agentCommits: owners.agentCommits, fixCommits: bugs.fixes.count,
            bugScore: bugs.score, reverts: activity.commits.count { input.isRevert($0) }, coupling: extra.0,
            classification: extra.1)
        return AnalyzedFile(report: report, commits: activity.commits)
    }
}

/// The whole stability report of `input`: every covered file in attention order, directories,
/// recurring fixes, reverts and the weekly timeline.
public func stabilityReport(from input: AnalysisInput) -> StabilityReport {
    ReportParts(input).report
}

/// The report of `input`, its analysed files and the guard rules' per-file facts, analysing every
/// file and recurring fix once for all three (a long-lived reader such as the MCP server needs each);
/// `measuresRisk` as for ``fileFacts(in:analyzed:recurring:risk:measuresRisk:)``.
public func analysis(
    of input: AnalysisInput, measuresRisk: Bool = true
) -> (analyzed: [AnalyzedFile], report: StabilityReport, facts: [RepoPath: FileFacts]) {
    let parts = ReportParts(input)
    let facts = fileFacts(in: input, analyzed: parts.analyzed, recurring: parts.recurring, measuresRisk: measuresRisk)
    return (parts.analyzed, parts.report, facts)
}

/// The independent analyses a report is made of, computed side by side.
private struct ReportParts {
    let input: AnalysisInput
    let analyzed: [AnalyzedFile]
    let recurring: [RecurringFixFile]
    let reverts: [RevertRecord]
    let weeks: [WeekActivity]

    init(_ input: AnalysisInput) {
        // Recurring fixes read hunks and nothing the file analyses produce: run them side by side.
        let recurring = Locked<[RecurringFixFile]>([])
        let history = Locked<([RevertRecord], [WeekActivity])>(([], []))
        let files = Locked<[AnalyzedFile]>([])
        DispatchQueue.concurrentPerform(iterations: 3) { job in
            switch job {
            case 0: recurring.withLock { $0 = recurringFixes(in: input) }
            case 1: history.withLock { $0 = (HindsightCore.reverts(in: input), weeklyActivity(in: input)) }
            default: files.withLock { $0 = analyzeFiles(in: input) }
            }
        }
        self.input = input
        analyzed = files.withLock { $0 }
        self.recurring = recurring.withLock { $0 }
        (reverts, weeks) = history.withLock { $0 }
    }

    var report: StabilityReport {
        let reports = analyzed.map(\.report)
        return StabilityReport(
            summary: repositorySummary(of: input, files: reports), settings: input.settings,
            files: reports.sorted(by: ReportSort.attention.areInIncreasingOrder), omittedFiles: 0,
            directories: directoryRollups(files: reports, in: input),
            recurringFixes: recurring, reverts: reverts, weeks: weeks,
            recognisedTrees: recognisedTreeRollups(in: input))
    }
}

/// Repository-wide totals for the window.
func repositorySummary(of input: AnalysisInput, files: [FileReport]) -> RepositorySummary {
    var commits = 0
    var merges = 0
    var fixes = 0
    var reverts = 0
    var agents = 0
    var first: Int64?
    var last: Int64?
    var people = Set<Int>()
    for (index, time) in input.times.enumerated() where input.isInWindow[index] {
        first = min(first ?? time, time)
        last = max(last ?? time, time)
        if input.snapshot.commits[index].isMerge {
            merges += 1
            continue
        }
        commits += 1
        if input.isFix[index] { fixes += 1 }
        if input.isRevert(index) { reverts += 1 }
        if input.isAgentCommit[index] { agents += 1 }
        if input.isHuman[input.authors[index]] { people.insert(input.authors[index]) }
    }
    let weeks = max(1, Double((last ?? 0) - (first ?? 0)) / 604_800)
    return RepositorySummary(
        tip: input.snapshot.tip, asOf: input.settings.now, commits: commits, merges: merges,
        files: files.count { !$0.isDeleted }, deletedFiles: files.count(where: \.isDeleted), authors: people.count,
        firstCommit: first, lastCommit: last, commitsPerWeek: Double(commits) / weeks, fixCommits: fixes,
        reverts: reverts, agentCommits: agents, churn: files.reduce(0) { $0 + $1.churn },
        isShallow: input.snapshot.isShallow)
}
