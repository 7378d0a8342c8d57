import HindsightCore
import HindsightOutput

/// What `what_was_tried` looks for: files at or below a path, words in commit messages, or both.
struct TriedQuery: Sendable {
    /// Files selected by path or glob.
    var selector: PathSelector?
    /// Text searched, ignoring case, in subjects, revert reasons and guard messages.
    var text: String?

    private var needle: TextNeedle? { text.map(TextNeedle.init) }

    /// Whether a revert record matches.
    func matches(_ record: RevertRecord, reason: String?) -> Bool {
        (selector.map { selector in record.files.contains(where: selector.matches) } ?? true)
            && matchesText([record.revert.subject, record.reverted?.subject, reason])
    }

    /// Whether a recurring-fix file matches; `matchingFixes` holds the fix commits whose subject has the text.
    func matches(_ file: RecurringFixFile, matchingFixes: Set<CommitID>?) -> Bool {
        (selector?.matches(file.path) ?? true)
            && (matchingFixes.map { ids in file.fixes.contains { ids.contains($0.id) } } ?? true)
    }

    /// Whether a guard matches: in scope (a guard without scope covers every path) and by text.
    func matches(_ item: Guard) -> Bool {
        let inScope =
            selector.map { selector in
                item.scope.isEmpty || item.scope.contains { selector.matches($0) || isAbove($0, selector) }
            } ?? true
        return inScope && matchesText([item.message, item.match] + item.evidence.map(\.subject))
    }

    /// The commits among `candidates` whose subject has the text; nil when there is no text.
    func matchingCommits(_ candidates: [CommitRef]) -> Set<CommitID>? {
        guard let needle else { return nil }
        return Set(candidates.filter { needle.isFound(in: $0.subject) }.map(\.id))
    }

    private func isAbove(_ path: RepoPath, _ selector: PathSelector) -> Bool {
        guard case .path(let selected) = selector.kind else { return false }
        return selected.isWithin(path)
    }

    private func matchesText(_ candidates: [String?]) -> Bool {
        guard let needle else { return true }
        return candidates.contains { $0.map(needle.isFound) ?? false }
    }

    /// The query for the text part.
    var quoted: String {
        [selector.map { "files at \($0.quoted)" }, text.map { "text \(HistoryText.quoted($0, limit: 120))" }]
            .compactMap { $0 }.joined(separator: " and ")
    }
}

extension HistoryModel {
    /// The guard kinds that record what not to do again.
    static let doNotRetryKinds: Set<String> = Set(GuardKind.all.filter { $0.source == .mined }.map(\.id))

    /// `what_was_tried`: the lessons recorded (`lessons`), reverted attempts (standing ones are
    /// do-not-retry), recurring fixes, and the guards that keep a fix's or a revert's lesson, with
    /// their lesson, commit and guard ids.
    func whatWasTried(_ query: TriedQuery, guards: [Guard], lessons recorded: LessonSelection, limit: Int) -> ToolAnswer
    {
        let reverts = Shown(
            report.reverts.filter { query.matches($0, reason: revertReasons[$0.revert.id]) }, limit: limit)
        let matchingFixes = query.matchingCommits(fixCommits)
        let fixes = Shown(
            report.recurringFixes.filter { query.matches($0, matchingFixes: matchingFixes) }
                .sorted { ($1.fixes.count, $0.path) < ($0.fixes.count, $1.path) },
            limit: limit)
        let lessons = Shown(
            guards.filter { Self.doNotRetryKinds.contains($0.kind) && $0.status != .muted && query.matches($0) },
            limit: limit)
        var lines = ["What was tried for \(query.quoted):"] + recorded.lines
        lines.append(
            "Reverted attempts: \(reverts.items.isEmpty ? "none." : "\(reverts.items.count + reverts.omitted)")")
        lines += reverts.items.map(revertLine)
        if let note = reverts.note { lines.append(note) }
        lines.append(
            "Files fixes keep returning to: \(fixes.items.isEmpty ? "none." : "\(fixes.items.count + fixes.omitted)")")
        lines += fixes.items.map(recurringLine)
        if let note = fixes.note { lines.append(note) }
        lines.append(
            "Guards keeping these lessons: \(lessons.items.isEmpty ? "none." : "\(lessons.items.count + lessons.omitted)")"
        )
        lines += lessons.items.map {
            "- \($0.id) \($0.kind) (\($0.status.rawValue)): \(HistoryText.quoted($0.message)) → \(HistoryText.quoted($0.action))"
        }
        if let note = lessons.note { lines.append(note) }
        return ToolAnswer(
            lines: lines,
            fields: [
                ("path", query.selector.map { .string($0.text) } ?? .null),
                ("text", query.text.map(JSONValue.string) ?? .null),
            ] + recorded.fields + [
                ("reverts", .array(reverts.items.map(revertJSON))),
                ("omittedReverts", .int(reverts.omitted)),
                ("recurringFixes", .array(fixes.items.map(recurringJSON))),
                ("omittedRecurringFixes", .int(fixes.omitted)),
                ("guards", .array(lessons.items.map(Self.guardJSON))),
                ("omittedGuards", .int(lessons.omitted)),
            ])
    }

