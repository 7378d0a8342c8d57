/// What `hindsight export` gathers from one repository, and the tables it makes of it: pure
/// functions of the report, the history, health, the guard file and the lessons.
public struct FleetExport: Sendable {
    /// The repository's identity, the first column of every row.
    public var repository: String
    /// The stability report over every file (no `--top`).
    public var report: StabilityReport
    /// The history the report read, with each commit's fix and agent flags (indexed like its commits).
    public var snapshot: HistorySnapshot
    public var isFix: [Bool]
    public var isAgentCommit: [Bool]
    /// The health report, whose fix-inducing labels (SZZ) cover its window.
    public var health: HealthReport
    /// The guard file, with its backtest record.
    public var guards: GuardSet
    /// The lessons, with their states.
    public var lessons: [LessonEntry]

    /// An export from its parts.
    public init(
        repository: String, report: StabilityReport, snapshot: HistorySnapshot, isFix: [Bool], isAgentCommit: [Bool],
        health: HealthReport, guards: GuardSet, lessons: [LessonEntry]
    ) {
        self.repository = repository
        self.report = report
        self.snapshot = snapshot
        self.isFix = isFix
        self.isAgentCommit = isAgentCommit
        self.health = health
        self.guards = guards
        self.lessons = lessons
    }

    /// Every table, in the order the manifest lists them.
    public var tables: [ExportTable] {
        [files, commits, fixInducing, guardRows, guardKinds, lessonRows, healthRows]
    }

    typealias C = ExportTable.Column

    private func table(
        _ name: String, _ description: String, _ columns: [C], _ rows: [[ExportTable.Value]]
    )
        -> ExportTable
    {
        ExportTable(
            name: name, description: description, columns: [ExportTable.repositoryColumn] + columns,
            rows: rows.map { [.text(repository)] + $0 })
    }

    var files: ExportTable {
        table(
            "files", "One file of the stability report (vendored and fixture trees left out, as the report does).",
            [
                C("path", .text, "The file's path at HEAD (or its last path, when deleted)."),
                C("class", .text, "hotspot, churning, active, new or stable."),
                C("deleted", .boolean, "Whether HEAD lacks it."),
                C("commits", .integer, "Commits that changed it, following renames."),
                C("lines_added", .integer, "Lines added over its history."),
                C("lines_deleted", .integer, "Lines deleted over its history."),
                C("recent_churn", .real, "Changed lines weighted by age (half-life of the report's settings)."),
                C("fix_commits", .integer, "Fix commits that changed it."),
                C("bug_score", .real, "The report's bug score: fixes weighted by age; higher is more fix-prone."),
                C("reverts", .integer, "Reverts that touched it."),
                C("agent_commits", .integer, "Commits by coding agents that changed it."),
                C("authors", .integer, "Distinct authors."),
                C("main_author", .text, "The author of most of its commits."),
                C("first_seen", .timestamp, "When it was first committed (UTC)."),
                C("last_changed", .timestamp, "When it last changed (UTC)."),
            ],
            report.files.map { file in
                [
                    .text(file.path.string), .text(file.classification.fileClass.rawValue), .boolean(file.isDeleted),
                    .integer(file.commits), .integer(file.linesAdded), .integer(file.linesDeleted),
                    .real(file.recentChurn), .integer(file.fixCommits), .real(file.bugScore), .integer(file.reverts),
                    .integer(file.agentCommits), .integer(file.authors.count),
                    file.mainAuthor.map { .text($0.name) } ?? .null, .timestamp(file.firstSeen),
                    .timestamp(file.lastChanged),
                ]
            })
    }

    var commits: ExportTable {
        let inducing = Set(health.fixInducingCommits)
        let windowStart = health.periods.first?.start
        return table(
            "commits", "One commit of the mined history, merges included.",
            [
                C("commit", .text, "The commit id."),
                C("author_time", .timestamp, "Author date (UTC)."),
                C("commit_time", .timestamp, "Committer date (UTC)."),
                C("author", .text, "The author's name, after .mailmap."),
                C("author_email", .text, "The author's email, after .mailmap."),
                C("is_merge", .boolean, "Whether it has more than one parent."),
                C("is_fix", .boolean, "Whether the fix detector counts it as a fix."),
                C("is_agent", .boolean, "Whether a coding agent wrote it (author, co-author or trailer)."),
                C("files_changed", .integer, "Files it changed (0 for merges, which are not diffed)."),
                C("lines_added", .integer, "Lines it added."),
                C("lines_deleted", .integer, "Lines it deleted."),
                C(
                    "fix_inducing", .boolean,
                    "Whether a later fix traces back to it (SZZ); null before health's window."),
            ],
            snapshot.commits.indices.map { index in
                let commit = snapshot.commits[index]
                let changes = snapshot.changes[commit.changes]
                let person = snapshot.people[commit.author]
                let labelled = windowStart.map { commit.time >= $0 } ?? false
                return [
                    .text(commit.id.hex), .timestamp(commit.time), .timestamp(commit.commitTime), .text(person.name),
                    .text(person.email), .boolean(commit.isMerge), .boolean(isFix[index]),
                    .boolean(isAgentCommit[index]), .integer(changes.count),
                    .integer(changes.reduce(0) { $0 + max($1.added, 0) }),
                    .integer(changes.reduce(0) { $0 + max($1.deleted, 0) }),
                    labelled ? .boolean(inducing.contains(commit.id)) : .null,
                ]
            })
    }

