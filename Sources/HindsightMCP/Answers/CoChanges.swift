import HindsightCore
import HindsightOutput

/// A file that changed together with another one, counted as the report's coupling counts.
struct CoChange: Sendable {
    var path: RepoPath
    /// Commits that changed both.
    var shared: Int
    /// Commits that changed the partner.
    var partnerCommits: Int
    /// 100 × shared / average of both files' commits, rounded down.
    var degree: Int
    /// Whether the pair clears the report's coupling thresholds (what `check`'s co-change rule uses).
    var isCoupled: Bool
    /// The latest (at most three) commits that changed both, newest first.
    var evidence: [CommitRef]
}

extension HistoryModel {
    /// The files that changed with the covered file at `path` in two or more commits, strongest
    /// first. Commits that change more files than `coupling.maxFilesPerCommit` are skipped.
    func coChanges(of path: RepoPath) -> (commits: Int, partners: [CoChange])? {
        guard let index = fileIndex[path], let file = files[path] else { return nil }
        let thresholds = input.settings.coupling
        var shared: [Int32: [Int]] = [:]
        for commit in file.commits {
            let changed = input.files(of: commit)
            guard changed.count <= thresholds.maxFilesPerCommit else { continue }
            for other in changed where Int(other) != index { shared[other, default: []].append(commit) }
        }
        let own = couplingRevisions[index]
        let partners = shared.compactMap { other, commits -> CoChange? in
            guard commits.count >= 2 else { return nil }
            let theirs = couplingRevisions[Int(other)]
            let average = Double(own + theirs) / 2
            let degree = Int(100 * Double(commits.count) / average)
            let isCoupled =
                commits.count >= thresholds.minShared && average >= Double(thresholds.minRevisions)
                && degree >= thresholds.minDegree
            return CoChange(
                path: input.files[Int(other)].path, shared: commits.count, partnerCommits: theirs, degree: degree,
                isCoupled: isCoupled, evidence: commits.suffix(3).reversed().map(input.reference))
        }
        return (own, partners.sorted { ($1.degree, $1.shared, $0.path) < ($0.degree, $0.shared, $1.path) })
    }

    /// `co_changes`: the files that change with the one at `path`, with degree, counts and evidence.
    func coChangesAnswer(_ path: RepoPath, limit: Int) throws(ToolError) -> ToolAnswer {
        guard let (commits, partners) = coChanges(of: path) else {
            throw ToolError(missingFileMessage(PathSelector(exactly: path)))
        }
        let shown = Shown(partners, limit: limit)
        let thresholds = input.settings.coupling
        var lines = [
            "\(HistoryText.path(path)): \(TextShaping.count(commits, "commit")) counted (commits changing more than "
                + "\(thresholds.maxFilesPerCommit) files skipped); \(TextShaping.count(partners.count, "file")) changed with it in 2 or more."
        ]
        for partner in shown.items {
            var line =
                "- \(HistoryText.path(partner.path)): degree \(partner.degree)%, \(partner.shared) of \(commits) commits "
                + "(it has \(partner.partnerCommits))"
            if partner.isCoupled { line += " — coupled: check flags changing one without the other" }
            if let latest = partner.evidence.first { line += "; latest together \(HistoryText.commit(latest))" }
            lines.append(line + ".")
        }
        if let note = shown.note { lines.append(note) }
        var fields = JSONValue.pathFields("path", path)
        fields += [
            ("commits", .int(commits)),
            (
                "partners",
                .array(
                    shown.items.map { partner in
                        .object([
                            ("path", .string(partner.path.string)), ("degree", .int(partner.degree)),
                            ("shared", .int(partner.shared)),
                            ("partnerCommits", .int(partner.partnerCommits)), ("isCoupled", .bool(partner.isCoupled)),
                            ("evidence", .array(partner.evidence.map(Self.commitJSON))),
                        ])
                    })
            ),
            ("omitted", .int(shown.omitted)),
            (
                "thresholds",
                .object([
                    ("minRevisions", .int(thresholds.minRevisions)), ("minShared", .int(thresholds.minShared)),
                    ("minDegree", .int(thresholds.minDegree)),
                    ("maxFilesPerCommit", .int(thresholds.maxFilesPerCommit)),
                ])
            ),
        ]
        return ToolAnswer(lines: lines, fields: fields)
    }
}
