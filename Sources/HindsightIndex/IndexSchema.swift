import GRDB

/// The index's tables, created and upgraded by numbered migrations.
enum IndexSchema {
    /// Identifies a hindsight index in the `meta` table.
    static let formatMarker = "hindsight-history-index"

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID;
                    CREATE TABLE identities (
                        id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL,
                        mappedName TEXT NOT NULL, mappedEmail TEXT NOT NULL, UNIQUE (name, email));
                    CREATE TABLE paths (id INTEGER PRIMARY KEY, bytes BLOB NOT NULL UNIQUE);
                    CREATE TABLE commits (
                        id INTEGER PRIMARY KEY, sha TEXT NOT NULL UNIQUE, seq INTEGER NOT NULL,
                        authorId INTEGER NOT NULL REFERENCES identities, authorTime INTEGER NOT NULL,
                        authorOffset INTEGER NOT NULL, committerId INTEGER NOT NULL REFERENCES identities,
                        commitTime INTEGER NOT NULL, commitOffset INTEGER NOT NULL,
                        subject TEXT NOT NULL, body TEXT NOT NULL, revertsSha TEXT,
                        parentCount INTEGER NOT NULL, isBoundary INTEGER NOT NULL,
                        isReachable INTEGER NOT NULL DEFAULT 0);
                    CREATE INDEX commitsBySeq ON commits (seq);
                    CREATE TABLE parents (
                        commitId INTEGER NOT NULL REFERENCES commits ON DELETE CASCADE,
                        position INTEGER NOT NULL, sha TEXT NOT NULL,
                        PRIMARY KEY (commitId, position)) WITHOUT ROWID;
                    CREATE TABLE trailers (
                        commitId INTEGER NOT NULL REFERENCES commits ON DELETE CASCADE,
                        position INTEGER NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
                        PRIMARY KEY (commitId, position)) WITHOUT ROWID;
                    CREATE TABLE changes (
                        commitId INTEGER NOT NULL REFERENCES commits ON DELETE CASCADE,
                        position INTEGER NOT NULL, status TEXT NOT NULL,
                        oldPathId INTEGER REFERENCES paths, pathId INTEGER NOT NULL REFERENCES paths,
                        added INTEGER NOT NULL, deleted INTEGER NOT NULL, isBinary INTEGER NOT NULL,
                        PRIMARY KEY (commitId, position)) WITHOUT ROWID;
                    CREATE INDEX changesByPath ON changes (pathId);
                    """)
            try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('format', ?)", arguments: [formatMarker])
        }
        // v2 keeps each change's hunks, which recurring-fix regions follow through later edits.
        // Rows mined before it have none, so the migration empties the index for a full re-mine.
        migrator.registerMigration("v2") { db in
            try db.execute(
                sql: """
                    ALTER TABLE changes ADD COLUMN hunks BLOB;
                    DELETE FROM changes; DELETE FROM trailers; DELETE FROM parents; DELETE FROM commits;
                    DELETE FROM meta WHERE key IN ('tip', 'reachableCount');
                    """)
        }
        // v3 caches what the live guard rules need per file, so a pre-commit check reads a few rows.
        migrator.registerMigration("v3") { db in
            try db.execute(
                sql: "CREATE TABLE fileFacts (path BLOB PRIMARY KEY NOT NULL, facts BLOB NOT NULL) WITHOUT ROWID")
        }
        // v4 caches .hindsight/guards.yml by path, so a pre-commit check parses only the guards it can fire.
        migrator.registerMigration("v4") { db in
            try db.execute(
                sql: """
                    CREATE TABLE guardCache (path BLOB NOT NULL, id TEXT NOT NULL, entry TEXT NOT NULL, PRIMARY KEY (path, id)) WITHOUT ROWID
                    """)
        }
        // v5 keeps each fix commit's SZZ origins, so `health` traces only the fixes mined since.
        migrator.registerMigration("v5") { db in
            try db.execute(
                sql: "CREATE TABLE fixOrigins (fix TEXT PRIMARY KEY NOT NULL, origins TEXT NOT NULL) WITHOUT ROWID")
        }
        // v6 keeps each commit's count of re-added fix lines, so `health` reads only new commits' diffs.
        migrator.registerMigration("v6") { db in
            try db.execute(
                sql: "CREATE TABLE fixReadds (commitID TEXT PRIMARY KEY NOT NULL, lines INTEGER NOT NULL) WITHOUT ROWID"
            )
        }
        // v7 keeps the line counts of blobs the analyses read, so a report does not inflate them again.
        migrator.registerMigration("v7") { db in
            try db.execute(
                sql: "CREATE TABLE blobLines (blob BLOB PRIMARY KEY NOT NULL, lines INTEGER NOT NULL) WITHOUT ROWID")
        }
        return migrator
    }
}

/// Keys of the `meta` table.
enum MetaKey: String {
    /// `IndexSchema.formatMarker`.
    case format
    /// `HistoryOptions.fingerprint` the rows were mined with.
    case options
    /// The commit the index was last brought up to date with.
    case tip
    /// The shallow boundary (sorted ids, space-separated) when the tip was mined.
    case shallow
    /// How many commits are reachable from the tip.
    case reachableCount
    /// What the `fileFacts` rows were computed for: tip, analysis settings and day.
    case factsKey
    /// What the `guardCache` rows were read from: the guard file's size and content hash.
    case guardsKey
    /// The guard file's backtest record, as its text.
    case guardsRecord
    /// What the `fixOrigins` rows were traced under: the history options and the window's first commit.
    case fixOriginsKey
    /// What the `fixReadds` rows were counted under: history options, fix detector, ignores, look-back.
    case fixReaddsKey
    /// `Mailmap.fingerprint` when the stored identities were last mapped.
    case mailmapKey
}
