/// Seconds in a week.
private let secondsPerWeek: Int64 = 604_800
/// 1970-01-05, the first Monday after the epoch.
private let firstMonday: Int64 = 345_600

/// The Monday 00:00 UTC that starts the week holding `time`.
public func weekStart(of time: Int64) -> Int64 {
    let offset = time - firstMonday
    let week = offset >= 0 ? offset / secondsPerWeek : (offset - secondsPerWeek + 1) / secondsPerWeek
    return week * secondsPerWeek + firstMonday
}

/// Non-merge commits, fixes and churn (covered files) per week, every week from the first to the
/// last commit in the window included, oldest first.
public func weeklyActivity(in input: AnalysisInput) -> [WeekActivity] {
    let counted = input.times.indices.filter { input.isInWindow[$0] && !input.snapshot.commits[$0].isMerge }
    guard let first = counted.map({ input.times[$0] }).min(), let last = counted.map({ input.times[$0] }).max() else {
        return []
    }
    let firstWeek = weekStart(of: first)
    let weekCount = Int((weekStart(of: last) - firstWeek) / secondsPerWeek) + 1
    var weeks = (0..<weekCount).map {
        WeekActivity(start: firstWeek + Int64($0) * secondsPerWeek, commits: 0, fixes: 0, churn: 0)
    }
    func week(of commit: Int) -> Int { Int((weekStart(of: input.times[commit]) - firstWeek) / secondsPerWeek) }
    for commit in counted {
        weeks[week(of: commit)].commits += 1
        if input.isFix[commit] { weeks[week(of: commit)].fixes += 1 }
    }
    for file in input.files {
        for (change, commit) in zip(file.changes, file.commits) {
            weeks[week(of: commit)].churn += input.snapshot.changes[change].churn
        }
    }
    return weeks
}
