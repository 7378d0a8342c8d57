/// The health of `input`'s history: every period from the one holding `from` to the one holding the
/// reference time (`settings.now`), and the verdicts. Merges are not counted; lessons count by when
/// they were written and retired; `fixInducing` holds the commits (snapshot indices) a later commit
/// fixed or reverted, and a period that ended less than `graceDays` before the reference time is
/// provisional for them; `readds` holds per commit the fix lines it added back (``readdedFixLines``).
public func healthReport(
    of input: AnalysisInput, lessons: [Lesson], fixInducing: Set<Int> = [], readds: [Int: Int] = [:],
    guardVersions: [GuardFileVersion] = [],
    graceDays: Int = 365, reworkDays: Int = 21, by granularity: HealthGranularity, from first: Int64
) -> HealthReport {
    let now = input.settings.now
    var periods: [HealthPeriod] = []
    var start = granularity.start(of: min(first, now))
    while start <= now {
        let end = granularity.shifted(1, from: start)
        let covered = Double(min(end, now + 1) - start) / 86_400
        var period = HealthPeriod(label: granularity.label(of: start), start: start, end: end, days: covered)
        period.isProvisional = end + Int64(graceDays) * 86_400 > now
        periods.append(period)
        start = end
    }
    func period(of time: Int64) -> Int? {
        guard let firstStart = periods.first?.start, time >= firstStart, time <= now else { return nil }
        // Periods are few (hundreds at most) and sorted: a binary search is not worth its code.
        return periods.lastIndex { $0.start <= time }
    }
    let lines = rework(in: input, withinDays: reworkDays)
    let matured = now - Int64(reworkDays) * 86_400
    var groups = HealthGroups()
    var inducingIDs: [CommitID] = []
    let revertIDs = Set(input.snapshot.commits.filter { $0.revertedCommit != nil }.map(\.id))
    var authors = Array(repeating: Set<Int>(), count: periods.count)
    var periodOfCommit = Array(repeating: -1, count: input.snapshot.commits.count)
    for (index, commit) in input.snapshot.commits.enumerated() where !commit.isMerge && input.isInWindow[index] {
        guard let slot = period(of: input.times[index]) else { continue }
        periodOfCommit[index] = slot
        periods[slot].commits += 1
        if input.isFix[index] { periods[slot].fixes += 1 }
        if fixInducing.contains(index) {
            periods[slot].fixInducing += 1
            inducingIDs.append(commit.id)
        }
        if let reverted = commit.revertedCommit {
            periods[slot].reverts += 1
            if revertIDs.contains(reverted) { periods[slot].relands += 1 }
        }
        if lines.refixes[index] { periods[slot].refixes += 1 }
        if let readded = readds[index], readded > 0 {
            periods[slot].readds += 1
            periods[slot].readdedLines += readded
        }
        if input.isAgentCommit[index] { periods[slot].agentCommits += 1 }
        if input.isHuman[commit.author] { authors[slot].insert(commit.author) }
        let isMature = input.times[index] <= matured && lines.added[index] > 0
        if isMature {
            periods[slot].addedLines += lines.added[index]
            periods[slot].reworkedLines += lines.reworked[index]
            periods[slot].reworkTrials += 1
            if lines.reworked[index] > 0 { periods[slot].reworkedCommits += 1 }
        }
        if input.isAgentCommit[index] || input.isHuman[commit.author] {
            let group: WritableKeyPath<HealthGroups, HealthGroupFigures> =
                input.isAgentCommit[index] ? \.agents : \.people
            groups[keyPath: group].commits += 1
            if fixInducing.contains(index) { groups[keyPath: group].fixInducing += 1 }
            if isMature {
                groups[keyPath: group].addedLines += lines.added[index]
                groups[keyPath: group].reworkedLines += lines.reworked[index]
            }
        }
    }
    (groups.verdict, groups.reason) = compared(groups)
    for (slot, people) in authors.enumerated() { periods[slot].authors = people.count }
    for file in input.files {
        for (change, commit) in zip(file.changes, file.commits) where periodOfCommit[commit] >= 0 {
            periods[periodOfCommit[commit]].linesChanged += input.snapshot.changes[change].churn
        }
    }
    for index in input.snapshot.commits.indices where periodOfCommit[index] >= 0 {
        let changes = input.snapshot.commits[index].changes
        if changes.contains(where: { isContextFile(input.snapshot.paths[input.snapshot.changes[$0].path]) }) {
            periods[periodOfCommit[index]].contextCommits += 1
        }
    }
    var previous: GuardFileVersion?
    for version in guardVersions {
        defer { previous = version }
        guard let slot = period(of: input.times[version.commit]) else { continue }
        periods[slot].guardsAccepted += version.accepted.subtracting(previous?.accepted ?? []).count
        periods[slot].guardsMuted += version.muted.subtracting(previous?.muted ?? []).count
        guard let record = version.record, record != previous?.record else { continue }
        periods[slot].guardRefreshes += 1
        periods[slot].guardScore = record.shipped.map(record.score)
    }
    for lesson in lessons {
        if let slot = period(of: lesson.created) { periods[slot].lessonsAdded += 1 }
        if let retired = lesson.retirement?.time, let slot = period(of: retired) { periods[slot].lessonsRetired += 1 }
    }
    var report = HealthReport(
        granularity: granularity, asOf: now, periods: periods, trends: healthTrends(of: periods, by: granularity),
        reworkDays: reworkDays, groups: groups)
    report.fixInducingCommits = inducingIDs
    return report
}

