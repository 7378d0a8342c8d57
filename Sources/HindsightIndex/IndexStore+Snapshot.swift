import Foundation
import GRDB
import HindsightCore

extension IndexStore {
    /// Everything the analyses read: reachable commits oldest first, their changes with hunks,
    /// paths and people (after `.mailmap`) interned.
    ///
    /// Commits and changes load side by side on two connections (each about half of the time a
    /// report takes). Both record the index state they saw; if a mine committed in between, the
    /// load runs again on one connection, so the result is always one consistent state.
    public func snapshot() throws -> HistorySnapshot {
        let commitPart = Locked<Result<CommitPart, any Error>?>(nil)
        let changePart = Locked<Result<ChangePart, any Error>?>(nil)
        let second = try? Self.guarding(url) { try DatabaseQueue(path: url.path, configuration: Self.readOnly) }
        DispatchQueue.concurrentPerform(iterations: second == nil ? 1 : 2) { job in
            if job == 0 {
                commitPart.withLock { $0 = Result { try read(CommitPart.init) } }
            } else if let second {
                changePart.withLock { $0 = Result { try Self.guarding(url) { try second.read(ChangePart.init) } } }
            }
        }
        let commits = try commitPart.withLock { try $0?.get() } ?? read(CommitPart.init)
        if let changes = try? changePart.withLock({ try $0?.get() }), changes.state == commits.state {
            return commits.joined(with: changes)
        }
        return try read { db in try CommitPart(db).joined(with: ChangePart(db)) }
    }

    private static var readOnly: Configuration {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(5)
        return configuration
    }

    /// What identifies the index's contents: its tip and the last commit and path rows.
    fileprivate static func state(in db: Database) throws -> String {
        let tip = try Self.meta(.tip, in: db)
        let commits = try Int.fetchOne(db, sql: "SELECT max(id) FROM commits") ?? 0
        let paths = try Int.fetchOne(db, sql: "SELECT max(id) FROM paths") ?? 0
        return "\(tip ?? "")/\(commits)/\(paths)"
    }
}

/// Reachable commits with people and trailers, as one connection reads them.
private struct CommitPart {
    let state: String
    let tip: CommitID?
    let isShallow: Bool
    let people: [Person]
    var commits: [SnapshotCommit] = []
    /// For each commit row id, its index in `commits`, or -1 when not reachable (row ids are dense).
    var indexOfRow: [Int32]

    init(_ db: Database) throws {
        state = try IndexStore.state(in: db)
        tip = try IndexStore.meta(.tip, in: db)
            .map(CommitID.init(trustedHex:))
        isShallow =
            !(try IndexStore.meta(.shallow, in: db) ?? "").isEmpty
        let (people, personOfIdentity) = try Self.people(in: db)
        self.people = people
        let trailers = try Self.analysisTrailers(in: db)
        indexOfRow = [Int32](repeating: -1, count: (try Int.fetchOne(db, sql: "SELECT max(id) FROM commits") ?? 0) + 1)
        commits.reserveCapacity(indexOfRow.count)
        // Read in row id order (a plain table scan) and sort by `seq` only when the two disagree:
        // walking the `seq` index costs a random lookup per commit.
        var seqs: [Int] = []
        try db.forEachRawRow(
            """
            SELECT id, sha, authorId, authorTime, authorOffset, subject, body, revertsSha, parentCount, seq, commitTime
            FROM commits WHERE isReachable
            """
        ) { row in
            let rowID = row.int(0)
            let trailer = trailers[rowID]
            indexOfRow[rowID] = Int32(commits.count)
            seqs.append(row.int(9))
            commits.append(
                SnapshotCommit(
                    id: CommitID(trustedHex: row.text(1)), author: personOfIdentity[row.int(2)] ?? 0,
                    time: Int64(row.int(3)), offsetMinutes: Int32(row.int(4)), commitTime: Int64(row.int(10)),
                    subject: row.text(5), body: row.text(6),
                    revertedCommit: row.isNull(7) ? nil : CommitID(trustedHex: row.text(7)),
                    fixesReferences: trailer?.fixes ?? [], coAuthors: trailer?.coAuthors ?? [],
                    lessonTrailers: trailer?.lessons ?? [], isMerge: row.int(8) > 1, changes: 0..<0))
        }
        if zip(seqs, seqs.dropFirst()).contains(where: { $0 > $1 }) {
            let order = seqs.indices.sorted { seqs[$0] < seqs[$1] }
            var newIndex = [Int32](repeating: 0, count: order.count)
            for (position, old) in order.enumerated() { newIndex[old] = Int32(position) }
            for rowID in indexOfRow.indices where indexOfRow[rowID] >= 0 {
                indexOfRow[rowID] = newIndex[Int(indexOfRow[rowID])]
            }
            commits = order.map { commits[$0] }
        }
    }

