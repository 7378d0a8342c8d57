import HindsightCore
import HindsightOutput

extension HistoryModel {
    /// `file_history`: the commits that changed the file now (or last) at `path`, following renames,
    /// newest first.
    func fileHistory(_ path: RepoPath, limit: Int) throws(ToolError) -> ToolAnswer {
        guard let lineage = lineage(at: path) else {
            let kind: String =
                files.keys.contains { $0.isWithin(path) } || lineages.keys.contains { $0.isWithin(path) }
                ? "is a directory; file_history takes one file (hotspots and file_stability take directories)"
                : "is not a file in this history; give a path relative to the repository root"
            throw ToolError("\(HistoryText.path(path)) \(kind).")
        }
        let snapshot = input.snapshot
        let changes = zip(lineage.changes, lineage.commits).reversed().map { ($0, $1) }
        let shown = Shown(changes, limit: limit)
        let state = lineage.isDeleted ? "deleted" : "alive"
        var lines = [
            "\(HistoryText.path(path)) (\(state)): \(TextShaping.count(changes.count, "commit")) changed it, newest first:"
        ]
        var entries: [JSONValue] = []
        for (changeIndex, commitIndex) in shown.items {
            let change = snapshot.changes[changeIndex]
            let ref = input.reference(commitIndex)
            let at = snapshot.paths[change.path]
            let old = change.oldPath.map { snapshot.paths[$0] }
            var line =
                "- \(HistoryText.commit(ref)) by \(HistoryText.quoted(ref.author, limit: 60)): \(change.status.rawValue)"
            line += change.isBinary ? " (binary)" : " +\(change.added) −\(change.deleted)"
            if let old { line += " from \(HistoryText.path(old))" }
            if at != path { line += " at \(HistoryText.path(at))" }
            if input.isFix[commitIndex] { line += " [fix]" }
            if input.isRevert(commitIndex) { line += " [revert]" }
            lines.append(line)
            var fields: [(String, JSONValue)] = [
                ("commit", Self.commitJSON(ref)), ("status", .string(change.status.rawValue)),
            ]
            fields += JSONValue.pathFields("path", at)
            fields += [
                ("oldPath", old.map { .string($0.string) } ?? .null),
                ("linesAdded", change.isBinary ? .null : .int(change.added)),
                ("linesDeleted", change.isBinary ? .null : .int(change.deleted)),
                ("isFix", .bool(input.isFix[commitIndex])),
                ("isRevert", .bool(input.isRevert(commitIndex))),
            ]
            entries.append(.object(fields))
        }
        if let note = shown.note { lines.append(note) }
        var fields = JSONValue.pathFields("path", path)
        fields += [
            ("isDeleted", .bool(lineage.isDeleted)), ("commits", .array(entries)), ("omitted", .int(shown.omitted)),
        ]
        return ToolAnswer(lines: lines, fields: fields)
    }

    /// The file now at `path`; else the one most recently deleted from it.
    private func lineage(at path: RepoPath) -> FileLineage? {
        let candidates = lineages[path] ?? []
        return candidates.first { !$0.isDeleted } ?? candidates.max { ($0.commits.last ?? 0) < ($1.commits.last ?? 0) }
    }
}