/// Whether agents' commits needed fixes more or less often than people's, by the same test and level.
private func compared(_ groups: HealthGroups) -> (HealthVerdict, String) {
    let test = "two-proportion z-test on fix-inducing commits"
    switch TrendTest.proportions(
        recent: groups.agents.fixInducing, of: groups.agents.commits, before: groups.people.fixInducing,
        of: groups.people.commits)
    {
    case .tooFew(let expected):
        return (.noClearChange, tooFew(test, expected))
    case .tested(let pValue, let agentsHigher):
        let verdict: HealthVerdict = pValue < TrendTest.significance ? (agentsHigher ? .up : .down) : .noClearChange
        return (verdict, "\(test), \(pText(pValue))")
    }
}

private func tooFew(_ test: String, _ expected: Double) -> String {
    "too few commits for the \(test): the smallest cell expects \(TextShaping.fixed(expected, 1)), it needs \(Int(TrendTest.minimumExpected))"
}

// Four decimals, so a p-value just under the level never prints as the level itself.
private func pText(_ pValue: Double) -> String {
    pValue < 0.001 ? "p < 0.001" : "p = \(TextShaping.fixed(pValue, 4))"
}

/// How many of the latest periods are compared with how many before them.
public let healthRecentPeriods = 3
/// See `healthRecentPeriods`.
public let healthEarlierPeriods = 6

/// The verdict per figure: the last `healthRecentPeriods` periods pooled against the
/// `healthEarlierPeriods` before them; "no clear change" with fewer periods or too few commits.
public func healthTrends(of periods: [HealthPeriod], by granularity: HealthGranularity) -> [HealthTrend] {
    let needed = healthRecentPeriods + healthEarlierPeriods
    guard periods.count >= needed else {
        let reason = "needs \(needed) \(granularity.rawValue)s of history, has \(periods.count)"
        return HealthFigure.allCases.map {
            HealthTrend(figure: $0, before: nil, recent: nil, verdict: .noClearChange, pValue: nil, reason: reason)
        }
    }
    let recent = Array(periods.suffix(healthRecentPeriods))
    let before = Array(periods.dropLast(healthRecentPeriods).suffix(healthEarlierPeriods))
    return HealthFigure.allCases.map { figure in
        trend(of: figure, recent: PooledPeriods(recent), before: PooledPeriods(before), granularity: granularity)
    }
}

/// Periods added together.
private struct PooledPeriods {
    var commits = 0
    var days = 0.0
    var events: [HealthFigure: Int] = [:]
    var reworkTrials = 0
    var isProvisional = false

    init(_ periods: [HealthPeriod]) {
        for period in periods {
            commits += period.commits
            days += period.days
            events[.fixRatio, default: 0] += period.fixes
            events[.revertRate, default: 0] += period.reverts
            events[.agentShare, default: 0] += period.agentCommits
            events[.fixInducingRate, default: 0] += period.fixInducing
            events[.reworkedCommits, default: 0] += period.reworkedCommits
            reworkTrials += period.reworkTrials
            isProvisional = isProvisional || period.isProvisional
        }
    }

    /// The commits a share's events are counted among.
    func trials(of figure: HealthFigure) -> Int { figure == .reworkedCommits ? reworkTrials : commits }

    func value(of figure: HealthFigure, nominalDays: Double) -> Double? {
        if figure == .commits { return days > 0 ? Double(commits) / days * nominalDays : nil }
        let trials = trials(of: figure)
        return trials > 0 ? Double(events[figure] ?? 0) / Double(trials) : nil
    }
}

private func trend(
    of figure: HealthFigure, recent: PooledPeriods, before: PooledPeriods, granularity: HealthGranularity
) -> HealthTrend {
    let nominal = granularity == .month ? 30.436875 : 7
    let outcome =
        figure == .commits
        ? TrendTest.rates(recent: recent.commits, days: recent.days, before: before.commits, days: before.days)
        : TrendTest.proportions(
            recent: recent.events[figure] ?? 0, of: recent.trials(of: figure), before: before.events[figure] ?? 0,
            of: before.trials(of: figure))
    let test =
        switch figure {
        case .commits: "rate test on commits per day"
        case .reworkedCommits: "two-proportion z-test on commits that added lines"
        default: "two-proportion z-test"
        }
    var result = HealthTrend(
        figure: figure, before: before.value(of: figure, nominalDays: nominal),
        recent: recent.value(of: figure, nominalDays: nominal), verdict: .noClearChange, pValue: nil, reason: "")
    switch outcome {
    case .tooFew(let expected):
        result.reason = tooFew(test, expected)
    case .tested(let pValue, let recentIsHigher):
        result.pValue = pValue
        result.reason = "\(test), \(pText(pValue))"
        if pValue < TrendTest.significance {
            if let lowerIsBetter = figure.lowerIsBetter {
                result.verdict = recentIsHigher == lowerIsBetter ? .worse : .better
                // Young commits have had less time to need a fix: a drop there is not yet news.
                if result.verdict == .better, figure == .fixInducingRate, recent.isProvisional {
                    result.verdict = .noClearChange
                    result.isProvisional = true
                    result.reason += "; provisional: the recent commits are younger than the grace period"
                }
            } else {
                result.verdict = recentIsHigher ? .up : .down
            }
        }
    }
    return result
}

/// Whether `path` is one of the agent context files `hindsight context` writes.
func isContextFile(_ path: RepoPath) -> Bool {
    let text = path.string
    return ["AGENTS.md", "CLAUDE.md", ".github/copilot-instructions.md"].contains(text)
        || [".claude/rules/", ".cursor/rules/", ".github/instructions/"].contains { text.hasPrefix($0) }
}