    /// Whether a revert still stands: not itself a re-land, and not undone by one.
    func isDoNotRetry(_ record: RevertRecord) -> Bool { !record.isReland && !undoneReverts.contains(record.revert.id) }

    private func revertLine(_ record: RevertRecord) -> String {
        let attempt = record.reverted.map(HistoryText.commit) ?? "commit \(String(record.revertedID.hex.prefix(10)))"
        var line =
            record.isReland
            ? "- Re-landed \(attempt) in \(HistoryText.commit(record.revert))"
            : "- \(isDoNotRetry(record) ? "Do not retry" : "Reverted, since re-landed"): \(attempt), reverted by \(HistoryText.commit(record.revert))"
        if let reason = revertReasons[record.revert.id] {
            line += ", because \(HistoryText.quoted(reason, limit: 160))"
        }
        return line + "; files: \(HistoryText.paths(record.files, limit: 4))."
    }

    private func revertJSON(_ record: RevertRecord) -> JSONValue {
        .object([
            ("revert", Self.commitJSON(record.revert)),
            ("revertedID", .string(record.revertedID.hex)),
            ("reverted", record.reverted.map(Self.commitJSON) ?? .null),
            ("isReland", .bool(record.isReland)),
            ("doNotRetry", .bool(isDoNotRetry(record))),
            ("reason", revertReasons[record.revert.id].map(JSONValue.string) ?? .null),
            ("files", .array(record.files.map { .string($0.string) })),
        ])
    }

    private func recurringLine(_ file: RecurringFixFile) -> String {
        let regions = file.regions.prefix(3).map { region in
            let lines =
                region.startLine == region.endLine
                ? "line \(region.startLine)" : "lines \(region.startLine)–\(region.endLine)"
            return "\(lines) (\(TextShaping.count(region.fixes.count, "fix", "fixes")))"
        }
        let latest = file.fixes.suffix(3).reversed().map(HistoryText.commit).joined(separator: "; ")
        return "- \(HistoryText.path(file.path)): \(TextShaping.count(file.fixes.count, "fix commit"))"
            + (regions.isEmpty ? "" : " at " + regions.joined(separator: ", ")) + "; latest \(latest)."
    }

    /// The regions a file's JSON lists, in the file's order; the rest are counted in `omittedRegions`.
    /// A long-lived file has dozens (gitk 60), which made a text query's answer 126 KB on git's
    /// history and its round trip slower than the analysis.
    static let regionLimit = 10

    private func recurringJSON(_ file: RecurringFixFile) -> JSONValue {
        .object([
            ("path", .string(file.path.string)),
            ("fixCount", .int(file.fixes.count)),
            ("latestFixes", .array(file.fixes.suffix(3).reversed().map(Self.commitJSON))),
            ("omittedRegions", .int(max(0, file.regions.count - Self.regionLimit))),
            (
                "regions",
                .array(
                    file.regions.prefix(Self.regionLimit).map { region in
                        .object([
                            ("startLine", .int(region.startLine)), ("endLine", .int(region.endLine)),
                            ("fixCount", .int(region.fixes.count)),
                            ("latestFixes", .array(region.fixes.suffix(3).reversed().map { .string($0.id.hex) })),
                        ])
                    })
            ),
        ])
    }

    /// A guard as answers list it.
    static func guardJSON(_ item: Guard) -> JSONValue {
        .object([
            ("id", .string(item.id)), ("kind", .string(item.kind)), ("status", .string(item.status.rawValue)),
            ("severity", .string(item.severity.rawValue)), ("scope", .array(item.scope.map { .string($0.string) })),
            ("match", .string(item.match)), ("message", .string(item.message)), ("action", .string(item.action)),
            ("evidence", .array(item.evidence.suffix(3).map(commitJSON))),
            ("evidenceCount", .int(item.evidence.count)),
        ])
    }
}
