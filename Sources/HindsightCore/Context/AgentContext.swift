/// What the next coding agent should know before touching the repository, mined from history: only
/// facts it cannot cheaply read off the current tree, each list ranked most critical first.
public struct AgentContext: Hashable, Sendable {
    /// The commit the facts describe (stamped into the files instead of a date).
    public var head: CommitID?
    /// The date ages count from (the head's committer time), seconds since the epoch; nil when unknown.
    public var asOf: Int64?
    /// Reverted attempts that still stand at the head, within the horizon, newest first.
    public var doNotRetry: [RevertedAttempt]
    /// The reverted attempts left out of `doNotRetry`, by reason.
    public var doNotRetryLeftOut = AttemptsLeftOut()
    /// Files where fixes keep landing, highest bug score first.
    public var fixProne: [FixProneFile]
    /// Files with the partners that change with them, strongest first; each pair appears once.
    public var coChanges: [CoChangeList]
    /// Settled paths: whole directories where every file is stable, then single stable files.
    public var stableAreas: [StableArea]
    /// Directories with changes in the recent window, busiest first.
    public var activeAreas: [ActiveArea]
    /// Conventions history shows but no linter enforces.
    public var conventions: [Convention]
    /// Accepted guards from `.hindsight/guards.yml`.
    public var guards: [Guard]
    /// Lessons people and agents wrote back, in force, the most relevant first (see `rankedLessons`).
    public var lessons: [LessonEntry]

    /// A context from its parts.
    public init(
        head: CommitID?, asOf: Int64? = nil, doNotRetry: [RevertedAttempt] = [], fixProne: [FixProneFile] = [],
        coChanges: [CoChangeList] = [],
        stableAreas: [StableArea] = [], activeAreas: [ActiveArea] = [], conventions: [Convention] = [],
        guards: [Guard] = [], lessons: [LessonEntry] = []
    ) {
        self.head = head
        self.asOf = asOf
        self.doNotRetry = doNotRetry
        self.fixProne = fixProne
        self.coChanges = coChanges
        self.stableAreas = stableAreas
        self.activeAreas = activeAreas
        self.conventions = conventions
        self.guards = guards
        self.lessons = lessons
    }
}

/// A change that was tried and reverted (and not re-landed), with the revert's stated reason.
public struct RevertedAttempt: Hashable, Sendable {
    /// The reverted commit, when it is in the history; else only its id is known (see `revertedID`).
    public var attempt: CommitRef?
    /// The id the revert names.
    public var revertedID: CommitID
    /// The revert.
    public var revert: CommitRef
    /// Why, from the revert's message body (untrusted text), when it says.
    public var reason: String?
    /// The files it touched that still exist.
    public var files: [RepoPath]
    /// Files it added that the head does not have (the revert removed them, and they stayed out).
    public var addedGone: [RepoPath]

    /// An attempt from its parts.
    public init(
        attempt: CommitRef?, revertedID: CommitID, revert: CommitRef, reason: String?, files: [RepoPath],
        addedGone: [RepoPath] = []
    ) {
        self.attempt = attempt
        self.revertedID = revertedID
        self.revert = revert
        self.reason = reason
        self.files = files
        self.addedGone = addedGone
    }
}

/// How many reverted attempts a context leaves out, and why.
public struct AttemptsLeftOut: Hashable, Sendable {
    /// Superseded: every line the revert put back is gone and every file the attempt added is back.
    public var superseded = 0
    /// Reverted before the horizon.
    public var older = 0
    /// The horizon, in years before the head's date.
    public var horizonYears = 3

    /// None left out.
    public init(superseded: Int = 0, older: Int = 0, horizonYears: Int = 3) {
        self.superseded = superseded
        self.older = older
        self.horizonYears = horizonYears
    }
}

