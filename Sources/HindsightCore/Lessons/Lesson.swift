/// What a lesson records: an approach that was tried, something to avoid, a convention, or a note.
public enum LessonKind: String, CaseIterable, Sendable, Comparable {
    /// An approach that was tried and abandoned, with its outcome.
    case tried
    /// Something not to do here, with the reason.
    case avoid
    /// A convention no linter enforces.
    case convention
    /// Anything else worth knowing.
    case note

    public static func < (lhs: LessonKind, rhs: LessonKind) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }

    /// Whether a change touching the lesson's paths gets a `check` notice quoting it.
    public var warnsOnChange: Bool { self == .tried || self == .avoid }
}

/// A lesson written back by an agent or a person: a file under `.hindsight/lessons/`, or a
/// `Lesson:`/`Tried:` trailer of a commit. Its text is untrusted and quoted as data wherever it is shown.
public struct Lesson: Hashable, Sendable {
    /// Where a lesson comes from.
    public enum Source: Hashable, Sendable {
        /// A file, by its path from the work tree's root.
        case file(String)
        /// A trailer of this commit.
        case trailer(CommitID)
    }

    /// Why and when a lesson stopped applying; the file keeps it, so history stays.
    public struct Retirement: Hashable, Sendable {
        /// When, seconds since the epoch.
        public var time: Int64
        /// Why it no longer holds.
        public var reason: String
        /// Who retired it.
        public var by: String?

        /// A retirement from its parts.
        public init(time: Int64, reason: String, by: String? = nil) {
            self.time = time
            self.reason = reason
            self.by = by
        }
    }

    /// `ls-` and eight hexadecimal digits for a file, `ls-<commit>-<n>` for a trailer.
    public var id: String
    /// What it records.
    public var kind: LessonKind
    /// Repository paths or globs it is about, from the root (`src/cache/`, `src/diff*.c`); empty: the whole repository.
    public var paths: [String]
    /// What was learned.
    public var text: String
    /// The outcome or the reason, when given.
    public var outcome: String?
    /// Commit ids and issue or pull-request URLs behind it.
    public var evidence: [String]
    /// Who wrote it (a person or an agent's name).
    public var author: String
    /// Whether a coding agent wrote it.
    public var byAgent: Bool
    /// When it was written, seconds since the epoch.
    public var created: Int64
    /// `HEAD` when it was written; staleness counts the commits since.
    public var head: CommitID?
    /// The day it stops applying (midnight UTC, seconds since the epoch), when it has one.
    public var expires: Int64?
    /// Set once it is retired.
    public var retirement: Retirement?
    /// Where it was read from.
    public var source: Source

    /// A lesson from its parts.
    public init(
        id: String, kind: LessonKind, paths: [String], text: String, outcome: String? = nil, evidence: [String] = [],
        author: String, byAgent: Bool = false, created: Int64, head: CommitID? = nil, expires: Int64? = nil,
        retirement: Retirement? = nil, source: Source
    ) {
        self.id = id
        self.kind = kind
        self.paths = paths
        self.text = text
        self.outcome = outcome
        self.evidence = evidence
        self.author = author
        self.byAgent = byAgent
        self.created = created
        self.head = head
        self.expires = expires
        self.retirement = retirement
        self.source = source
    }

    /// The path patterns, anchored at the repository root.
    public var patterns: [GlobPattern] { paths.map { GlobPattern("/" + $0) } }

    /// Whether it is about `path` (a file, or a directory given with or without its trailing slash):
    /// a pattern matches it or something inside it.
    public func isAbout(_ path: RepoPath) -> Bool {
        if paths.isEmpty { return true }
        if patterns.contains(where: { $0.matches(path) }) { return true }
        let directory = path.string.hasSuffix("/") ? path.string : path.string + "/"
        return path.string.isEmpty || paths.contains { literalPrefix(of: $0).hasPrefix(directory) }
    }

    /// Whether it is about any of `paths`.
    public func isAbout(anyOf paths: [RepoPath]) -> Bool { paths.contains(where: isAbout) }
}

/// The part of a glob before its first wildcard (`src/diff*.c` → `src/diff`).
func literalPrefix(of glob: String) -> String {
    String(glob.prefix { !"*?[".contains($0) })
}
