import Foundation
import HindsightCore
import Testing

/// The verdict rule of `hindsight health` on hand-computed examples, and its calendar.
@Suite struct HealthTrendTests {
    @Test func proportionsThatDifferClearlyAreTested() throws {
        // Pooled share 0.2; standard error √(0.2·0.8·(1/100 + 1/100)) = 0.05657; z = −0.2/0.05657 = −3.536;
        // p = erfc(3.536/√2) = 0.000407.
        guard case .tested(let p, let higher) = TrendTest.proportions(recent: 10, of: 100, before: 30, of: 100) else {
            Issue.record("expected a test")
            return
        }
        #expect(abs(p - 0.000407) < 0.000005)
        #expect(!higher)
    }

    @Test func tooFewExpectedEventsAreNotTested() {
        // Pooled share 0.1: the recent ten commits expect one fix, fewer than five.
        #expect(TrendTest.proportions(recent: 1, of: 10, before: 2, of: 20) == .tooFew(expected: 1.0))
        #expect(TrendTest.proportions(recent: 0, of: 0, before: 2, of: 20) == .tooFew(expected: 0))
    }

    @Test func commitRatesCompareEventsPerDay() throws {
        // 60 commits in 30 days against 60 in 60: the recent share of days is 1/3, so 40 expected;
        // z = 20/√(120·⅓·⅔) = 3.873, p = 0.000108.
        guard case .tested(let p, let higher) = TrendTest.rates(recent: 60, days: 30, before: 60, days: 60) else {
            Issue.record("expected a test")
            return
        }
        #expect(abs(p - 0.000108) < 0.000005)
        #expect(higher)
        #expect(TrendTest.rates(recent: 2, days: 30, before: 4, days: 60) == .tooFew(expected: 2.0))
    }

    /// Nine months: six with `beforeFixes` fixes of 100 commits, then three with `recentFixes` of 100.
    private func months(beforeFixes: Int, recentFixes: Int, commits: Int = 100) -> [HealthPeriod] {
        var start = HealthGranularity.month.start(of: 1_700_000_000)
        return (0..<9).map { index in
            let end = HealthGranularity.month.shifted(1, from: start)
            var period = HealthPeriod(label: "\(index)", start: start, end: end, days: Double(end - start) / 86_400)
            period.commits = commits
            period.fixes = index < 6 ? beforeFixes : recentFixes
            start = end
            return period
        }
    }

    @Test func fewerFixesIsBetterAndNoiseIsNoClearChange() throws {
        let better = healthTrends(of: months(beforeFixes: 30, recentFixes: 10), by: .month)
        let fixRatio = try #require(better.first { $0.figure == .fixRatio })
        #expect(fixRatio.verdict == .better)
        #expect(fixRatio.before == 0.3 && fixRatio.recent == 0.1)
        #expect(fixRatio.reason == "two-proportion z-test, p < 0.001")
        let worse = healthTrends(of: months(beforeFixes: 10, recentFixes: 30), by: .month)
        #expect(worse.first { $0.figure == .fixRatio }?.verdict == .worse)
        // 30% against 27%: well inside noise for 900 commits.
        let noise = healthTrends(of: months(beforeFixes: 30, recentFixes: 27), by: .month)
        #expect(noise.first { $0.figure == .fixRatio }?.verdict == .noClearChange)
        #expect(noise.first { $0.figure == .fixRatio }?.reason.hasPrefix("two-proportion z-test, p = 0.") == true)
        let commits = try #require(noise.first { $0.figure == .commits })
        #expect(commits.verdict == .noClearChange)
    }

    @Test func aDropInFixInducingCommitsTooYoungToBeFixedIsNotBetter() throws {
        var periods = months(beforeFixes: 0, recentFixes: 0)
        for index in periods.indices { periods[index].fixInducing = index < 6 ? 30 : 10 }
        let settled = try #require(healthTrends(of: periods, by: .month).first { $0.figure == .fixInducingRate })
        #expect(settled.verdict == .better)
        #expect(!settled.isProvisional)
        for index in periods.indices.suffix(3) { periods[index].isProvisional = true }
        let young = try #require(healthTrends(of: periods, by: .month).first { $0.figure == .fixInducingRate })
        #expect(young.verdict == .noClearChange)
        #expect(young.reason.hasSuffix("provisional: the recent commits are younger than the grace period"))
        #expect(young.isProvisional)
        for index in periods.indices { periods[index].fixInducing = index < 6 ? 10 : 30 }
        let worse = try #require(healthTrends(of: periods, by: .month).first { $0.figure == .fixInducingRate })
        #expect(worse.verdict == .worse, "a rise shows even while provisional: more fixes can only come")
        #expect(!worse.isProvisional, "nothing was held back")
    }

    @Test func aFewCommitsNeverMakeATrend() throws {
        // Half of all commits were fixes before, none recently, but three commits a month expect too little.
        let trends = healthTrends(of: months(beforeFixes: 2, recentFixes: 0, commits: 3), by: .month)
        let fixRatio = try #require(trends.first { $0.figure == .fixRatio })
        #expect(fixRatio.verdict == .noClearChange)
        #expect(fixRatio.reason.contains("too few commits") && fixRatio.reason.contains("it needs 5"))
        let short = healthTrends(of: Array(months(beforeFixes: 30, recentFixes: 0).prefix(8)), by: .month)
        #expect(short.allSatisfy { $0.verdict == .noClearChange && $0.reason == "needs 9 months of history, has 8" })
    }

    @Test func periodsFollowTheCalendarInUTC() {
        let january15 = CalendarDate.midnight(ofISODate: "2024-01-15") ?? 0
        let month = HealthGranularity.month
        #expect(CalendarDate.isoDate(month.start(of: january15 + 3_600)) == "2024-01-01")
        #expect(CalendarDate.isoDate(month.shifted(-1, from: month.start(of: january15))) == "2023-12-01")
        #expect(CalendarDate.isoDate(month.shifted(13, from: month.start(of: january15))) == "2025-02-01")
        #expect(month.label(of: month.start(of: january15)) == "2024-01")
        let wednesday = CalendarDate.midnight(ofISODate: "2024-01-03") ?? 0
        #expect(HealthGranularity.week.label(of: HealthGranularity.week.start(of: wednesday)) == "2024-01-01")
    }
}
