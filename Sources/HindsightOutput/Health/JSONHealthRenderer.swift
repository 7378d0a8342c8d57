import HindsightCore

/// Health as JSON: `{granularity, asOf, recentPeriods, earlierPeriods, periods: [...], trends: [...]}`,
/// shares as fractions (null without commits), keys in a fixed order.
public struct JSONHealthRenderer: HealthRenderer {
    /// A JSON renderer.
    public init() {}

    public func render(_ report: HealthReport) -> String {
        JSONValue.object([
            ("granularity", .string(report.granularity.rawValue)),
            ("asOf", .time(report.asOf)),
            ("recentPeriods", .int(healthRecentPeriods)),
            ("earlierPeriods", .int(healthEarlierPeriods)),
            ("reworkDays", .int(report.reworkDays)),
            ("periods", .array(report.periods.map(period))),
            ("trends", .array(report.trends.map(trend))),
            (
                "groups",
                .object([
                    ("people", group(report.groups.people)), ("agents", group(report.groups.agents)),
                    ("verdict", .string(report.groups.verdict.rawValue)), ("reason", .string(report.groups.reason)),
                ])
            ),
        ])
        .serialized()
    }

    private func period(_ period: HealthPeriod) -> JSONValue {
        .object([
            ("period", .string(period.label)),
            ("start", .string(CalendarDate.isoDate(period.start))),
            ("end", .string(CalendarDate.isoDate(period.end))),
            ("partial", .bool(period.isPartial)),
            ("commits", .int(period.commits)),
            ("authors", .int(period.authors)),
            ("linesChanged", .int(period.linesChanged)),
            ("fixes", .int(period.fixes)),
            ("fixRatio", share(period.share(period.fixes))),
            ("fixInducing", .int(period.fixInducing)),
            ("fixInducingRate", share(period.share(period.fixInducing))),
            ("provisional", .bool(period.isProvisional)),
            ("addedLines", .int(period.addedLines)),
            ("reworkedLines", .int(period.reworkedLines)),
            ("rework", share(period.reworkShare)),
            ("reworkCommits", .int(period.reworkTrials)),
            ("reworkedCommits", .int(period.reworkedCommits)),
            ("refixes", .int(period.refixes)),
            ("readds", .int(period.readds)),
            ("readdedLines", .int(period.readdedLines)),
            ("reverts", .int(period.reverts)),
            ("revertRate", share(period.share(period.reverts))),
            ("relands", .int(period.relands)),
            ("agentCommits", .int(period.agentCommits)),
            ("agentShare", share(period.share(period.agentCommits))),
            ("guardRefreshes", .int(period.guardRefreshes)),
            ("guardRecall", share(period.guardScore?.recall)),
            ("guardAlarmRate", share(period.guardScore?.alarmRate)),
            ("guardLift", share(period.guardScore?.lift)),
            ("guardsAccepted", .int(period.guardsAccepted)),
            ("guardsMuted", .int(period.guardsMuted)),
            ("contextCommits", .int(period.contextCommits)),
            ("lessonsAdded", .int(period.lessonsAdded)),
            ("lessonsRetired", .int(period.lessonsRetired)),
        ])
    }

    private func trend(_ trend: HealthTrend) -> JSONValue {
        .object([
            ("figure", .string(trend.figure.rawValue)),
            ("before", share(trend.before)),
            ("recent", share(trend.recent)),
            ("verdict", .string(trend.verdict.rawValue)),
            ("pValue", share(trend.pValue)),
            ("reason", .string(trend.reason)),
            ("provisional", .bool(trend.isProvisional)),
        ])
    }

    private func group(_ figures: HealthGroupFigures) -> JSONValue {
        .object([
            ("commits", .int(figures.commits)), ("fixInducing", .int(figures.fixInducing)),
            ("fixInducingRate", share(figures.fixInducingRate)), ("addedLines", .int(figures.addedLines)),
            ("reworkedLines", .int(figures.reworkedLines)), ("rework", share(figures.reworkShare)),
        ])
    }

    private func share(_ value: Double?) -> JSONValue { value.map(JSONValue.number) ?? .null }
}
