/// Everything the analyses read, loaded from the index in one pass: commits oldest first, their
/// changed files, and paths and people interned so analyses compare small integers.
public struct HistorySnapshot: Sendable {
    /// The commit the index was mined up to; nil for an empty history.
    public var tip: CommitID?
    /// Every path a change mentions; `SnapshotChange.path` indexes into it.
    public var paths: [RepoPath]
    /// Authors after `.mailmap`; `SnapshotCommit.author` indexes into it.
    public var people: [Person]
    /// Reachable commits, parents before children.
    public var commits: [SnapshotCommit]
    /// Changed files of all commits; `SnapshotCommit.changes` is each commit's slice.
    public var changes: [SnapshotChange]
    /// Whether the history stops at a shallow clone's boundary.
    public var isShallow: Bool
    /// Every change's hunks as read from the index, `HunkCoding` bytes back to back; a change's
    /// `encodedHunks` is its slice. Kept encoded so loading allocates once, not once per change.
    public var hunkBytes: [UInt8] = []
    /// The file paths in the tip's tree, when read from the repository. Merges are not diffed, so
    /// folding changes through renames alone can leave a path alive that the tip does not have (a
    /// branch's changes to a pre-move path merged after the move); these paths settle it.
    public var livePaths: Set<RepoPath>?
    /// The tip's files' line counts, when the repository can be read: exact where summing a
    /// file's changes is not (changes made on two branches count twice).
    public var tipLines: TipLineCounts?
    /// The tip's files' texts, when the repository can be read.
    public var tipTexts: TipTexts?
    /// What the tip's tree says about vendored code (submodules, license texts), when read from the repository.
    public var treeEvidence = TreeEvidence()

    /// A snapshot from its parts.
    public init(
        tip: CommitID?, paths: [RepoPath], people: [Person], commits: [SnapshotCommit],
        changes: [SnapshotChange], isShallow: Bool = false
    ) {
        self.tip = tip
        self.paths = paths
        self.people = people
        self.commits = commits
        self.changes = changes
        self.isShallow = isShallow
    }
}

extension HistorySnapshot {
    /// When the tip landed (its committer time), the date ages count from; nil for an empty history.
    /// The tip is the last commit, as every other commit is its ancestor.
    public var tipCommitTime: Int64? { commits.last?.commitTime }

    /// The changed regions of change `index`, decoding its hunks from `hunkBytes` when stored there.
    public func regions(of index: Int) -> [Hunk] {
        let change = changes[index]
        guard !change.encodedHunks.isEmpty, !change.isBinary else { return change.regions }
        return HunkCoding.decode(hunkBytes[change.encodedHunks]) ?? []
    }
}

/// One commit of a snapshot.
public struct SnapshotCommit: Sendable {
    /// The commit's id.
    public var id: CommitID
    /// Index of the author (after `.mailmap`) in `HistorySnapshot.people`.
    public var author: Int
    /// Author time, seconds since the epoch (when the work was done; rebases keep it).
    public var time: Int64
    /// The author's UTC offset in minutes.
    public var offsetMinutes: Int32
    /// Committer time, seconds since the epoch (when the commit landed where it is).
    public var commitTime: Int64
    /// The message's subject line.
    public var subject: String
    /// The message after the subject.
    public var body: String
    /// The commit named by `This reverts commit <id>.`, if any.
    public var revertedCommit: CommitID?
    /// Values of `Fixes:` trailers.
    public var fixesReferences: [String]
    /// People named in `Co-authored-by:` trailers (not mailmapped).
    public var coAuthors: [Person]
    /// `Lesson:` and `Tried:` trailers, in order.
    public var lessonTrailers: [Trailer]
    /// Whether the commit is a merge (stored, never diffed).
    public var isMerge: Bool
    /// This commit's slice of `HistorySnapshot.changes`.
    public var changes: Range<Int>

    /// A commit from its parts.
    public init(
        id: CommitID, author: Int, time: Int64, offsetMinutes: Int32 = 0, commitTime: Int64? = nil, subject: String,
        body: String = "",
        revertedCommit: CommitID? = nil, fixesReferences: [String] = [], coAuthors: [Person] = [],
        lessonTrailers: [Trailer] = [], isMerge: Bool = false, changes: Range<Int>
    ) {
        self.id = id
        self.author = author
        self.time = time
        self.offsetMinutes = offsetMinutes
        self.commitTime = commitTime ?? time
        self.subject = subject
        self.body = body
        self.revertedCommit = revertedCommit
        self.fixesReferences = fixesReferences
        self.coAuthors = coAuthors
        self.lessonTrailers = lessonTrailers
        self.isMerge = isMerge
        self.changes = changes
    }
}

/// One changed file of a snapshot commit.
public struct SnapshotChange: Sendable {
    /// How the file changed.
    public var status: ChangeStatus
    /// For a rename, index of the old path in `HistorySnapshot.paths`.
    public var oldPath: Int?
    /// Index of the path in `HistorySnapshot.paths` (for a deletion, the deleted path).
    public var path: Int
    /// Lines added (0 when binary).
    public var added: Int
    /// Lines deleted (0 when binary).
    public var deleted: Int
    /// Whether git counts the file as binary.
    public var isBinary: Bool
    /// The changed regions of a modified, renamed or retyped text file; empty otherwise
    /// (use `regions` for the hunks of additions and deletions too).
    public var hunks: [Hunk]

    /// A change from its parts.
    public init(
        status: ChangeStatus, oldPath: Int? = nil, path: Int, added: Int, deleted: Int,
        isBinary: Bool = false, hunks: [Hunk] = []
    ) {
        self.status = status
        self.oldPath = oldPath
        self.path = path
        self.added = added
        self.deleted = deleted
        self.isBinary = isBinary
        self.hunks = hunks
    }

    /// Lines added plus lines deleted.
    public var churn: Int { added + deleted }

    /// This change's slice of `HistorySnapshot.hunkBytes`, when its hunks are stored there.
    public var encodedHunks: Range<Int> = 0..<0

    /// The changed regions, including the single whole-file hunk of an addition or deletion
    /// (hunks kept in `hunkBytes` are read with `HistorySnapshot.regions(of:)`).
    public var regions: [Hunk] {
        guard !isBinary else { return [] }
        switch status {
        case .added: return added > 0 ? [Hunk(oldStart: 0, oldLines: 0, newStart: 1, newLines: added)] : []
        case .deleted: return deleted > 0 ? [Hunk(oldStart: 1, oldLines: deleted, newStart: 0, newLines: 0)] : []
        case .modified, .renamed, .typeChanged: return hunks
        }
    }
}
