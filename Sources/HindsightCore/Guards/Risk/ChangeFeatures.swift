import Foundation

/// What the change-risk model sees of a change, all known before it lands: its size and spread
/// (Kamei et al.'s size and diffusion), the history of the files it touches, its author's
/// experience, whether it is a fix, whether it changes a test, and Hindsight's own signals: the
/// co-change partners it leaves out and whether an agent wrote it.
public struct ChangeFeatures: Hashable, Sendable {
    /// Lines added.
    public var linesAdded = 0
    /// Lines deleted.
    public var linesDeleted = 0
    /// Files touched.
    public var files = 0
    /// Distinct directories touched.
    public var directories = 0
    /// Shannon entropy (bits) of the change's lines across its files: 0 when one file holds them all.
    public var entropy = 0.0
    /// The most commits any touched file had before.
    public var fileCommits = 0
    /// The most fix commits any touched file had before.
    public var fileFixes = 0
    /// The most fix commits any touched file had in the year before.
    public var recentFixes = 0
    /// The most distinct authors any touched file had before.
    public var fileAuthors = 0
    /// Mean days since the touched files last changed (files new to history count 0).
    public var daysSinceChange = 0.0
    /// The author's commits before this one.
    public var authorCommits = 0
    /// Whether the change says it fixes something.
    public var isFix = false
    /// Whether it changes a test file.
    public var touchesTests = false
    /// Files that usually change with a touched file (the report's coupling) that it leaves out.
    public var coChangeMisses = 0
    /// Whether a coding agent wrote it (its author or a `Co-authored-by:` trailer).
    public var isAgent = false

    /// No change yet.
    public init() {}

    /// The features' names, in `values` order: the keys of the model in `.hindsight/guards.yml`.
    public static let names = [
        "linesAdded", "linesDeleted", "files", "directories", "entropy", "fileCommits", "fileFixes", "fileAuthors",
        "daysSinceChange", "authorCommits", "isFix", "touchesTests", "recentFixes", "coChangeMisses", "isAgent",
    ]

    /// The features as the model reads them: counts and days log-scaled (`log(1 + x)`), entropy as
    /// it is, flags as 0 or 1.
    public var values: [Double] {
        let log = { (value: Double) in log1p(max(0, value)) }
        return [
            log(Double(linesAdded)), log(Double(linesDeleted)), log(Double(files)), log(Double(directories)), entropy,
            log(Double(fileCommits)), log(Double(fileFixes)), log(Double(fileAuthors)), log(daysSinceChange),
            log(Double(authorCommits)), isFix ? 1 : 0, touchesTests ? 1 : 0, log(Double(recentFixes)),
            log(Double(coChangeMisses)), isAgent ? 1 : 0,
        ]
    }

    /// The size and spread of a change whose files changed `churn` lines each, at `paths`.
    mutating func measure(churn: [(path: RepoPath, added: Int, deleted: Int)]) {
        linesAdded = churn.reduce(0) { $0 + $1.added }
        linesDeleted = churn.reduce(0) { $0 + $1.deleted }
        files = churn.count
        directories = Set(churn.map(\.path.directory)).count
        let total = Double(linesAdded + linesDeleted)
        entropy =
            total > 0
            ? -churn.reduce(0.0) { sum, file in
                let share = Double(file.added + file.deleted) / total
                return share > 0 ? sum + share * log2(share) : sum
            } : 0
        touchesTests = churn.contains { isTestPath($0.path) }
    }

    /// The history part, from what is known of each touched file before the change (nil: new to
    /// history) and when the change is made.
    mutating func recall(_ counts: [PathRiskCounts?], at time: Int64) {
        let known = counts.compactMap { $0 }
        fileCommits = known.map(\.commits).max() ?? 0
        fileFixes = known.map(\.fixes).max() ?? 0
        recentFixes = known.map(\.recentFixes).max() ?? 0
        fileAuthors = known.map(\.authors).max() ?? 0
        let days = counts.map { count in count?.lastChange.map { Double(max(0, time - $0)) / 86_400 } ?? 0 }
        daysSinceChange = days.isEmpty ? 0 : days.reduce(0, +) / Double(days.count)
    }
}

/// What the change-risk model knows of one file before a change.
public struct PathRiskCounts: Hashable, Sendable {
    /// Commits that changed it.
    public var commits = 0
    /// Fix commits among them.
    public var fixes = 0
    /// Fix commits among them in the year before (the change, or the tip).
    public var recentFixes = 0
    /// Distinct authors of those commits.
    public var authors = 0
    /// When it last changed (committer time).
    public var lastChange: Int64?
    /// Who changed it most (after `.mailmap`), the person to ask about it.
    public var topAuthor: String?

    /// Counts from their parts.
    public init(
        commits: Int = 0, fixes: Int = 0, recentFixes: Int = 0, authors: Int = 0, lastChange: Int64? = nil,
        topAuthor: String? = nil
    ) {
        self.commits = commits
        self.fixes = fixes
        self.recentFixes = recentFixes
        self.authors = authors
        self.lastChange = lastChange
        self.topAuthor = topAuthor
    }
}
