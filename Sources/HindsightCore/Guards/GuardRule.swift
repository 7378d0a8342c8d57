/// One kind of guard, checking a change against what history taught.
public protocol GuardRule: Sendable {
    /// The kind's name, as findings, configuration and `Hindsight-Allow:` trailers spell it.
    var kind: String { get }
    /// What it guards against, for findings formats and `guards explain`.
    var descriptor: RuleDescriptor { get }
    /// The findings in `change`.
    func findings(in change: ChangeSet, context: GuardContext) -> [Finding]
    /// Every rule id its findings can carry, for formats that list rules (SARIF, JUnit).
    var descriptors: [RuleDescriptor] { get }
}

extension GuardRule {
    public var descriptors: [RuleDescriptor] { [descriptor] }
}

/// What history says about the files a change may touch, by current path.
public struct GuardContext: Sendable {
    /// Facts per current path (alive files only).
    public let files: [RepoPath: FileFacts]
    /// The commit the facts were computed at.
    public let tip: CommitID?
    /// Severity per kind, after configuration.
    public let severities: [String: Severity]
    /// What the `risky-change` rule knows of the change itself; nil when there is no model.
    public var risk: RiskContext?

    /// A context from facts already computed (for instance read back from the index's cache).
    public init(
        files: [RepoPath: FileFacts], tip: CommitID?, severities: [String: Severity] = [:], risk: RiskContext? = nil
    ) {
        self.files = files
        self.tip = tip
        self.severities = severities
        self.risk = risk
    }

    /// The context for `input`, analysing every file once.
    public init(input: AnalysisInput, severities: [String: Severity] = [:]) {
        self.init(files: fileFacts(in: input), tip: input.snapshot.tip, severities: severities)
    }

    /// What history knows of a changed file (its old path for a rename).
    public func history(of file: ChangedFile) -> FileFacts? {
        files[file.oldPath ?? file.path] ?? files[file.path]
    }

    /// The configured severity of `kind`, else `fallback`.
    public func severity(of kind: String, default fallback: Severity) -> Severity {
        severities[kind] ?? fallback
    }
}

/// What the `risky-change` rule needs beyond the files' facts: the repository's model, how many
/// commits the change's author made before, whether it says it fixes something, and when it is made.
public struct RiskContext: Sendable {
    /// The model `guards mine` learned.
    public var model: RiskModel
    /// The author's earlier commits (0 for someone new, or when the author is unknown).
    public var authorCommits: Int
    /// Whether the change's messages say it is a fix (false for staged changes, which have none yet).
    public var isFix: Bool
    /// Whether a coding agent made it (its author or a `Co-authored-by:` trailer).
    public var isAgent: Bool
    /// When the change is made (seconds since the epoch): ages count to it.
    public var now: Int64

    /// A context from its parts.
    public init(model: RiskModel, authorCommits: Int, isFix: Bool, isAgent: Bool = false, now: Int64) {
        self.model = model
        self.authorCommits = authorCommits
        self.isFix = isFix
        self.isAgent = isAgent
        self.now = now
    }
}
