/// The agent context of a history: `report` must be the whole, unfiltered report of `input`, and
/// `facts` the per-file facts of the same input; `guards` is the guard set (only accepted guards are kept).
public func agentContext(
    input: AnalysisInput, report: StabilityReport, facts: [RepoPath: FileFacts], guards: [Guard],
    lessons: [LessonEntry] = [], activeDays: Int = 30, attemptYears: Int = 3
) -> AgentContext {
    let lineages = fileLineages(of: input.snapshot)
    let alive = lineages.filter { !$0.isDeleted }.map(\.path)
    let aliveSet = Set(alive)
    let tree = tipTree(of: input, alive: aliveSet)
    let recurring = Dictionary(report.recurringFixes.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    let attempts = revertedAttempts(
        report.reverts, lineages: lineages, alive: tree.files, in: input, horizonYears: attemptYears)
    var context = AgentContext(
        head: input.snapshot.tip, asOf: input.snapshot.tip == nil ? nil : input.settings.now,
        doNotRetry: attempts.attempts,
        fixProne: fixProneFiles(
            report.files, facts: facts, recurring: recurring, tree: tree, recentSince: input.settings.recentFixSince),
        coChanges: coChangeLists(facts),
        stableAreas: stableAreas(report.files, facts: facts, asOf: report.summary.asOf),
        // A directory the last month deleted was busy, but an agent cannot work in it.
        activeAreas: activeAreas(in: input, asOf: report.summary.asOf, days: activeDays).filter { area in
            area.directory.string.isEmpty || tree.hasDirectory(area.directory.string)
        },
        conventions: conventions(in: input, facts: facts, alive: alive, tree: tree),
        guards: guards.filter { $0.status == .accepted }, lessons: rankedLessons(lessons))
    context.doNotRetryLeftOut = attempts.leftOut
    return context
}

/// The agent context of a whole snapshot, with ages counted from its tip's committer time rather
/// than today, so the same history always gives the same
/// context; `settings` gives the analysis settings for that moment.
public func agentContext(
    of snapshot: HistorySnapshot, settings: (Int64) -> AnalysisSettings, guards: [Guard], lessons: [LessonEntry] = [],
    activeDays: Int = 30, attemptYears: Int = 3
) -> AgentContext {
    let tipTime = snapshot.tipCommitTime ?? 0
    let input = AnalysisInput(snapshot: snapshot, settings: settings(tipTime))
    // One analysis for the report and the facts; the context has no use for the files' risk counts.
    let (_, report, facts) = analysis(of: input, measuresRisk: false)
    return agentContext(
        input: input, report: report, facts: facts, guards: guards, lessons: lessons, activeDays: activeDays,
        attemptYears: attemptYears)
}

/// The lessons in force, the most relevant first: those that still hold (neither stale nor about
/// paths gone from the tree) before the doubtful ones, and the newest first within each.
public func rankedLessons(_ lessons: [LessonEntry]) -> [LessonEntry] {
    func doubt(_ entry: LessonEntry) -> Int {
        switch entry.state {
        case .active: 0
        case .stale: 1
        default: 2
        }
    }
    return lessons.filter(\.state.isInForce).sorted { lhs, rhs in
        (doubt(lhs), rhs.lesson.created, lhs.lesson.id) < (doubt(rhs), lhs.lesson.created, rhs.lesson.id)
    }
}

/// The tip's tree as the snapshot read it (else the files history leaves alive), its texts read on demand.
func tipTree(of input: AnalysisInput, alive: Set<RepoPath>) -> TipTree {
    let texts = input.snapshot.tipTexts
    return TipTree(files: input.snapshot.livePaths ?? alive) { texts?.value(of: $0) }
}

/// What a revert's body says beyond git's `This reverts commit <id>.` line and trailers.
public func revertReason(_ body: String) -> String? {
    let lines = body.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { line in
        !line.isEmpty && !line.hasPrefix("This reverts commit") && !isTrailerLine(line)
    }
    let reason = lines.joined(separator: " ")
    return reason.isEmpty ? nil : reason
}

private func isTrailerLine(_ line: String) -> Bool {
    guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else { return false }
    let key = line[..<colon]
    return line[colon...].hasPrefix(": ") && key.allSatisfy { $0.isLetter || $0 == "-" } && key.contains("-")
}

/// Hotspots, and files with a recurring-fix region fixed since `recentSince` (a region whose
/// fixes are all older points at code that has settled: libgit2's `include/git2.h`), highest bug
/// score first.
func fixProneFiles(
    _ files: [FileReport], facts: [RepoPath: FileFacts], recurring: [RepoPath: RecurringFixFile], tree: TipTree,
    recentSince: Int64
) -> [FixProneFile] {
    files.compactMap { file -> FixProneFile? in
        guard !file.isDeleted, let fact = facts[file.path] else { return nil }
        let recentRegion = fact.fixRegions.contains { region in region.latestFixes.contains { $0.time >= recentSince } }
        guard file.classification.fileClass == .hotspot || recentRegion else { return nil }
        // A test file's own tests are itself.
        let tests = isTestPath(file.path) ? [file.path] : fact.testPartners.map(\.path)
        return FixProneFile(
            path: file.path, fileClass: file.classification.fileClass, fixCount: file.fixCommits,
            bugScore: file.bugScore,
            regions: Array(
                fact.fixRegions.sorted { ($1.fixCount, $0.lines.lowerBound) < ($0.fixCount, $1.lines.lowerBound) }
                    .prefix(3)),
            latestFixes: Array((recurring[file.path]?.fixes ?? []).suffix(3).reversed()),
            tests: tests, testCommand: testCommand(for: tests, in: tree))
    }.sorted { ($1.bugScore, $0.path) < ($0.bugScore, $1.path) }
}

/// The files `hindsight context` and `guards mine` write: they change together because one refresh
/// writes them all, which teaches an agent nothing.
let contextOutputPatterns: [GlobPattern] = [
    ".claude/rules/hindsight-*.md", ".cursor/rules/hindsight-*.mdc", ".github/instructions/hindsight-*.instructions.md",
    "/AGENTS.md", "/CLAUDE.md", ".hindsight/",
].map { GlobPattern($0) }

/// Each file's partners, with every pair listed once (under the file with more commits), without
/// the files Hindsight's own refresh writes.
func coChangeLists(_ facts: [RepoPath: FileFacts]) -> [CoChangeList] {
    var seen = Set<[RepoPath]>()
    let written = { (path: RepoPath) in contextOutputPatterns.contains { $0.matches(path) } }
    let ordered = facts.values.filter { !written($0.path) }.sorted { ($1.commits, $0.path) < ($0.commits, $1.path) }
    return ordered.compactMap { fact -> CoChangeList? in
        let partners = fact.coupling.filter { partner in
            !written(partner.path) && seen.insert([fact.path, partner.path].sorted()).inserted
        }
        return partners.isEmpty
            ? nil : CoChangeList(path: fact.path, commits: fact.commits, partners: Array(partners.prefix(3)))
    }.sorted { lhs, rhs in
        let (left, right) = (lhs.partners.first?.degree ?? 0, rhs.partners.first?.degree ?? 0)
        return (right, rhs.commits, lhs.path) < (left, lhs.commits, rhs.path)
    }
}
