import Foundation
import GRDB
import HindsightCore

extension IndexStore {
    /// Every change reachable from the tip, newest commit first, in git's path order within a commit.
    ///
    /// - Parameter path: keep only rows for files now at or below `path` (following renames),
    ///   or recorded at or below it.
    ///
    /// - Parameter livePaths: the tip's tree paths, when known: a current path the tip lacks then
    ///   follows a rename made on any line of history, or is nil (see `currentPaths(of:livePaths:)`).
    public func history(under path: RepoPath? = nil, livePaths: Set<RepoPath>? = nil) throws -> [HistoryRow] {
        var commits: [CommitID] = []
        var groups: [[FileChange]] = []
        try read { db in
            let cursor = try Row.fetchCursor(
                db,
                sql: """
                    SELECT c.sha, ch.status, ch.added, ch.deleted, ch.isBinary, op.bytes AS oldPath, p.bytes AS path
                    FROM changes ch
                    JOIN commits c ON c.id = ch.commitId
                    JOIN paths p ON p.id = ch.pathId
                    LEFT JOIN paths op ON op.id = ch.oldPathId
                    WHERE c.isReachable
                    ORDER BY c.seq DESC, ch.position
                    """)
            while let row = try cursor.next() {
                let sha: String = row[0]
                let status = ChangeStatus(rawValue: row[1]) ?? .modified
                let oldPath = (row[5] as Data?).map { RepoPath(bytes: Array($0)) }
                let change = FileChange(
                    status: status, oldPath: oldPath, path: RepoPath(bytes: Array(row[6] as Data)),
                    linesAdded: row[2], linesDeleted: row[3], isBinary: row[4])
                if commits.last?.hex == sha {
                    groups[groups.count - 1].append(change)
                } else {
                    commits.append(CommitID(trustedHex: sha))
                    groups.append([change])
                }
            }
        }
        let resolved = currentPaths(of: groups, livePaths: livePaths)
        var rows: [HistoryRow] = []
        for (commit, (changes, current)) in zip(commits, zip(groups, resolved)) {
            for (change, now) in zip(changes, current) {
                if let path, !(now?.isWithin(path) ?? false), !change.path.isWithin(path),
                    !(change.oldPath?.isWithin(path) ?? false)
                {
                    continue
                }
                rows.append(HistoryRow(commit: commit, change: change, currentPath: now))
            }
        }
        return rows
    }

    /// Every commit reachable from the tip, newest first, with people after `.mailmap`.
    public func commits() throws -> [IndexedCommit] {
        try read { db in
            var trailers: [Int64: [Trailer]] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT commitId, key, value FROM trailers ORDER BY commitId, position")
            {
                trailers[row[0], default: []].append(Trailer(key: row[1], value: row[2]))
            }
            var parents: [Int64: [CommitID]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT commitId, sha FROM parents ORDER BY commitId, position") {
                parents[row[0], default: []].append(CommitID(trustedHex: row[1]))
            }
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT c.id, c.sha, a.mappedName, a.mappedEmail, c.authorTime, c.authorOffset,
                           m.mappedName, m.mappedEmail, c.commitTime, c.commitOffset,
                           c.subject, c.body, c.revertsSha, c.isBoundary
                    FROM commits c JOIN identities a ON a.id = c.authorId JOIN identities m ON m.id = c.committerId
                    WHERE c.isReachable ORDER BY c.seq DESC
                    """
            ).map { row in
                let id: Int64 = row[0]
                let message = CommitMessage(
                    subject: row[10], body: row[11], trailers: trailers[id] ?? [],
                    revertedCommit: (row[12] as String?).map(CommitID.init(trustedHex:)))
                let commit = Commit(
                    id: CommitID(trustedHex: row[1]), parents: parents[id] ?? [],
                    author: Person(name: row[2], email: row[3]),
                    authorTime: GitTime(seconds: row[4], offsetMinutes: row[5]),
                    committer: Person(name: row[6], email: row[7]),
                    commitTime: GitTime(seconds: row[8], offsetMinutes: row[9]),
                    message: message)
                return IndexedCommit(commit: commit, isShallowBoundary: row[13])
            }
        }
    }
}

/// A commit read back from the index.
public struct IndexedCommit: Hashable, Sendable {
    /// The commit, people after `.mailmap`.
    public var commit: Commit
    /// Whether it sits at a shallow clone's cut-off.
    public var isShallowBoundary: Bool
}
