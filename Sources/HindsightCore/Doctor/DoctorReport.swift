/// How one `doctor` check came out.
public enum DoctorStatus: String, Sendable, CaseIterable {
    /// As it should be.
    case ok
    /// Works, but less well than it could; never changes the exit status.
    case warning
    /// Something hindsight needs is missing or broken; `doctor` exits 1.
    case problem
}

/// What is wrong and how to put it right, as a gatherer found it.
public struct DoctorIssue: Sendable, Equatable {
    /// What is wrong, naming the file or setting.
    public var problem: String
    /// What to do about it.
    public var fix: String

    /// An issue from its parts.
    public init(problem: String, fix: String) {
        self.problem = problem
        self.fix = fix
    }
}

/// One line of `hindsight doctor`: what was checked, how it stands, and what to do about it.
public struct DoctorCheck: Sendable, Equatable {
    /// What was checked, stable for machines: `libgit2`, `clone`, `index`, `index-options`,
    /// `configuration`, `guards`, `lessons`, `hooks`, `hook-manager`, `ci` (some appear more than once).
    public var id: String
    /// How it came out.
    public var status: DoctorStatus
    /// One sentence saying what was found.
    public var summary: String
    /// What to do; nil when there is nothing to do.
    public var fix: String?

    /// A check from its parts.
    public init(_ id: String, _ status: DoctorStatus, _ summary: String, fix: String? = nil) {
        self.id = id
        self.status = status
        self.summary = summary
        self.fix = fix
    }
}

/// Everything `hindsight doctor` found, check by check in a fixed order.
public struct DoctorReport: Sendable, Equatable {
    /// The facts the checks were judged from.
    public var facts: DoctorFacts
    /// The checks, in the order printed.
    public var checks: [DoctorCheck]

    /// Judges `facts`: a pure function of them.
    public init(facts: DoctorFacts) {
        self.facts = facts
        checks =
            Self.libraryChecks(facts) + Self.cloneChecks(facts) + Self.indexChecks(facts) + Self.fileChecks(facts)
            + Self.hookChecks(facts) + Self.ciChecks(facts)
    }

    /// How many checks came out `status`.
    public func count(_ status: DoctorStatus) -> Int { checks.count { $0.status == status } }

    /// `findings` (1) when any check is a problem, else `ok`: warnings never fail.
    public var exitStatus: ExitStatus { count(.problem) > 0 ? .findings : .ok }
}
