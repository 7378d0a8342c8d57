import Foundation
import GRDB
import HindsightCore

/// Appends mined commits to the index, interning paths and identities; one per mine.
final class IndexWriter {
    private let store: IndexStore
    private let canonical: (Person) -> Person
    private var pathIDs: [RepoPath: Int64] = [:]
    private var identityIDs: [Person: Int64] = [:]
    private var nextSeq: Int64
    /// The sequence number of the first commit this writer appends.
    let firstSeq: Int64

    /// - Parameter canonical: maps a recorded person to its `.mailmap` identity.
    /// Whether appended commits are known reachable from the tip already (a first mine, where the
    /// walk met no indexed commit), which spares a pass over every row afterwards.
    private let marksReachable: Bool

    init(store: IndexStore, marksReachable: Bool, canonical: @escaping (Person) -> Person) throws {
        self.store = store
        self.marksReachable = marksReachable
        self.canonical = canonical
        nextSeq = try store.read { db in try Int64.fetchOne(db, sql: "SELECT max(seq) FROM commits") ?? 0 } + 1
        firstSeq = nextSeq
    }

    /// Writes one batch (parents before children) in a single transaction.
    func append(_ batch: [MinedCommit]) throws {
        guard !batch.isEmpty else { return }
        try store.write { db in
            for mined in batch { try insert(mined, in: db) }
        }
    }

    private func insert(_ mined: MinedCommit, in db: Database) throws {
        let commit = mined.commit
        let authorID = try identityID(commit.author, in: db)
        let committerID = try identityID(commit.committer, in: db)
        try db.cachedStatement(
            sql: """
                INSERT INTO commits (sha, seq, authorId, authorTime, authorOffset, committerId, commitTime,
                    commitOffset, subject, body, revertsSha, parentCount, isBoundary, isReachable)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            commit.id.hex, nextSeq, authorID, commit.authorTime.seconds, commit.authorTime.offsetMinutes,
            committerID, commit.commitTime.seconds, commit.commitTime.offsetMinutes,
            commit.message.subject, commit.message.body, commit.message.revertedCommit?.hex,
            commit.parents.count, mined.isShallowBoundary, marksReachable,
        ])
        nextSeq += 1
        let rowID = db.lastInsertedRowID
        for (position, parent) in commit.parents.enumerated() {
            try db.cachedStatement(sql: "INSERT INTO parents (commitId, position, sha) VALUES (?, ?, ?)")
                .execute(arguments: [rowID, position, parent.hex])
        }
        for (position, trailer) in commit.message.trailers.enumerated() {
            try db.cachedStatement(sql: "INSERT INTO trailers (commitId, position, key, value) VALUES (?, ?, ?, ?)")
                .execute(arguments: [rowID, position, trailer.key, trailer.value])
        }
        for (position, change) in mined.changes.enumerated() {
            let oldPathID = try change.oldPath.map { try pathID($0, in: db) }
            try db.cachedStatement(
                sql: """
                    INSERT INTO changes (commitId, position, status, oldPathId, pathId, added, deleted, isBinary, hunks)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [
                rowID, position, change.status.rawValue, oldPathID, try pathID(change.path, in: db),
                change.linesAdded, change.linesDeleted, change.isBinary,
                change.hunks.isEmpty ? nil : Data(HunkCoding.encode(change.hunks)),
            ])
        }
    }

    private func pathID(_ path: RepoPath, in db: Database) throws -> Int64 {
        if let known = pathIDs[path] { return known }
        let bytes = Data(path.bytes)
        let id: Int64
        if let existing = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT id FROM paths WHERE bytes = ?"), arguments: [bytes])
        {
            id = existing
        } else {
            try db.cachedStatement(sql: "INSERT INTO paths (bytes) VALUES (?)").execute(arguments: [bytes])
            id = db.lastInsertedRowID
        }
        pathIDs[path] = id
        return id
    }

    private func identityID(_ person: Person, in db: Database) throws -> Int64 {
        if let known = identityIDs[person] { return known }
        let id: Int64
        if let existing = try Int64.fetchOne(
            db, sql: "SELECT id FROM identities WHERE name = ? AND email = ?", arguments: [person.name, person.email])
        {
            id = existing
        } else {
            let mapped = canonical(person)
            try db.execute(
                sql: "INSERT INTO identities (name, email, mappedName, mappedEmail) VALUES (?, ?, ?, ?)",
                arguments: [person.name, person.email, mapped.name, mapped.email])
            id = db.lastInsertedRowID
        }
        identityIDs[person] = id
        return id
    }

    /// Re-applies the mailmap to every stored identity, writing only those whose mapping changed,
    /// unless the mailmap is the one they were mapped with (`fingerprint`): identities added since
    /// were mapped as they were written, so a no-op or one-commit mine skips the rescan.
    func refreshIdentities(mailmap fingerprint: String) throws {
        if try store.read({ db in try IndexStore.meta(.mailmapKey, in: db) }) == fingerprint { return }
        let stale = try store.read { db in
            try Row.fetchAll(db, sql: "SELECT id, name, email, mappedName, mappedEmail FROM identities").compactMap {
                row in
                let mapped = canonical(Person(name: row["name"], email: row["email"]))
                let isCurrent = mapped.name == row["mappedName"] && mapped.email == row["mappedEmail"]
                return isCurrent ? nil : (row["id"] as Int64, mapped)
            }
        }
        try store.write { db in
            for (id, mapped) in stale {
                try db.execute(
                    sql: "UPDATE identities SET mappedName = ?, mappedEmail = ? WHERE id = ?",
                    arguments: [mapped.name, mapped.email, id])
            }
            try IndexStore.setMeta(.mailmapKey, fingerprint, in: db)
        }
    }
}
