/// The stability report: what every file, directory and the repository as a whole went through,
/// with the settings used, so every number can be traced.
public struct StabilityReport: Sendable {
    /// The version of the report's JSON shape.
    public static let schemaVersion = 1

    /// Repository-wide figures.
    public var summary: RepositorySummary
    /// The settings the figures were computed with.
    public var settings: AnalysisSettings
    /// Files, in the order requested (after filters and `--top`).
    public var files: [FileReport]
    /// How many files matched but were cut by `--top`.
    public var omittedFiles: Int
    /// Directories, busiest first.
    public var directories: [DirectoryReport]
    /// Files that two or more fix commits changed, with the regions they share.
    public var recurringFixes: [RecurringFixFile]
    /// Reverts, newest first.
    public var reverts: [RevertRecord]
    /// Activity per week (Monday, UTC), oldest first, for the timeline.
    public var weeks: [WeekActivity]
    /// Vendored and fixture trees left out of the figures above, most files first.
    public var recognisedTrees: [RecognisedTreeReport]
    /// The lessons people and agents recorded, per area and month.
    public var lessons = LessonCounts()

    /// A report from its parts.
    public init(
        summary: RepositorySummary, settings: AnalysisSettings, files: [FileReport], omittedFiles: Int = 0,
        directories: [DirectoryReport], recurringFixes: [RecurringFixFile], reverts: [RevertRecord],
        weeks: [WeekActivity], recognisedTrees: [RecognisedTreeReport] = []
    ) {
        self.summary = summary
        self.settings = settings
        self.files = files
        self.omittedFiles = omittedFiles
        self.directories = directories
        self.recurringFixes = recurringFixes
        self.reverts = reverts
        self.weeks = weeks
        self.recognisedTrees = recognisedTrees
    }
}

/// A commit as reports cite it: id, author time, subject and author.
public struct CommitRef: Hashable, Sendable {
    /// The commit's id.
    public var id: CommitID
    /// Author time, seconds since the epoch.
    public var time: Int64
    /// The subject line (untrusted text).
    public var subject: String
    /// The author's name after `.mailmap` (untrusted text).
    public var author: String

    /// A reference from its parts.
    public init(id: CommitID, time: Int64, subject: String, author: String) {
        self.id = id
        self.time = time
        self.subject = subject
        self.author = author
    }

    /// The first 10 hex digits, as reports print ids.
    public var shortID: String { String(id.hex.prefix(10)) }
}

/// Where a file stands, from newest to most settled.
public enum FileClass: String, CaseIterable, Sendable, Comparable {
    case hotspot, churning, active, new, stable

    /// Attention order: hotspots first, stable files last.
    public static func < (lhs: FileClass, rhs: FileClass) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}

/// A file's class, the rule that placed it there, and the figures the rule read.
public struct Classification: Hashable, Sendable {
    /// The class.
    public var fileClass: FileClass
    /// The rule and figures, e.g. "unchanged for 412 days (stable after 180), 3 commits in 5.0 years".
    public var reason: String

    /// A classification from its parts.
    public init(_ fileClass: FileClass, reason: String) {
        self.fileClass = fileClass
        self.reason = reason
    }
}

/// A file that changes together with another one (code-maat's sum-of-coupling degree).
public struct CouplingPartner: Hashable, Sendable {
    /// The partner's path.
    public var path: RepoPath
    /// 100 × shared commits / average commits of the two files, rounded down.
    public var degree: Int
    /// Commits that changed both files.
    public var shared: Int
    /// Commits that changed the partner.
    public var partnerCommits: Int

    /// A partner from its parts.
    public init(path: RepoPath, degree: Int, shared: Int, partnerCommits: Int) {
        self.path = path
        self.degree = degree
        self.shared = shared
        self.partnerCommits = partnerCommits
    }
}
