/// A file that two or more fix commits changed, and the line regions several of them shared.
public struct RecurringFixFile: Hashable, Sendable {
    /// The file's current path (or last path, when deleted).
    public var path: RepoPath
    /// Every fix commit that changed the file, oldest first.
    public var fixes: [CommitRef]
    /// Regions two or more of those fixes changed, heaviest first.
    public var regions: [FixRegion]
    /// The fixes weighed by age: one for each fix inside the recent-fix window, less for older ones.
    public var weight: Double

    /// A record from its parts; `weight` defaults to one per fix.
    public init(path: RepoPath, fixes: [CommitRef], regions: [FixRegion], weight: Double? = nil) {
        self.path = path
        self.fixes = fixes
        self.regions = regions
        self.weight = weight ?? Double(fixes.count)
    }
}

/// A line range, in the file as it is now, that two or more fix commits changed.
public struct FixRegion: Hashable, Sendable {
    /// First line (1-based) of the region in the current file.
    public var startLine: Int
    /// Last line (inclusive); equal to `startLine` for a one-line region.
    public var endLine: Int
    /// The fix commits that changed it, oldest first.
    public var fixes: [CommitRef]
    /// Pairs of consecutive fixes to the region within the fix-on-fix window.
    public var fixOnFix: [FixOnFix]
    /// How many of `fixes` fall inside the recent-fix window.
    public var recentFixes: Int
    /// The fixes weighed by age: one for each recent fix, less for older ones.
    public var weight: Double

    /// A region from its parts; by default every fix is recent and weighs one.
    public init(
        startLine: Int, endLine: Int, fixes: [CommitRef], fixOnFix: [FixOnFix], recentFixes: Int? = nil,
        weight: Double? = nil
    ) {
        self.startLine = startLine
        self.endLine = endLine
        self.fixes = fixes
        self.fixOnFix = fixOnFix
        self.recentFixes = recentFixes ?? fixes.count
        self.weight = weight ?? Double(fixes.count)
    }
}

/// A fix that needed another fix to the same region soon after.
public struct FixOnFix: Hashable, Sendable {
    /// The earlier fix.
    public var first: CommitRef
    /// The later fix.
    public var second: CommitRef
    /// Days between them.
    public var days: Double

    /// A pair from its parts.
    public init(first: CommitRef, second: CommitRef, days: Double) {
        self.first = first
        self.second = second
        self.days = days
    }
}

/// A commit that reverted another, and what it touched.
public struct RevertRecord: Hashable, Sendable {
    /// The revert commit.
    public var revert: CommitRef
    /// The id named in `This reverts commit <id>.`
    public var revertedID: CommitID
    /// The reverted commit, when it is in the analysed history.
    public var reverted: CommitRef?
    /// Whether the reverted commit was itself a revert, so this re-lands the original change.
    public var isReland: Bool
    /// Current paths (or last paths) of the files the revert changed.
    public var files: [RepoPath]

    /// A record from its parts.
    public init(revert: CommitRef, revertedID: CommitID, reverted: CommitRef?, isReland: Bool, files: [RepoPath]) {
        self.revert = revert
        self.revertedID = revertedID
        self.reverted = reverted
        self.isReland = isReland
        self.files = files
    }
}
