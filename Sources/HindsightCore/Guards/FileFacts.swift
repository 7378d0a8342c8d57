/// What the live guard rules need to know about one file: small enough to cache per file, so a
/// pre-commit check reads a few rows instead of analysing the whole history.
public struct FileFacts: Hashable, Sendable {
    /// The file's current path.
    public var path: RepoPath
    /// Its class and the rule that placed it there.
    public var classification: Classification
    /// Commits that changed it.
    public var commits: Int
    /// The latest commit that changed it.
    public var lastCommit: CommitRef?
    /// Files that change with it, strongest first.
    public var coupling: [CouplingPartner]
    /// For each partner, the latest (at most three) commits that changed both, newest first.
    public var sharedCommits: [RepoPath: [CommitRef]]
    /// Test files that changed in at least two of its commits, most shared commits first (at most three).
    public var testPartners: [TestPartner] = []
    /// Line regions (today's numbers) that two or more fix commits changed.
    public var fixRegions: [FixedRegion] = []
    /// What the change-risk model knows of it (``RiskHistory``); nil when it was not computed.
    public var risk: PathRiskCounts?

    /// Facts from their parts.
    public init(
        path: RepoPath, classification: Classification, commits: Int, lastCommit: CommitRef?,
        coupling: [CouplingPartner], sharedCommits: [RepoPath: [CommitRef]]
    ) {
        self.path = path
        self.classification = classification
        self.commits = commits
        self.lastCommit = lastCommit
        self.coupling = coupling
        self.sharedCommits = sharedCommits
    }
}

/// A test file that usually changes with another file.
public struct TestPartner: Hashable, Sendable {
    /// The test file's path.
    public var path: RepoPath
    /// Commits that changed both.
    public var shared: Int

    /// A partner from its parts.
    public init(path: RepoPath, shared: Int) {
        self.path = path
        self.shared = shared
    }
}

/// A region of a file that several fixes changed, with the latest of them.
public struct FixedRegion: Hashable, Sendable {
    /// First and last line, in the file at the tip.
    public var lines: ClosedRange<Int>
    /// How many fix commits changed it.
    public var fixCount: Int
    /// The latest (at most three) of those fixes, newest first.
    public var latestFixes: [CommitRef]

    /// A region from its parts.
    public init(lines: ClosedRange<Int>, fixCount: Int, latestFixes: [CommitRef]) {
        self.lines = lines
        self.fixCount = fixCount
        self.latestFixes = latestFixes
    }
}

/// Whether `path` looks like a test: a `test`, `tests`, `t` (git's, Perl's), `spec` or `__tests__` folder, or a name like
/// `FooTests.swift`, `foo_test.go`, `test_foo.py`, `foo.test.ts`, `foo.spec.js`.
public func isTestPath(_ path: RepoPath) -> Bool {
    let components = path.string.split(separator: "/")
    guard let name = components.last else { return false }
    let folders = ["test", "tests", "t", "spec", "specs", "__tests__", "testing"]
    if components.dropLast().contains(where: { folders.contains($0.lowercased()) }) { return true }
    let stem = name.split(separator: ".").first.map(String.init) ?? String(name)
    let lower = stem.lowercased()
    // A word boundary before "test": FooTests, foo_test, foo-test, test_foo; not latest or contest.
    return stem.hasSuffix("Test") || stem.hasSuffix("Tests") || lower == "test" || lower == "tests"
        || ["_test", "-test", "_tests", "-tests", "_spec", "-spec"].contains { lower.hasSuffix($0) }
        || lower.hasPrefix("test_") || name.lowercased().contains(".test.") || name.lowercased().contains(".spec.")
}

/// Facts for every alive covered file of `input`; `risk` is its ``RiskHistory`` when computed already.
public func fileFacts(in input: AnalysisInput, risk: RiskHistory? = nil) -> [RepoPath: FileFacts] {
    fileFacts(in: input, analyzed: analyzeFiles(in: input), recurring: recurringFixes(in: input), risk: risk)
}

/// Facts for every alive covered file of `input`, from its files, recurring fixes and (when given)
/// risk history analysed already; without `measuresRisk` (the agent context has no use for them)
/// the files' risk counts are left out and the history's risk pass is not run.
public func fileFacts(
    in input: AnalysisInput, analyzed all: [AnalyzedFile], recurring: [RecurringFixFile], risk: RiskHistory? = nil,
    measuresRisk: Bool = true
) -> [RepoPath: FileFacts] {
    let risk = risk ?? (measuresRisk ? RiskHistory(input: input) : nil)
    let analyzed = all.filter { !$0.report.isDeleted }
    let regions = Dictionary(recurring.map { ($0.path, $0.regions) }, uniquingKeysWith: { first, _ in first })
    let isTest = input.files.map { !$0.isDeleted && isTestPath($0.path) }
    let indexOfPath = Dictionary(
        input.files.enumerated().filter { !$0.element.isDeleted }.map { ($0.element.path, $0.offset) },
        uniquingKeysWith: { first, _ in first })
    var commitsByPath: [RepoPath: Set<Int>] = [:]
    for file in analyzed { commitsByPath[file.report.path] = Set(file.commits) }
    // Only partners that still exist: a guard that says "also review" a deleted file helps nobody.
    var facts: [RepoPath: FileFacts] = [:]
    for file in analyzed {
        var shared: [RepoPath: [CommitRef]] = [:]
        let coupling = file.report.coupling.filter { commitsByPath[$0.path] != nil }
        for partner in coupling {
            guard let theirs = commitsByPath[partner.path] else { continue }
            shared[partner.path] = file.commits.filter(theirs.contains).suffix(3).reversed().map(input.reference)
        }
        var fact = FileFacts(
            path: file.report.path, classification: file.report.classification, commits: file.report.commits,
            lastCommit: file.commits.last.map(input.reference), coupling: coupling, sharedCommits: shared)
        fact.testPartners = testPartners(of: file, self: indexOfPath[file.report.path], isTest: isTest, in: input)
        fact.risk = risk?.paths[file.report.path]
        fact.fixRegions = (regions[file.report.path] ?? []).map {
            FixedRegion(
                lines: $0.startLine...$0.endLine, fixCount: $0.fixes.count,
                latestFixes: Array($0.fixes.suffix(3).reversed()))
        }
        facts[file.report.path] = fact
    }
    return facts
}

/// Test files that changed in two or more of `file`'s commits (mass edits skipped), most first.
private func testPartners(
    of file: AnalyzedFile, self index: Int?, isTest: [Bool], in input: AnalysisInput
) -> [TestPartner] {
    var shared: [Int32: Int] = [:]
    for commit in file.commits {
        let files = input.files(of: commit)
        guard files.count <= input.settings.coupling.maxFilesPerCommit else { continue }
        for other in files where isTest[Int(other)] && Int(other) != index { shared[other, default: 0] += 1 }
    }
    return shared.filter { $0.value >= 2 }
        .map { TestPartner(path: input.files[Int($0.key)].path, shared: $0.value) }
        .sorted { ($1.shared, $0.path) < ($0.shared, $1.path) }
        .prefix(3).map { $0 }
}