/// A file that fixes keep changing: where, how often, the latest fixes and the tests to run.
public struct FixProneFile: Hashable, Sendable {
    /// The file.
    public var path: RepoPath
    /// Its class (a hotspot, or any class with recurring-fix regions).
    public var fileClass: FileClass
    /// Fix commits that changed it.
    public var fixCount: Int
    /// The Lewis et al. bug score, for ranking.
    public var bugScore: Double
    /// Regions several fixes changed, most fixes first (at most three).
    public var regions: [FixedRegion]
    /// The latest fixes, newest first (at most three).
    public var latestFixes: [CommitRef]
    /// Test files that usually change with it.
    public var tests: [RepoPath]
    /// The command that runs those tests, when the build system is recognised.
    public var testCommand: String?

    /// A file from its parts.
    public init(
        path: RepoPath, fileClass: FileClass, fixCount: Int, bugScore: Double, regions: [FixedRegion],
        latestFixes: [CommitRef], tests: [RepoPath], testCommand: String?
    ) {
        self.path = path
        self.fileClass = fileClass
        self.fixCount = fixCount
        self.bugScore = bugScore
        self.regions = regions
        self.latestFixes = latestFixes
        self.tests = tests
        self.testCommand = testCommand
    }
}

/// "When you change `path`, also check these."
public struct CoChangeList: Hashable, Sendable {
    /// The file.
    public var path: RepoPath
    /// Commits that changed it.
    public var commits: Int
    /// Its partners, strongest first.
    public var partners: [CouplingPartner]

    /// A list from its parts.
    public init(path: RepoPath, commits: Int, partners: [CouplingPartner]) {
        self.path = path
        self.commits = commits
        self.partners = partners
    }
}

/// A settled path: a directory whose every file is stable, or one stable file.
public struct StableArea: Hashable, Sendable {
    /// The directory (without a trailing slash) or file.
    public var path: RepoPath
    /// Whether `path` is a directory.
    public var isDirectory: Bool
    /// Files it holds (1 for a file).
    public var files: Int
    /// Days since any of them last changed.
    public var daysUnchanged: Int
    /// The latest commit that changed any of them.
    public var lastChange: CommitRef?

    /// An area from its parts.
    public init(path: RepoPath, isDirectory: Bool, files: Int, daysUnchanged: Int, lastChange: CommitRef?) {
        self.path = path
        self.isDirectory = isDirectory
        self.files = files
        self.daysUnchanged = daysUnchanged
        self.lastChange = lastChange
    }
}

/// A directory where work is happening now.
public struct ActiveArea: Hashable, Sendable {
    /// The directory ("" for the repository root).
    public var directory: RepoPath
    /// Commits in the window that changed files there.
    public var commits: Int
    /// The window, in days.
    public var days: Int
    /// People with those commits, most first (at most three; untrusted text).
    public var authors: [String]
    /// The latest of those commits.
    public var latest: CommitRef

    /// An area from its parts.
    public init(directory: RepoPath, commits: Int, days: Int, authors: [String], latest: CommitRef) {
        self.directory = directory
        self.commits = commits
        self.days = days
        self.authors = authors
        self.latest = latest
    }
}

/// A convention mined from history that no linter enforces.
public enum Convention: Hashable, Sendable {
    /// Commit subjects follow Conventional Commits in `share` of the latest `sample` commits; the most
    /// used types with their counts, most first.
    case conventionalCommits(share: Double, sample: Int, types: [TypeCount])
    /// Most of the latest commits' subjects name the area they change first (`diff: …`, git's and
    /// libgit2's house style); `types` holds the commonest areas.
    case areaSubjects(share: Double, sample: Int, types: [TypeCount])
    /// Tests for files in `source` live in `tests` (seen in `pairs` source and test files changed
    /// together); `command` runs the ones that change with it most, when a runner is recognised.
    case testLocation(source: RepoPath, tests: RepoPath, pairs: Int, command: String? = nil)
    /// Files generated by a tool (lock files, generated code) that exist today: regenerate, never edit.
    case generatedFiles([RepoPath])

    /// A Conventional Commits type and how many subjects used it.
    public struct TypeCount: Hashable, Sendable {
        /// The type, such as `feat` or `fix`.
        public var type: String
        /// Subjects using it.
        public var count: Int

        /// A count from its parts.
        public init(type: String, count: Int) {
            self.type = type
            self.count = count
        }
    }
}
