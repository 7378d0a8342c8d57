@testable import HindsightCore

/// Builds a `HistorySnapshot` by hand: one call per commit, days counted from a fixed epoch.
struct SnapshotBuilder {
    static let epoch: Int64 = 1_700_000_000  // 2023-11-14T22:13:20Z
    static let day: Int64 = 86_400

    private(set) var snapshot = HistorySnapshot(tip: nil, paths: [], people: [], commits: [], changes: [])

    /// The time `days` after the epoch.
    static func time(_ days: Double) -> Int64 { epoch + Int64(days * Double(day)) }

    /// Appends a commit; each change is `(status, path)` or a rename `(.renamed, "old->new")`.
    /// `landedDay` is the committer date when it differs from the author date `day`; `hunks` gives
    /// a modified path's hunks.
    @discardableResult
    mutating func commit(
        _ subject: String, day: Double, author: String = "Ada", changes: [(ChangeStatus, String, Int, Int)],
        revert: CommitID? = nil, isMerge: Bool = false, body: String = "", coAuthors: [Person] = [],
        fixes: [String] = [], landedDay: Double? = nil, hunks: [String: [Hunk]] = [:]
    ) -> CommitID {
        let start = snapshot.changes.count
        for (status, path, added, deleted) in changes {
            var oldPath: Int?
            var newPath = path
            if status == .renamed, let arrow = path.range(of: "->") {
                oldPath = intern(String(path[..<arrow.lowerBound]))
                newPath = String(path[arrow.upperBound...])
            }
            snapshot.changes.append(
                SnapshotChange(
                    status: status, oldPath: oldPath, path: intern(newPath), added: added, deleted: deleted,
                    hunks: hunks[newPath] ?? []))
        }
        let id = CommitID(trustedHex: String(format: "%040x", snapshot.commits.count + 1))
        let person = Person(name: author, email: "\(author.lowercased())@example.com")
        let authorIndex =
            snapshot.people.firstIndex(of: person)
            ?? {
                snapshot.people.append(person)
                return snapshot.people.count - 1
            }()
        snapshot.commits.append(
            SnapshotCommit(
                id: id, author: authorIndex, time: Self.time(day), commitTime: landedDay.map(Self.time),
                subject: subject, body: body, revertedCommit: revert,
                fixesReferences: fixes, coAuthors: coAuthors,
                // As the miner stores them: the trailer block's Lesson: and Tried: lines.
                lessonTrailers: CommitMessage(parsing: subject + "\n\n" + body).trailers.filter {
                    ["lesson", "tried"].contains($0.key.lowercased())
                }, isMerge: isMerge, changes: start..<snapshot.changes.count)
        )
        snapshot.tip = id
        return id
    }

    private mutating func intern(_ path: String) -> Int {
        if let index = snapshot.paths.firstIndex(of: RepoPath(path)) { return index }
        snapshot.paths.append(RepoPath(path))
        return snapshot.paths.count - 1
    }

    /// The analysis input at `now` (days after the epoch), deleted files optional.
    func input(
        now: Double, includeDeleted: Bool = false, configure: (inout AnalysisSettings) -> Void = { _ in }
    ) -> AnalysisInput {
        var settings = AnalysisSettings(now: Self.time(now))
        settings.includeDeleted = includeDeleted
        configure(&settings)
        return AnalysisInput(snapshot: snapshot, settings: settings)
    }
}
