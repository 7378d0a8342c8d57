/// One kind of guard, checking a change against what history taught.
public protocol GuardRule: Sendable {
    /// The kind's name, as findings, configuration and `Hindsight-Allow:` trailers spell it.
    var kind: String { get }
    /// What it guards against, for findings formats and `guards explain`.
    var descriptor: RuleDescriptor { get }
    /// The findings in `change`.
    func findings(in change: ChangeSet, context: GuardContext) -> [Finding]
}

/// What history says about the files a change touches: the analysed files of the index, by path.
public struct GuardContext: Sendable {
    /// The analysis input (settings, snapshot, commit classes).
    public let input: AnalysisInput
    /// Analysed files by their current path (alive files only).
    public let files: [RepoPath: AnalyzedFile]
    /// Severity per kind, after configuration.
    public let severities: [String: Severity]

    /// The context for `input`, analysing every file once.
    public init(input: AnalysisInput, severities: [String: Severity] = [:]) {
        self.input = input
        var files: [RepoPath: AnalyzedFile] = [:]
        for file in analyzeFiles(in: input) where !file.report.isDeleted { files[file.report.path] = file }
        self.files = files
        self.severities = severities
    }

    /// The analysed file a changed file was before the change (its old path for a rename).
    public func history(of file: ChangedFile) -> AnalyzedFile? {
        files[file.oldPath ?? file.path] ?? files[file.path]
    }

    /// The configured severity of `kind`, else `fallback`.
    public func severity(of kind: String, default fallback: Severity) -> Severity {
        severities[kind] ?? fallback
    }
}