    var fixInducing: ExportTable {
        let times = Dictionary(snapshot.commits.map { ($0.id, $0.time) }, uniquingKeysWith: { first, _ in first })
        return table(
            "fix_inducing", "A commit that a later fix traces back to (SZZ), within health's window.",
            [C("commit", .text, "The commit id."), C("author_time", .timestamp, "Its author date (UTC).")],
            health.fixInducingCommits.map { [.text($0.hex), times[$0].map(ExportTable.Value.timestamp) ?? .null] })
    }

    var guardRows: ExportTable {
        table(
            "guards", "One guard of .hindsight/guards.yml, with its backtest tally.",
            [
                C("id", .text, "The guard's id (hs-…)."), C("kind", .text, "Its guard kind."),
                C("status", .text, "proposed, accepted or muted."), C("severity", .text, "error, warning or notice."),
                C("scope", .text, "The paths it watches, separated by newlines."),
                C("evidence_commits", .integer, "The commits that taught it."),
                C("flagged", .integer, "Replayed commits it flagged in the last backtest (null if none ran)."),
                C("hits", .integer, "Those that later needed a fix."),
            ],
            guards.guards.map { item in
                [
                    .text(item.id), .text(item.kind), .text(item.status.rawValue), .text(item.severity.rawValue),
                    .text(item.scope.map(\.string).joined(separator: "\n")), .integer(item.evidence.count),
                    item.record.map { .integer($0.flagged) } ?? .null, item.record.map { .integer($0.hits) } ?? .null,
                ]
            })
    }

    var guardKinds: ExportTable {
        let record = guards.record
        return table(
            "guard_kinds",
            "One guard kind in the guard file's backtest record: how often it flagged, how often rightly.",
            [
                C("kind", .text, "The guard kind."),
                C("window_commits", .integer, "Commits the backtest replayed."),
                C("window_fix_inducing", .integer, "Of those, the ones a later fix traced back to."),
                C("flagged", .integer, "Replayed commits the kind flagged."),
                C("hits", .integer, "Flagged commits that later needed a fix."),
                C("lift", .real, "Precision over the base rate of fix-inducing commits (null when it flagged none)."),
            ],
            (record?.kinds ?? [:]).sorted { $0.key < $1.key }.map { kind, tally in
                let base = record.map { $0.commits > 0 ? Double($0.fixInducing) / Double($0.commits) : 0 } ?? 0
                let lift: ExportTable.Value =
                    tally.flagged > 0 && base > 0 ? .real(Double(tally.hits) / Double(tally.flagged) / base) : .null
                return [
                    .text(kind), .integer(record?.commits ?? 0), .integer(record?.fixInducing ?? 0),
                    .integer(tally.flagged), .integer(tally.hits), lift,
                ]
            })
    }

    var lessonRows: ExportTable {
        table(
            "lessons", "One lesson (a file in .hindsight/lessons/ or a commit trailer).",
            [
                C("id", .text, "The lesson's id."), C("kind", .text, "tried, avoid, convention or note."),
                C("state", .text, "active, stale, expired, retired or gone."),
                C("paths", .text, "The paths it is about, separated by newlines."), C("text", .text, "What it says."),
                C("author", .text, "Who wrote it."), C("by_agent", .boolean, "Whether a coding agent wrote it."),
                C("created", .timestamp, "When it was written (UTC)."),
            ],
            lessons.map { entry in
                let lesson = entry.lesson
                return [
                    .text(lesson.id), .text(lesson.kind.rawValue), .text(entry.state.name),
                    .text(lesson.paths.joined(separator: "\n")), .text(lesson.text), .text(lesson.author),
                    .boolean(lesson.byAgent), .timestamp(lesson.created),
                ]
            })
    }

    var healthRows: ExportTable {
        table(
            "health", "One period of `hindsight health` (months by default).",
            [
                C("period", .text, "The period's label (2026-11, or a week's Monday)."),
                C("start", .timestamp, "Its first moment (UTC)."), C("end", .timestamp, "Its end (UTC, exclusive)."),
                C("partial", .boolean, "Whether the history ends inside it."),
                C("commits", .integer, "Non-merge commits."), C("authors", .integer, "Distinct authors."),
                C("lines_changed", .integer, "Lines added plus deleted."), C("fixes", .integer, "Fix commits."),
                C("fix_inducing", .integer, "Commits a later fix traced back to (SZZ)."),
                C("reverts", .integer, "Reverts."), C("agent_commits", .integer, "Commits by coding agents."),
                C("readds", .integer, "Commits that re-added a line a fix removed."),
            ],
            health.periods.map { period in
                [
                    .text(period.label), .timestamp(period.start), .timestamp(period.end), .boolean(period.isPartial),
                    .integer(period.commits), .integer(period.authors), .integer(period.linesChanged),
                    .integer(period.fixes), .integer(period.fixInducing), .integer(period.reverts),
                    .integer(period.agentCommits), .integer(period.readds),
                ]
            })
    }
}
