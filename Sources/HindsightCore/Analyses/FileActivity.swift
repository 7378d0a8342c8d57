import Foundation

/// How much and how recently one file changed.
public struct FileActivity: Hashable, Sendable {
    /// Distinct commits that changed it.
    public var commits: [Int]
    /// Lines added.
    public var linesAdded = 0
    /// Lines deleted.
    public var linesDeleted = 0
    /// Lines added and deleted, each change weighted by 0.5^(age / half-life).
    public var recentChurn = 0.0
    /// Author time of the first change.
    public var firstSeen: Int64 = .max
    /// Author time of the latest change.
    public var lastChanged: Int64 = .min
    /// Distinct calendar days, in the author's time zone, with a change.
    public var daysWithChanges = 0
}

/// Seconds in a day.
let secondsPerDay = 86_400.0

/// The weight of a change made at `time` in recency-weighted churn: 1 now, ½ one half-life ago.
public func recencyWeight(of time: Int64, now: Int64, halfLifeDays: Double) -> Double {
    let ageDays = max(0, Double(now - time) / secondsPerDay)
    return halfLifeDays > 0 ? exp2(-ageDays / halfLifeDays) : 1
}

/// Commits, lines, recency-weighted churn, first and last change and active days of `file`.
public func fileActivity(of file: FileLineage, in input: AnalysisInput) -> FileActivity {
    var activity = FileActivity(commits: [])
    var days: [Int64] = []
    days.reserveCapacity(file.changes.count)
    let halfLife = input.settings.halfLifeDays
    let now = input.settings.now
    for (changeIndex, commitIndex) in zip(file.changes, file.commits) {
        let change = input.snapshot.changes[changeIndex]
        let time = input.times[commitIndex]
        if activity.commits.last != commitIndex { activity.commits.append(commitIndex) }
        activity.linesAdded += change.added
        activity.linesDeleted += change.deleted
        activity.recentChurn += Double(change.churn) * recencyWeight(of: time, now: now, halfLifeDays: halfLife)
        activity.firstSeen = min(activity.firstSeen, time)
        activity.lastChanged = max(activity.lastChanged, time)
        let local = time + Int64(input.snapshot.commits[commitIndex].offsetMinutes) * 60
        days.append(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
    }
    days.sort()
    activity.daysWithChanges = days.isEmpty ? 0 : 1 + zip(days, days.dropFirst()).count { $0 != $1 }
    return activity
}
