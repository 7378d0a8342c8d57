import HindsightCore
import HindsightOutput

extension HistoryModel {
    /// `file_stability`: class, churn, age, last change, owners and bug score of the files `selector`
    /// names, most in need of attention first, each with the commits behind its figures, then the
    /// lessons recorded about them (`lessons`).
    func fileStability(_ selector: PathSelector, lessons: LessonSelection, limit: Int) throws(ToolError) -> ToolAnswer {
        let matching = aliveFiles.filter(selector.matches)
        guard !matching.isEmpty else { throw ToolError(missingFileMessage(selector)) }
        let shown = Shown(matching, limit: limit)
        var lines = [
            "\(TextShaping.count(matching.count, "file")) at \(selector.quoted), most in need of attention first:"
        ]
        for file in shown.items { lines += stabilityLines(file) }
        if let note = shown.note { lines.append(note) }
        return ToolAnswer(
            lines: lines + lessons.lines,
            fields: [
                ("query", .string(selector.text)),
                ("files", .array(shown.items.map(stabilityJSON))),
                ("omitted", .int(shown.omitted)),
                ("asOf", .time(input.settings.now)),
            ] + lessons.fields)
    }

    private func stabilityLines(_ file: FileReport) -> [String] {
        let evidence = self.evidence(of: file.path)
        let owners = file.authors.prefix(3).map {
            "\(HistoryText.quoted($0.name, limit: 60)) \(Int(($0.share * 100).rounded()))%"
        }
        var lines = [
            "- \(HistoryText.path(file.path)): \(file.classification.fileClass.rawValue) (\(file.classification.reason)).",
            "  \(TextShaping.count(file.commits, "commit")), churn \(file.churn) (+\(file.linesAdded) −\(file.linesDeleted)), "
                + "first seen \(CalendarDate.isoDate(file.firstSeen)) (\(days(since: file.firstSeen)) days ago), "
                + "last changed \(CalendarDate.isoDate(file.lastChanged)) (\(days(since: file.lastChanged)) days ago); "
                + "\(TextShaping.count(file.fixCommits, "fix commit")), bug score \(HistoryText.fixed(file.bugScore)); "
                + "owners \(owners.isEmpty ? "none counted" : owners.joined(separator: ", ")).",
        ]
        if let last = evidence.recent.first { lines.append("  Last change: \(HistoryText.commit(last)).") }
        if !evidence.fixes.isEmpty {
            lines.append("  Latest fixes: " + evidence.fixes.map(HistoryText.commit).joined(separator: "; ") + ".")
        }
        return lines
    }

    private func stabilityJSON(_ file: FileReport) -> JSONValue {
        let evidence = self.evidence(of: file.path)
        return .object(
            Self.summaryFields(file) + [
                ("linesAdded", .int(file.linesAdded)),
                ("linesDeleted", .int(file.linesDeleted)),
                ("firstSeen", .time(file.firstSeen)),
                ("ageDays", .int(days(since: file.firstSeen))),
                ("daysSinceChange", .int(days(since: file.lastChanged))),
                ("owners", .array(file.authors.prefix(3).map(Self.ownerJSON))),
                ("ownerCount", .int(file.authors.count)),
                ("reverts", .int(file.reverts)),
                ("agentCommits", .int(file.agentCommits)),
                ("recentCommits", .array(evidence.recent.map(Self.commitJSON))),
                ("latestFixes", .array(evidence.fixes.map(Self.commitJSON))),
            ])
    }

    /// The figures every answer about a file gives: path, class and rule, commits, churn, fixes, bug score.
    static func summaryFields(_ file: FileReport) -> [(String, JSONValue)] {
        JSONValue.pathFields("path", file.path) + [
            ("class", .string(file.classification.fileClass.rawValue)),
            ("reason", .string(file.classification.reason)),
            ("commits", .int(file.commits)),
            ("churn", .int(file.churn)),
            ("recentChurn", .number(file.recentChurn)),
            ("lastChanged", .time(file.lastChanged)),
            ("fixCommits", .int(file.fixCommits)),
            ("bugScore", .number(file.bugScore)),
        ]
    }

    /// The latest three commits and latest three fix commits behind a covered file's figures, newest first.
    func evidence(of path: RepoPath) -> (recent: [CommitRef], fixes: [CommitRef]) {
        let commits = files[path]?.commits ?? []
        let recent = commits.suffix(3).reversed().map(input.reference)
        let fixes = commits.filter { input.isFix[$0] }.suffix(3).reversed().map(input.reference)
        return (recent, fixes)
    }

    /// Whole days from `time` to the analysis clock.
    func days(since time: Int64) -> Int { Int(max(0, input.settings.now - time) / 86_400) }

    /// Why no covered file matched: ignored, deleted, or never in history.
    func missingFileMessage(_ selector: PathSelector) -> String {
        if case .path(let path) = selector.kind, let known = lineages[path] {
            if known.allSatisfy(\.isDeleted) {
                return "\(selector.quoted) was deleted; file_history shows its commits."
            }
            if input.settings.ignore.contains(where: { $0.matches(path) }) {
                return
                    "\(selector.quoted) is ignored by the report (vendored, generated or lock file, or report.ignore); file_history shows its commits."
            }
            return "\(selector.quoted) has no changes in the analysed window; file_history shows its commits."
        }
        return
            "No file in history matches \(selector.quoted). Give a path relative to the repository root, a directory, or a glob such as \"src/**/*.swift\"."
    }

    static func ownerJSON(_ share: AuthorShare) -> JSONValue {
        .object([
            ("name", .string(share.name)), ("email", .string(share.email)), ("commits", .int(share.commits)),
            ("share", .number(share.share)),
        ])
    }

    static func commitJSON(_ commit: CommitRef) -> JSONValue { JSONFindingsRenderer.commit(commit) }
}
