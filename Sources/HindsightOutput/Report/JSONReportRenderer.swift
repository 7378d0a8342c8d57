import HindsightCore

/// The report as JSON: `schemaVersion`, then settings, summary, files, directories, recognised
/// trees, recurring fixes, reverts, lessons, weeks and the commits they cite, keys in a fixed documented order (see
/// docs/report-schema.md). Sections cite commits by id; `commits` holds each one's details once,
/// which keeps a large history's report a few megabytes instead of tens.
public struct JSONReportRenderer: ReportRenderer {
    /// A renderer.
    public init() {}

    public func render(_ report: StabilityReport) -> String {
        JSONValue.object([
            ("schemaVersion", .int(StabilityReport.schemaVersion)),
            ("tip", .commit(report.summary.tip)),
            ("asOf", .time(report.summary.asOf)),
            ("settings", Self.settings(report.settings)),
            ("summary", Self.summary(report.summary)),
            ("files", .array(report.files.map(Self.file))),
            ("omittedFiles", .int(report.omittedFiles)),
            ("directories", .array(report.directories.map(Self.directory))),
            ("recognisedTrees", .array(report.recognisedTrees.map(Self.recognisedTree))),
            ("recurringFixes", .array(report.recurringFixes.map(Self.recurringFix))),
            ("reverts", .array(report.reverts.map(Self.revert))),
            ("lessons", ReportLessons.json(report.lessons)),
            (
                "weeks",
                .array(
                    report.weeks.map { week in
                        .object([
                            ("start", .time(week.start)), ("commits", .int(week.commits)),
                            ("fixes", .int(week.fixes)), ("churn", .int(week.churn)),
                        ])
                    })
            ),
            ("commits", .object(Self.citedCommits(report).map { ($0.id.hex, Self.commit($0)) })),
        ]).serialized()
    }

    /// Every commit the recurring fixes and reverts cite, once each, in order of first citation.
    static func citedCommits(_ report: StabilityReport) -> [CommitRef] {
        var seen = Set<CommitID>()
        var result: [CommitRef] = []
        func cite(_ commit: CommitRef) { if seen.insert(commit.id).inserted { result.append(commit) } }
        for record in report.recurringFixes { record.fixes.forEach(cite) }
        for record in report.reverts {
            cite(record.revert)
            record.reverted.map(cite)
        }
        return result
    }

    static func settings(_ settings: AnalysisSettings) -> JSONValue {
        .object([
            ("since", .time(settings.since)),
            ("includeDeleted", .bool(settings.includeDeleted)),
            ("ignore", .array(settings.ignore.map { .string($0.description) })),
            ("recogniseTrees", .bool(settings.recogniseTrees)),
            ("fixPattern", .string(settings.fixes.pattern ?? FixDetector.defaultPattern)),
            ("halfLifeDays", .number(settings.halfLifeDays)),
            ("newDays", .number(settings.classes.newDays)),
            ("stableDays", .number(settings.classes.stableDays)),
            ("stableRatePercentile", .number(settings.classes.stableRatePercentile)),
            ("churningPercentile", .number(settings.classes.churningPercentile)),
            ("hotspotBugPercentile", .number(settings.classes.hotspotBugPercentile)),
            ("hotspotMinCommits", .int(settings.classes.hotspotMinCommits)),
            ("hotspotMinFixes", .int(settings.classes.hotspotMinFixes)),
            ("minimumChurningChurn", .number(settings.classes.minimumChurningChurn)),
            (
                "coupling",
                .object([
                    ("minRevisions", .int(settings.coupling.minRevisions)),
                    ("minShared", .int(settings.coupling.minShared)),
                    ("minDegree", .int(settings.coupling.minDegree)),
                    ("maxFilesPerCommit", .int(settings.coupling.maxFilesPerCommit)),
                ])
            ),
            ("fixOnFixDays", .number(settings.fixOnFixDays)),
            ("recentFixYears", .number(settings.recentFixYears)), ("oldFixWeight", .number(settings.oldFixWeight)),
        ])
    }

    static func summary(_ summary: RepositorySummary) -> JSONValue {
        .object([
            ("commits", .int(summary.commits)), ("merges", .int(summary.merges)), ("files", .int(summary.files)),
            ("deletedFiles", .int(summary.deletedFiles)), ("authors", .int(summary.authors)),
            ("firstCommit", .time(summary.firstCommit)), ("lastCommit", .time(summary.lastCommit)),
            ("commitsPerWeek", .number(summary.commitsPerWeek)), ("fixCommits", .int(summary.fixCommits)),
            ("fixRatio", .number(summary.fixRatio)), ("reverts", .int(summary.reverts)),
            ("agentCommits", .int(summary.agentCommits)), ("churn", .int(summary.churn)),
            ("shallow", .bool(summary.isShallow)),
        ])
    }