    /// The snapshot: each commit gets its slice of `part`'s changes.
    func joined(with part: ChangePart) -> HistorySnapshot {
        var changes: [SnapshotChange] = []
        var owners: [Int32] = []
        changes.reserveCapacity(part.changes.count)
        owners.reserveCapacity(part.changes.count)
        var isInOrder = true
        for (change, rowID) in zip(part.changes, part.commitRows) {
            guard rowID < indexOfRow.count, indexOfRow[rowID] >= 0 else { continue }
            let owner = indexOfRow[rowID]
            if let previous = owners.last, previous > owner { isInOrder = false }
            changes.append(change)
            owners.append(owner)
        }
        // `changes` is clustered by (commitId, position) and row ids grow with `seq`, so the scan is
        // almost always in commit order already; a counting sort fixes it otherwise.
        if !isInOrder { (changes, owners) = Self.sortedByCommit(changes, owners: owners, commitCount: commits.count) }
        var commits = self.commits
        var cursor = 0
        for index in commits.indices {
            let start = cursor
            while cursor < owners.count, owners[cursor] == Int32(index) { cursor += 1 }
            commits[index].changes = start..<cursor
        }
        var snapshot = HistorySnapshot(
            tip: tip, paths: part.paths, people: people, commits: commits, changes: changes, isShallow: isShallow)
        snapshot.hunkBytes = part.hunkBytes
        return snapshot
    }

    private static func sortedByCommit(
        _ changes: [SnapshotChange], owners: [Int32], commitCount: Int
    ) -> ([SnapshotChange], [Int32]) {
        var starts = [Int](repeating: 0, count: commitCount + 1)
        for owner in owners { starts[Int(owner) + 1] += 1 }
        for index in 0..<commitCount { starts[index + 1] += starts[index] }
        var order = [Int](repeating: 0, count: changes.count)
        for (position, owner) in owners.enumerated() {
            order[starts[Int(owner)]] = position
            starts[Int(owner)] += 1
        }
        return (order.map { changes[$0] }, order.map { owners[$0] })
    }

    private static func people(in db: Database) throws -> ([Person], [Int: Int]) {
        var people: [Person] = []
        var indexOfPerson: [Person: Int] = [:]
        var personOfIdentity: [Int: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, mappedName, mappedEmail FROM identities") {
            let person = Person(name: row[1], email: row[2])
            let index =
                indexOfPerson[person]
                ?? {
                    people.append(person)
                    indexOfPerson[person] = people.count - 1
                    return people.count - 1
                }()
            personOfIdentity[row[0]] = index
        }
        return (people, personOfIdentity)
    }

    private typealias AnalysisTrailers = (fixes: [String], coAuthors: [Person], lessons: [Trailer])

    private static func analysisTrailers(in db: Database) throws -> [Int: AnalysisTrailers] {
        var result: [Int: AnalysisTrailers] = [:]
        try db.forEachRawRow(
            """
            SELECT commitId, lower(key), value, key FROM trailers
            WHERE lower(key) IN ('fixes', 'co-authored-by', 'lesson', 'tried') ORDER BY commitId, position
            """
        ) { row in
            let commit = row.int(0)
            let value = row.text(2)
            switch row.text(1) {
            case "fixes": result[commit, default: ([], [], [])].fixes.append(value)
            case "co-authored-by":
                if let person = Person(parsingIdent: value) {
                    result[commit, default: ([], [], [])].coAuthors.append(person)
                }
            default: result[commit, default: ([], [], [])].lessons.append(Trailer(key: row.text(3), value: value))
            }
        }
        return result
    }
}

/// Every stored change with its commit's row id, and the interned paths, as one connection reads them.
private struct ChangePart {
    let state: String
    var paths: [RepoPath] = []
    var changes: [SnapshotChange] = []
    var commitRows: [Int] = []
    var hunkBytes: [UInt8] = []

    init(_ db: Database) throws {
        state = try IndexStore.state(in: db)
        var indexOfPathRow = [Int](
            repeating: 0, count: (try Int.fetchOne(db, sql: "SELECT max(id) FROM paths") ?? 0) + 1)
        try db.forEachRawRow("SELECT id, bytes FROM paths") { row in
            indexOfPathRow[row.int(0)] = paths.count
            paths.append(RepoPath(bytes: row.bytes(1)))
        }
        try db.forEachRawRow(
            """
            SELECT commitId, status, oldPathId, pathId, added, deleted, isBinary, hunks FROM changes
            """
        ) { row in
            let start = hunkBytes.count
            row.appendBlob(7, to: &hunkBytes)
            var change = SnapshotChange(
                status: row.status(1), oldPath: row.isNull(2) ? nil : indexOfPathRow[row.int(2)],
                path: indexOfPathRow[row.int(3)], added: row.int(4), deleted: row.int(5), isBinary: row.int(6) != 0)
            change.encodedHunks = start..<hunkBytes.count
            changes.append(change)
            commitRows.append(row.int(0))
        }
    }
}
