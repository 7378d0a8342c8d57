/// What `hindsight doctor` gathered about one repository, before any judgement: the input of
/// `DoctorReport(facts:)`. Paths are as they should be printed; every string may be untrusted.
public struct DoctorFacts: Sendable, Equatable {
    /// The libgit2 linked in.
    public var libgit2: LibGit2Build
    /// The repository and its clone.
    public var repository: RepositoryFacts
    /// The history index.
    public var index: IndexFacts
    /// The configuration file.
    public var configuration: ConfigFileFacts
    /// `.hindsight/guards.yml`.
    public var guards: ConfigFileFacts
    /// The lesson files that could be read, and one problem per file that could not.
    public var lessons: LessonFacts
    /// The git hooks; nil in a bare repository, which needs none.
    public var hooks: HookFacts?
    /// The hook managers the work tree configures.
    public var managers: [HookManagerFacts]
    /// The CI configuration files the work tree has.
    public var ci: [CIFileFacts]

    /// Facts from their parts.
    public init(
        libgit2: LibGit2Build, repository: RepositoryFacts, index: IndexFacts, configuration: ConfigFileFacts,
        guards: ConfigFileFacts, lessons: LessonFacts = .init(), hooks: HookFacts?, managers: [HookManagerFacts] = [],
        ci: [CIFileFacts] = []
    ) {
        self.libgit2 = libgit2
        self.repository = repository
        self.index = index
        self.configuration = configuration
        self.guards = guards
        self.lessons = lessons
        self.hooks = hooks
        self.managers = managers
        self.ci = ci
    }
}

/// The repository `doctor` opened.
public struct RepositoryFacts: Sendable, Equatable {
    /// Its git directory.
    public var gitDirectory: String
    /// Its work tree; nil when bare.
    public var workTree: String?
    /// The commit `HEAD` names; nil on an unborn branch.
    public var head: CommitID?
    /// libgit2 sees a shallow clone.
    public var isShallow: Bool
    /// Commits at the shallow cut-off.
    public var shallowBoundary: Set<CommitID>
    /// The remotes that make it a partial clone (empty: a full clone).
    public var promisorRemotes: [String]

    /// Facts from their parts.
    public init(
        gitDirectory: String, workTree: String?, head: CommitID?, isShallow: Bool = false,
        shallowBoundary: Set<CommitID> = [], promisorRemotes: [String] = []
    ) {
        self.gitDirectory = gitDirectory
        self.workTree = workTree
        self.head = head
        self.isShallow = isShallow
        self.shallowBoundary = shallowBoundary
        self.promisorRemotes = promisorRemotes
    }
}

/// The history index, as found on disk.
public struct IndexFacts: Sendable, Equatable {
    /// How many commits the index lacks.
    public enum Behind: Sendable, Equatable {
        /// Exactly this many.
        case exactly(Int)
        /// More than this many (the count stopped there).
        case moreThan(Int)
    }

    /// The index file.
    public var path: String
    /// What the file holds; nil when there is none.
    public var inspection: IndexInspection?
    /// Why the file cannot be read (damaged, not an index), with the fix; nil when it can.
    public var unreadable: DoctorIssue?
    /// Commits reachable from `HEAD` the index lacks; nil when not counted (no index, or its schema is not current).
    public var behind: Behind?
    /// The history options the configuration asks for (`HistoryOptions.fingerprint`).
    public var configuredOptions: String

    /// Facts from their parts.
    public init(
        path: String, inspection: IndexInspection? = nil, unreadable: DoctorIssue? = nil, behind: Behind? = nil,
        configuredOptions: String
    ) {
        self.path = path
        self.inspection = inspection
        self.unreadable = unreadable
        self.behind = behind
        self.configuredOptions = configuredOptions
    }
}

/// A file hindsight reads (the configuration, the guards): where it is and whether it can be used.
public struct ConfigFileFacts: Sendable, Equatable {
    /// The file.
    public var path: String
    /// Whether it exists.
    public var exists: Bool
    /// What is wrong with it, naming the file (and line), and the fix; nil when it reads.
    public var issue: DoctorIssue?
    /// For the guards file: how many guards it holds.
    public var entries: Int
    /// For the guards file: how many of `entries` are muted.
    public var muted: Int

    /// Facts from their parts.
    public init(
        path: String, exists: Bool, issue: DoctorIssue? = nil, entries: Int = 0, muted: Int = 0
    ) {
        self.path = path
        self.exists = exists
        self.issue = issue
        self.entries = entries
        self.muted = muted
    }
}

/// The lesson files of `.hindsight/lessons/`.
public struct LessonFacts: Sendable, Equatable {
    /// Lessons that read.
    public var readable: Int
    /// One per file that does not, naming it.
    public var problems: [DoctorIssue]

    /// Facts from their parts.
    public init(readable: Int = 0, problems: [DoctorIssue] = []) {
        self.readable = readable
        self.problems = problems
    }
}