    static func file(_ file: FileReport) -> JSONValue {
        .object(
            JSONValue.pathFields("path", file.path) + [
                ("deleted", .bool(file.isDeleted)),
                ("class", .string(file.classification.fileClass.rawValue)),
                ("reason", .string(file.classification.reason)),
                ("commits", .int(file.commits)), ("linesAdded", .int(file.linesAdded)),
                ("linesDeleted", .int(file.linesDeleted)), ("churn", .int(file.churn)),
                ("recentChurn", .number(file.recentChurn)), ("firstSeen", .time(file.firstSeen)),
                ("lastChanged", .time(file.lastChanged)), ("daysWithChanges", .int(file.daysWithChanges)),
                ("authors", .array(file.authors.map(author))), ("fragmentation", .number(file.fragmentation)),
                ("agentCommits", .int(file.agentCommits)), ("fixCommits", .int(file.fixCommits)),
                ("bugScore", .number(file.bugScore)), ("reverts", .int(file.reverts)),
                (
                    "coupling",
                    .array(
                        file.coupling.map { partner in
                            .object(
                                JSONValue.pathFields("path", partner.path) + [
                                    ("degree", .int(partner.degree)), ("shared", .int(partner.shared)),
                                    ("partnerCommits", .int(partner.partnerCommits)),
                                ])
                        })
                ),
            ])
    }

    static func author(_ author: AuthorShare) -> JSONValue {
        .object([
            ("name", .string(author.name)), ("email", .string(author.email)),
            ("commits", .int(author.commits)), ("share", .number(author.share)),
        ])
    }

    static func directory(_ directory: DirectoryReport) -> JSONValue {
        .object(
            JSONValue.pathFields("path", directory.path) + [
                ("files", .int(directory.files)), ("commits", .int(directory.commits)),
                ("linesAdded", .int(directory.linesAdded)), ("linesDeleted", .int(directory.linesDeleted)),
                ("recentChurn", .number(directory.recentChurn)), ("fixCommits", .int(directory.fixCommits)),
                ("bugScore", .number(directory.bugScore)), ("authors", .array(directory.authors.map(author))),
                ("fragmentation", .number(directory.fragmentation)),
                ("classes", .object(FileClass.allCases.map { ($0.rawValue, .int(directory.classCounts[$0] ?? 0)) })),
                ("lastChanged", .time(directory.lastChanged)),
            ])
    }

    static func commit(_ commit: CommitRef) -> JSONValue {
        .object([
            ("time", .time(commit.time)), ("author", .string(commit.author)), ("subject", .string(commit.subject)),
        ])
    }

    private static func ids(_ commits: [CommitRef]) -> JSONValue { .array(commits.map { .string($0.id.hex) }) }

    static func recurringFix(_ record: RecurringFixFile) -> JSONValue {
        .object(
            JSONValue.pathFields("path", record.path) + [
                ("fixes", ids(record.fixes)), ("weight", .number(record.weight)),
                (
                    "regions",
                    .array(
                        record.regions.map { region in
                            .object([
                                ("startLine", .int(region.startLine)), ("endLine", .int(region.endLine)),
                                ("fixes", ids(region.fixes)), ("recentFixes", .int(region.recentFixes)),
                                ("weight", .number(region.weight)),
                                ("fixDates", .array(region.fixes.map { .string(ReportText.date($0.time)) })),
                                (
                                    "fixOnFix",
                                    .array(
                                        region.fixOnFix.map { pair in
                                            .object([
                                                ("first", .string(pair.first.id.hex)),
                                                ("second", .string(pair.second.id.hex)),
                                                ("days", .number(pair.days)),
                                            ])
                                        })
                                ),
                            ])
                        })
                ),
            ])
    }

    static func revert(_ record: RevertRecord) -> JSONValue {
        .object([
            ("revert", .string(record.revert.id.hex)), ("reverted", .string(record.revertedID.hex)),
            ("revertedInHistory", .bool(record.reverted != nil)), ("reland", .bool(record.isReland)),
            ("files", .array(record.files.map { .string($0.string) })),
        ])
    }
}
