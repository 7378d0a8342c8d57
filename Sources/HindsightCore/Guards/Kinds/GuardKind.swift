/// A kind of guard and everything true of every guard of that kind: its name in findings,
/// configuration and `Hindsight-Allow:` trailers, its default severity, where its guards come from,
/// what a change must hold for it to fire, its help, and examples that are both its documentation
/// (`hindsight guards kinds`) and its tests. A new kind is one file in this folder plus one line in
/// `GuardKind.all`.
public struct GuardKind: Hashable, Sendable, Identifiable {
    /// Where a kind's guards come from.
    public enum Source: String, Sendable {
        /// Mined from fixes and reverts into `.hindsight/guards.yml`, one entry per guard, reviewed like code.
        case mined
        /// Computed from the index at each check (no entries in the guard file).
        case live
        /// A model `guards mine` learns into the guard file, scored against the index at each check.
        case learned
        /// Lessons people and agents write into `.hindsight/lessons/` or commit trailers.
        case written
    }

    /// What a finding of the kind is about.
    public enum Subject: String, Sendable {
        /// Lines the change adds: the base can already hold them (`--new-only` compares fingerprints).
        case addedLines = "added lines"
        /// The act of changing a file: always new.
        case changedFiles = "changed files"
    }

    /// Which changes can trip a mined guard, so a staged check reads only those guards from the
    /// index's cache of the guard file.
    public enum CacheKey: String, Sendable {
        /// Changes touching one of the guard's scope paths.
        case scopePaths = "scope paths"
        /// Changes whose added lines call the guard's match.
        case call
        /// Changes adding one of the lines of the guard's match (one a line).
        case matchLines = "match lines"
        /// Any change.
        case anyChange = "any change"
    }

    /// The name findings, configuration (`check.severity.<id>`) and trailers use.
    public let id: String
    /// Where its guards come from.
    public let source: Source
    /// What its findings are about.
    public let subject: Subject
    /// Which changes can trip one of its guards.
    public let cacheKey: CacheKey
    /// Its severity unless configuration or the backtest record says otherwise.
    public let defaultSeverity: Severity
    /// What it guards against, in one line.
    public let summary: String
    /// Why it exists and how to satisfy it.
    public let help: String
    /// How its guards are mined or computed, in one line.
    public let origin: String
    /// Changes it must flag (with the exact message) and near misses it must let through.
    public let examples: [GuardExample]

    /// The key of `check.severity` in `.hindsight.yml` that sets its severity.
    public var configKey: String { "check.severity.\(id)" }

    /// Its descriptor for findings formats that list rules (SARIF, JUnit).
    public var descriptor: RuleDescriptor {
        RuleDescriptor(id: id, kind: id, summary: summary, help: help, severity: defaultSeverity)
    }

    /// Kinds are the same when their ids are.
    public static func == (lhs: GuardKind, rhs: GuardKind) -> Bool { lhs.id == rhs.id }

    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}

// MARK: - Registry

extension GuardKind {
    /// Every kind, in the order tables list them.
    public static let all: [GuardKind] = [
        .reintroducedFix, .revertedChange, .coChange, .stableFile, .fixNeedsTest, .recurringPattern, .riskyChange,
        .lesson,
    ]

    /// The kind called `id`, if there is one.
    public static func named(_ id: String) -> GuardKind? {
        all.first { $0.id == id }
    }

    /// The ids of the kinds whose findings are about added lines.
    public static let contentKindIDs: Set<String> = Set(all.filter { $0.subject == .addedLines }.map(\.id))
}

/// A change a guard kind must flag, with the exact message, or a near miss it must let through,
/// given what history taught (mined guards, or the facts the live rules read).
public struct GuardExample: Sendable {
    /// What the example shows, in a few words.
    public var title: String
    /// The guards of the guard file, for mined kinds.
    public var guards: [Guard]
    /// What history knows of the files, for live kinds.
    public var facts: [FileFacts]
    /// The change checked.
    public var change: ChangeSet
    /// The message the kind's finding must carry; nil when it must not fire.
    public var message: String?
    /// The change-risk model and what it knows of the change, for `risky-change`.
    public var risk: RiskContext?
    /// The lessons in force, for `lesson`.
    public var lessons: [LessonEntry]

    /// An example from its parts.
    public init(
        _ title: String, guards: [Guard] = [], facts: [FileFacts] = [], change: ChangeSet, message: String?,
        risk: RiskContext? = nil, lessons: [LessonEntry] = []
    ) {
        self.title = title
        self.guards = guards
        self.facts = facts
        self.change = change
        self.message = message
        self.risk = risk
        self.lessons = lessons
    }

    /// Whether the kind must fire on it.
    public var fires: Bool { message != nil }

    /// The findings of `kind` that checking the example gives.
    public func findings(of kind: GuardKind) -> [Finding] {
        let context = GuardContext(
            files: Dictionary(facts.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first }), tip: nil,
            risk: risk)
        let rules = liveRules + [GuardSetRule(guards: guards), LessonRule(lessons: lessons)]
        return check(change, rules: rules, context: context).findings
            .filter { $0.kind == kind.id }
    }
}

extension GuardExample {
    /// A commit for examples: fixed id, date and author.
    static func commit(_ digit: Character, _ subject: String, day: Int64 = 0) -> CommitRef {
        CommitRef(
            id: CommitID(trustedHex: String(repeating: String(digit), count: 40)), time: 1_600_000_000 + day * 86_400,
            subject: subject, author: "Ada Lovelace")
    }

    /// A change modifying `path` with these added lines (numbered from `line`) and removed lines.
    static func modifying(
        _ path: String, adding added: [String] = [], at line: Int = 1, removing removed: [String] = []
    ) -> ChangeSet {
        let file = ChangedFile(
            status: .modified, path: RepoPath(path),
            added: added.enumerated().map { DiffLine(number: line + $0.offset, text: $0.element) },
            removed: removed.enumerated().map { DiffLine(number: line + $0.offset, text: $0.element) })
        return ChangeSet(description: "example", files: [file])
    }

    /// A change modifying each of `paths` by one line.
    static func modifying(paths: [String]) -> ChangeSet {
        ChangeSet(
            description: "example",
            files: paths.map { path in
                ChangedFile(status: .modified, path: RepoPath(path), added: [DiffLine(number: 1, text: "x = 1")])
            })
    }
}
