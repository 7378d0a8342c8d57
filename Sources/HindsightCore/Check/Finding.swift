/// How much a finding matters; `check --fail-on` compares against it.
public enum Severity: String, CaseIterable, Sendable, Comparable {
    case notice, warning, error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}

/// One thing `check` found in a change: which guard or rule, where, why, and what to do.
public struct Finding: Hashable, Sendable {
    /// The guard's id (`hs-…`) or, for a live rule, the rule's kind.
    public var ruleID: String
    /// The guard kind (`reintroduced-fix`, `co-change`, …).
    public var kind: String
    /// How much it matters.
    public var severity: Severity
    /// The file it is about.
    public var path: RepoPath
    /// The line in the new file, when it is about one line.
    public var line: Int?
    /// What was found, in one sentence.
    public var message: String
    /// The concrete next step.
    public var action: String
    /// The commits that taught the guard this.
    public var evidence: [CommitRef]
    /// How to silence it if it is wrong here (a trailer, `HINDSIGHT_ALLOW`, `--allow`, `guards mute`),
    /// as ``check(_:rules:context:options:baseline:)`` words it for where it runs.
    public var suppression: String
    /// Identifies the finding across runs (for SARIF's `partialFingerprints` and `--new-only`):
    /// rule, path and the matched content, never a line number.
    public var fingerprint: String

    /// A finding from its parts.
    public init(
        ruleID: String, kind: String, severity: Severity, path: RepoPath, line: Int? = nil, message: String,
        action: String, evidence: [CommitRef] = [], suppression: String = "", fingerprint: String
    ) {
        self.ruleID = ruleID
        self.kind = kind
        self.severity = severity
        self.path = path
        self.line = line
        self.message = message
        self.action = action
        self.evidence = evidence
        self.suppression = suppression
        self.fingerprint = fingerprint
    }
}

/// A guard or rule as findings formats describe it (SARIF `rules`, JUnit test cases).
public struct RuleDescriptor: Hashable, Sendable {
    /// The id findings carry in `ruleID`.
    public var id: String
    /// The guard kind.
    public var kind: String
    /// A one-line summary of what it guards against.
    public var summary: String
    /// Longer help: why it exists and how to satisfy it.
    public var help: String
    /// Its severity.
    public var severity: Severity

    /// A descriptor from its parts.
    public init(id: String, kind: String, summary: String, help: String, severity: Severity) {
        self.id = id
        self.kind = kind
        self.summary = summary
        self.help = help
        self.severity = severity
    }
}

/// Everything one `check` run produced, for the findings formats.
public struct CheckResult: Sendable {
    /// What was checked.
    public var target: String
    /// Findings, most severe first, then by path and line.
    public var findings: [Finding]
    /// Every guard and rule that ran (with or without findings).
    public var rules: [RuleDescriptor]
    /// The commit the index was mined up to.
    public var indexTip: CommitID?
    /// A one-line caveat about the index (missing, behind HEAD), or nil when it is current.
    public var indexNote: String?
    /// Findings suppressed by trailers, `--allow` or mutes, counted.
    public var suppressed: Int
    /// Findings left out by `--new-only` because the base already had them, counted.
    public var preexisting: Int

    /// A result from its parts.
    public init(
        target: String, findings: [Finding], rules: [RuleDescriptor], indexTip: CommitID? = nil,
        indexNote: String? = nil, suppressed: Int = 0, preexisting: Int = 0
    ) {
        self.target = target
        self.findings = findings
        self.rules = rules
        self.indexTip = indexTip
        self.indexNote = indexNote
        self.suppressed = suppressed
        self.preexisting = preexisting
    }
}
