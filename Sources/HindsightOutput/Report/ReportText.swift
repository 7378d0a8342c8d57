import Foundation
import HindsightCore

/// Number, date and percent formatting shared by the text formats (table, Markdown, CSV), so the
/// same figure reads the same everywhere and never depends on the locale or the clock.
enum ReportText {
    /// Seconds since the epoch as a UTC calendar date, `yyyy-MM-dd`.
    static func date(_ seconds: Int64) -> String { CalendarDate.isoDate(seconds) }

    /// `value` with exactly `decimals` digits after the point, e.g. `fixed(2/3, 3)` is `0.667`.
    static func fixed(_ value: Double, _ decimals: Int) -> String { TextShaping.fixed(value, decimals) }

    /// A 0…1 share as a whole percent, e.g. `67%`; one decimal with `decimals: 1`.
    static func percent(_ share: Double, decimals: Int = 0) -> String { TextShaping.percent(share, decimals: decimals) }

    /// The analysed window, e.g. `all history (2023-07-15 – 2025-12-12)` or `since 2025-01-01`.
    static func window(_ summary: RepositorySummary, _ settings: AnalysisSettings) -> String {
        let span: String? =
            switch (summary.firstCommit, summary.lastCommit) {
            case (let first?, let last?): "\(date(first)) – \(date(last))"
            default: nil
            }
        let base = settings.since.map { "since \(date($0))" } ?? "all history"
        return span.map { "\(base) (\($0))" } ?? base
    }

    /// The class counts of a directory, attention order, e.g. `1 hotspot, 2 stable`.
    static func classCounts(_ counts: [FileClass: Int]) -> String {
        FileClass.allCases.compactMap { fileClass in
            counts[fileClass].flatMap { $0 > 0 ? "\($0) \(fileClass.rawValue)" : nil }
        }.joined(separator: ", ")
    }

    /// A file's main author and share, e.g. `Ada Lovelace (67%)`, or nil when nobody is counted.
    static func owner(_ file: FileReport) -> String? {
        file.mainAuthor.map { "\($0.name) (\(percent($0.share)))" }
    }

    /// A fix region as `L10-14` (or `L10` for one line).
    /// How old a region's fixes are: `3 fixes, 1 in the last 3 years` or `2 fixes, all in the last 3 years`.
    static func fixAges(_ region: FixRegion, years: Double) -> String {
        let window = "in the last \(fixed(years, years == years.rounded() ? 0 : 1)) years"
        let recent =
            region.recentFixes == region.fixes.count ? "all \(window)" : "\(region.recentFixes) \(window)"
        return "\(TextShaping.count(region.fixes.count, "fix", "fixes")), \(recent)"
    }

    /// The months of a region's first and latest fix, ` 2012-03…2025-01`; empty without fixes.
    static func fixMonths(_ region: FixRegion) -> String {
        guard let first = region.fixes.first, let last = region.fixes.last else { return "" }
        return " \(date(first.time).prefix(7))…\(date(last.time).prefix(7))"
    }

    static func lines(_ region: FixRegion) -> String {
        region.startLine == region.endLine ? "L\(region.startLine)" : "L\(region.startLine)-\(region.endLine)"
    }

    /// A directory path for display: the root is `.`, others end in `/`.
    static func directory(_ path: RepoPath) -> String {
        path.bytes.isEmpty ? "." : path.string.hasSuffix("/") ? path.string : path.string + "/"
    }

    /// The class thresholds in words, so a reader can trace each class.
    static func thresholds(_ classes: ClassThresholds) -> String {
        "new if first seen < \(fixed(classes.newDays, 0)) days ago; "
            + "stable if unchanged ≥ \(fixed(classes.stableDays, 0)) days "
            + "(or half that at ≤ p\(fixed(classes.stableRatePercentile, 0)) commit rate); "
            + "churning if recent churn ≥ p\(fixed(classes.churningPercentile, 0)) "
            + "and ≥ \(fixed(classes.minimumChurningChurn, 1)) lines; "
            + "hotspot if churning and bug score ≥ p\(fixed(classes.hotspotBugPercentile, 0)) "
            + "with ≥ \(classes.hotspotMinCommits) commits and ≥ \(classes.hotspotMinFixes) fixes"
    }
}

// MARK: - Terminal text

extension ReportText {
    /// Untrusted text made safe for a terminal (see `TerminalEscaping.safe`).
    static func terminalSafe(_ text: String) -> String { TerminalEscaping.safe(text) }
}
