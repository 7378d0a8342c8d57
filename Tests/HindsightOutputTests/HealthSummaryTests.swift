import HindsightCore
import HindsightOutput
import Testing

/// The one-paragraph health summary the nightly refresh puts in its pull request.
@Suite struct HealthSummaryTests {
    /// Nine months of 100 commits: 30 fixes a month, then 10 in the last three.
    static func report() -> HealthReport {
        var start = HealthGranularity.month.start(of: 1_700_000_000)
        let periods = (0..<9).map { index -> HealthPeriod in
            let end = HealthGranularity.month.shifted(1, from: start)
            var period = HealthPeriod(
                label: CalendarDate.isoMonth(start), start: start, end: end, days: Double(end - start) / 86_400)
            period.commits = 100
            period.fixes = index < 6 ? 30 : 10
            start = end
            return period
        }
        return HealthReport(
            granularity: .month, asOf: start - 1, periods: periods, trends: healthTrends(of: periods, by: .month))
    }

    @Test func eachFigureSaysBeforeRecentAndItsVerdict() {
        let text = SummaryHealthRenderer().render(Self.report())
        #expect(text.hasPrefix("**Health**, the last 3 months against the 6 before (as of "))
        #expect(text.contains("fix ratio 30.0% → 10.0%, better;"))
        #expect(text.contains("commits 100.3/month → 99.3/month, no clear change;"), "\(text)")
        #expect(text.contains("revert rate 0.0% → 0.0%, no clear change (too few commits)"))
        #expect(text.hasSuffix(".\n") && !text.dropLast().contains("\n"), "one paragraph")
    }

    @Test func aDropHeldBackAsProvisionalSaysSo() {
        var report = Self.report()
        for index in report.periods.indices {
            report.periods[index].fixInducing = index < 6 ? 30 : 10
            report.periods[index].isProvisional = index >= 6
        }
        report.trends = healthTrends(of: report.periods, by: .month)
        let text = SummaryHealthRenderer().render(report)
        #expect(text.contains("fix-inducing rate 30.0% → 10.0%, no clear change (provisional);"), "\(text)")
        #expect(text.components(separatedBy: "(provisional)").count == 2, "only the held-back figure")
    }

    @Test func tooShortAHistoryHasNoVerdictYet() {
        var report = Self.report()
        report.periods = Array(report.periods.prefix(4))
        report.trends = healthTrends(of: report.periods, by: .month)
        #expect(
            SummaryHealthRenderer().render(report) == "**Health**: no verdict yet, needs 9 months of history, has 4.\n")
    }
}
