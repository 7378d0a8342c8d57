/// How a lesson stands today: in force, possibly outdated by later work, or out of the context.
public enum LessonState: Hashable, Sendable {
    /// In force.
    case active
    /// In force, but its paths changed a lot since it was written: it may no longer hold.
    case stale(LessonActivity)
    /// Past its expiry date: out of the context, kept in its file.
    case expired
    /// Retired by someone: out of the context, kept in its file with the reason.
    case retired
    /// No file at `HEAD` matches any of its paths.
    case gone

    /// The name `lesson list --status` uses.
    public var name: String {
        switch self {
        case .active: "active"
        case .stale: "stale"
        case .expired: "expired"
        case .retired: "retired"
        case .gone: "gone"
        }
    }

    /// The names there are.
    public static let names = ["active", "stale", "expired", "retired", "gone"]

    /// The doubt an agent should read beside the lesson: "may be stale — 25 commits in its paths
    /// since", or that its paths are gone; nil when it holds as written.
    public var doubt: String? {
        switch self {
        case .stale(let activity): "may be stale — \(TextShaping.count(activity.commits, "commit")) in its paths since"
        case .gone: "its paths are gone from the tree"
        default: nil
        }
    }

    /// Whether the lesson belongs in what agents read (the context, `check`'s notices, the MCP answers).
    public var isInForce: Bool {
        switch self {
        case .active, .stale, .gone: true
        case .expired, .retired: false
        }
    }
}

/// How much a lesson's paths changed after it was written: commits (not merges) that touched them
/// and lines they added and deleted there.
public struct LessonActivity: Hashable, Sendable {
    /// Commits since the lesson that touched its paths.
    public var commits: Int
    /// Lines added and deleted in its paths by those commits.
    public var lines: Int

    /// Activity from its parts.
    public init(commits: Int = 0, lines: Int = 0) {
        self.commits = commits
        self.lines = lines
    }
}

/// When a lesson counts as "may be stale": its paths saw at least `commits` commits, or `lines`
/// changed lines, since it was written (0 turns a test off).
public struct StalenessRule: Hashable, Sendable {
    /// Commits since that make it stale (0: never by commits).
    public var commits: Int
    /// Changed lines since that make it stale (0: never by lines).
    public var lines: Int

    /// A rule from its parts; by default 20 commits or 1,000 changed lines.
    public init(commits: Int = 20, lines: Int = 1_000) {
        self.commits = commits
        self.lines = lines
    }

    /// Whether `activity` is enough change to doubt a lesson.
    public func isStale(_ activity: LessonActivity) -> Bool {
        (commits > 0 && activity.commits >= commits) || (lines > 0 && activity.lines >= lines)
    }
}

/// What changed in each lesson's paths since it was written, by lesson id: the commits of `snapshot`
/// that are not ancestors of the lesson's `HEAD` (by `graph`) when the snapshot holds that commit,
/// else the commits that landed after it was created.
public func lessonActivity(
    _ lessons: [Lesson], in snapshot: HistorySnapshot, graph: CommitGraph?
)
    -> [String: LessonActivity]
{
    var position: [CommitID: Int] = [:]
    for (index, commit) in snapshot.commits.enumerated() { position[commit.id] = index }
    var ancestries: [Int: [Bool]] = [:]
    var result: [String: LessonActivity] = [:]
    for lesson in lessons {
        let head = lesson.head.flatMap { position[$0] }
        let before: (Int) -> Bool
        if let head, let graph {
            if ancestries[head] == nil { ancestries[head] = graph.ancestry(of: head) }
            let ancestry = ancestries[head] ?? []
            before = { ancestry[$0] }
        } else if let head {
            before = { $0 <= head }
        } else {
            before = { snapshot.commits[$0].commitTime <= lesson.created }
        }
        let patterns = lesson.patterns
        var matches: [Int: Bool] = [:]
        var activity = LessonActivity()
        for index in snapshot.commits.indices where !snapshot.commits[index].isMerge && !before(index) {
            var touched = false
            for change in snapshot.changes[snapshot.commits[index].changes] {
                let hit =
                    matches[change.path]
                    ?? {
                        let value = patterns.contains { $0.matches(snapshot.paths[change.path]) }
                        matches[change.path] = value
                        return value
                    }()
                guard hit else { continue }
                touched = true
                activity.lines += change.churn
            }
            if touched { activity.commits += 1 }
        }
        result[lesson.id] = activity
    }
    return result
}

/// The state of `lesson` on `day` (seconds since the epoch): retired, expired, gone when none of
/// `files` (the tip's files; nil: unknown) matches its paths, stale when `activity` reaches `rule`, else active.
public func lessonState(
    _ lesson: Lesson, asOf day: Int64, files: Set<RepoPath>?, activity: LessonActivity?, rule: StalenessRule
) -> LessonState {
    if lesson.retirement != nil { return .retired }
    if let expires = lesson.expires, day >= expires { return .expired }
    if let files, !lesson.paths.isEmpty {
        let patterns = lesson.patterns
        if !files.contains(where: { path in patterns.contains { $0.matches(path) } }) { return .gone }
    }
    if let activity, rule.isStale(activity) { return .stale(activity) }
    return .active
}

/// A lesson with how it stands today.
public struct LessonEntry: Hashable, Sendable {
    /// The lesson.
    public var lesson: Lesson
    /// Active, stale, expired, retired or gone.
    public var state: LessonState
    /// What changed in its paths since it was written, when the history is known.
    public var activity: LessonActivity?

    /// An entry from its parts.
    public init(lesson: Lesson, state: LessonState, activity: LessonActivity? = nil) {
        self.lesson = lesson
        self.state = state
        self.activity = activity
    }
}
