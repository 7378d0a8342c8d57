/// Everything an analysis reads besides history: the clock, the window, filters and thresholds.
/// Reports print these next to their figures.
public struct AnalysisSettings: Hashable, Sendable {
    /// The moment ages are measured from, seconds since the epoch (pass it in; analyses read no clock).
    public var now: Int64
    /// Only commits authored at or after this time count; nil for all history.
    public var since: Int64?
    /// Keep files that no longer exist.
    public var includeDeleted = false
    /// Files whose path matches one of these are left out of every figure.
    public var ignore: [GlobPattern] = GlobPattern.defaultIgnores
    /// Recognise vendored and fixture trees and leave their files out of every figure, as `ignore` does.
    public var recogniseTrees = true
    /// Which commits are fixes.
    public var fixes = FixDetector()
    /// Which authors are bots or coding agents.
    public var bots = BotDetector()
    /// Half-life of recency-weighted churn, in days.
    public var halfLifeDays = 90.0
    /// Class thresholds.
    public var classes = ClassThresholds()
    /// Coupling thresholds (code-maat's defaults).
    public var coupling = CouplingThresholds()
    /// A second fix to the same region within this many days is a fix on a fix.
    public var fixOnFixDays = 14.0
    /// Fixes older than this many years before `now` weigh `oldFixWeight` in recurring-fix rankings.
    public var recentFixYears = 3.0
    /// What a fix older than `recentFixYears` weighs, against one for a recent fix.
    public var oldFixWeight = 0.25

    /// The earliest author time a fix may have and still count as recent.
    public var recentFixSince: Int64 { now - Int64(recentFixYears * 365.25 * 86_400) }

    /// Settings with the defaults, measured from `now`.
    public init(now: Int64) {
        self.now = now
    }
}

/// Where the class boundaries lie; percentiles are over the repository's own files.
public struct ClassThresholds: Hashable, Sendable {
    /// A file first seen less than this many days ago is `new`.
    public var newDays = 30.0
    /// A file unchanged for this many days is `stable`.
    public var stableDays = 180.0
    /// A file unchanged for half of `stableDays` whose commits per year are at or below this
    /// percentile of all files' rates is `stable` too.
    public var stableRatePercentile = 25.0
    /// Recency-weighted churn at or above this percentile (of files with recent churn) is `churning`.
    public var churningPercentile = 90.0
    /// A churning file whose bug score is at or above this percentile (of files with fixes) is a `hotspot`.
    public var hotspotBugPercentile = 75.0
    /// A hotspot needs at least this many commits: one busy commit is not a pattern.
    public var hotspotMinCommits = 3
    /// A hotspot needs at least this many fix commits: one fix is not a fix-prone file.
    public var hotspotMinFixes = 2
    /// Minimum recency-weighted churn, in lines, for `churning`, so a quiet repository has none.
    public var minimumChurningChurn = 10.0

    /// The defaults.
    public init() {}
}

/// Thresholds for co-change coupling; defaults follow code-maat.
public struct CouplingThresholds: Hashable, Sendable {
    /// Both files' average commit count must reach this.
    public var minRevisions = 5
    /// Commits that changed both must reach this.
    public var minShared = 5
    /// Degree (percent) must reach this.
    public var minDegree = 30
    /// Commits that change more files than this are skipped (mass edits say nothing about coupling).
    public var maxFilesPerCommit = 30

    /// The defaults.
    public init() {}

    /// The degree (100 × shared / average of both files' commits, rounded down) of two files with
    /// `shared` commits together and `revisions` and `otherRevisions` each, when it clears the
    /// thresholds; nil otherwise.
    public func degree(shared: Int, revisions: Int, otherRevisions: Int) -> Int? {
        guard shared >= minShared else { return nil }
        let average = Double(revisions + otherRevisions) / 2
        guard average >= Double(minRevisions) else { return nil }
        let degree = Int(100 * Double(shared) / average)
        return degree >= minDegree ? degree : nil
    }
}

extension AnalysisSettings {
    /// Every setting but the clock, as text: equal exactly when two settings analyse alike.
    /// Spelled out, because describing the struct goes through reflection (milliseconds per check).
    public var timelessFingerprint: String {
        let classes = self.classes
        let coupling = self.coupling
        let scope: [String] = [
            since.map(String.init) ?? "-", String(includeDeleted), String(recogniseTrees),
            ignore.map(\.description).joined(separator: "\u{1F}"),
            fixes.fingerprint, bots.bots.joined(separator: "\u{1F}"), bots.agents.joined(separator: "\u{1F}"),
        ]
        let classFigures: [Double] = [
            halfLifeDays, classes.newDays, classes.stableDays, classes.stableRatePercentile, classes.churningPercentile,
            classes.hotspotBugPercentile, classes.minimumChurningChurn,
        ]
        let counts: [Int] = [
            classes.hotspotMinCommits, classes.hotspotMinFixes, coupling.minRevisions, coupling.minShared,
            coupling.minDegree, coupling.maxFilesPerCommit,
        ]
        return
            (scope + classFigures.map { String($0) } + counts.map { String($0) } + [
                String(fixOnFixDays), String(recentFixYears), String(oldFixWeight),
            ])
            .joined(separator: "|")
    }
}
