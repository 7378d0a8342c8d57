import Foundation

/// The figures a file's class is decided from.
public struct ClassFigures: Hashable, Sendable {
    /// Distinct commits.
    public var commits: Int
    /// Recency-weighted churn.
    public var recentChurn: Double
    /// Bug score.
    public var bugScore: Double
    /// Fix commits.
    public var fixCommits: Int
    /// First change, seconds since the epoch.
    public var firstSeen: Int64
    /// Latest change, seconds since the epoch.
    public var lastChanged: Int64

    /// Figures from their parts.
    public init(
        commits: Int, recentChurn: Double, bugScore: Double, fixCommits: Int, firstSeen: Int64, lastChanged: Int64
    ) {
        self.commits = commits
        self.recentChurn = recentChurn
        self.bugScore = bugScore
        self.fixCommits = fixCommits
        self.firstSeen = firstSeen
        self.lastChanged = lastChanged
    }
}

/// Classes every file against the repository's own distribution, first rule that holds:
/// `new` (first seen within `newDays`), `stable` (unchanged for `stableDays`), `hotspot` (churning
/// with a bug score in the top of files with fixes, and at least `hotspotMinCommits` commits and
/// `hotspotMinFixes` fix commits as evidence), `churning` (recency-weighted churn in the top
/// decile), `stable` (unchanged for half of `stableDays` and among the slowest changers), else `active`.
public func classify(_ files: [ClassFigures], now: Int64, thresholds: ClassThresholds) -> [Classification] {
    let churnCut = max(
        percentile(files.map(\.recentChurn).filter { $0 > 0 }, thresholds.churningPercentile) ?? .infinity,
        thresholds.minimumChurningChurn)
    let bugCut = percentile(files.map(\.bugScore).filter { $0 > 0 }, thresholds.hotspotBugPercentile) ?? .infinity
    let rates = files.map { rate(of: $0, now: now) }
    let slowCut = percentile(rates, thresholds.stableRatePercentile) ?? 0
    return zip(files, rates).map { file, rate in
        let age = days(from: file.firstSeen, to: now)
        let idle = days(from: file.lastChanged, to: now)
        let history = "\(TextShaping.count(file.commits, "commit")) in \(span(age))"
        if age < thresholds.newDays {
            return Classification(
                .new,
                reason: "new: first seen \(whole(age)) days ago (new for \(whole(thresholds.newDays)) days), \(history)"
            )
        }
        if idle >= thresholds.stableDays {
            return Classification(
                .stable,
                reason:
                    "stable: unchanged for \(whole(idle)) days (stable after \(whole(thresholds.stableDays))), \(history)"
            )
        }
        let churning =
            "recent churn \(one(file.recentChurn)) lines, top \(whole(100 - thresholds.churningPercentile))% (≥ \(one(churnCut)))"
        if file.recentChurn >= churnCut {
            if file.bugScore > 0, file.bugScore >= bugCut, file.commits >= thresholds.hotspotMinCommits,
                file.fixCommits >= thresholds.hotspotMinFixes
            {
                return Classification(
                    .hotspot,
                    reason:
                        "hotspot: \(churning); bug score \(two(file.bugScore)) from \(TextShaping.count(file.fixCommits, "fix commit")), top \(whole(100 - thresholds.hotspotBugPercentile))% of files with fixes (≥ \(two(bugCut)))"
                )
            }
            return Classification(.churning, reason: "churning: \(churning)")
        }
        if idle >= thresholds.stableDays / 2, rate <= slowCut {
            return Classification(
                .stable,
                reason:
                    "stable: \(two(rate)) commits a year, slowest \(whole(thresholds.stableRatePercentile))% (≤ \(two(slowCut))), unchanged for \(whole(idle)) days"
            )
        }
        return Classification(.active, reason: "active: changed \(whole(idle)) days ago, \(history)")
    }
}

/// The nearest-rank `p`th percentile of `values` (p in 0…100); nil when empty.
public func percentile(_ values: [Double], _ p: Double) -> Double? {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    let rank = Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1
    return sorted[min(max(rank, 0), sorted.count - 1)]
}

private func rate(of file: ClassFigures, now: Int64) -> Double {
    Double(file.commits) / max(days(from: file.firstSeen, to: now) / 365.25, 1.0 / 12)
}

private func days(from time: Int64, to now: Int64) -> Double { max(0, Double(now - time) / 86_400) }

private func span(_ days: Double) -> String {
    days < 730 ? "\(whole(days)) days" : "\(one(days / 365.25)) years"
}

private func whole(_ value: Double) -> String { String(Int(value.rounded(.down))) }
private func one(_ value: Double) -> String { String(format: "%.1f", value) }
private func two(_ value: Double) -> String { String(format: "%.2f", value) }
