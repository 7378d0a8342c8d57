/// Conventions history shows: the house subject style (when at least 80% of the latest commits
/// follow it), where tests for each source folder live, and generated files that exist today.
func conventions(
    in input: AnalysisInput, facts: [RepoPath: FileFacts], alive: [RepoPath], tree: TipTree
) -> [Convention] {
    var found: [Convention] = []
    if let subjects = subjectStyle(in: input) { found.append(subjects) }
    found += testLocations(facts, tree: tree)
    let generated = alive.filter { path in generatedFilePatterns.contains { $0.matches(path) } }.sorted()
    if !generated.isEmpty { found.append(.generatedFiles(Array(generated.prefix(10)))) }
    return found
}

/// Names of files a tool writes (a subset of the default ignores: no vendored folders).
let generatedFilePatterns: [GlobPattern] = [
    "*.lock", "package-lock.json", "npm-shrinkwrap.json", "pnpm-lock.yaml", "go.sum", "Package.resolved",
    "*.min.js", "*.min.css", "*.pb.go", "*_pb2.py", "*.pb.swift", "*.generated.*",
].map { GlobPattern($0) }

/// The house style of the latest `sample` non-merge subjects, when at least `threshold` of ten or
/// more follow one: Conventional Commits (a standard type), else `area: summary` (any area word).
func subjectStyle(in input: AnalysisInput, sample: Int = 200, threshold: Double = 0.8) -> Convention? {
    let latest = Array(input.snapshot.commits.lazy.filter { !$0.isMerge }.suffix(sample))
    guard latest.count >= 10 else { return nil }
    func counted(_ prefix: (String) -> String?) -> (share: Double, top: [Convention.TypeCount]) {
        var counts: [String: Int] = [:]
        for commit in latest {
            if let found = prefix(commit.subject) { counts[found, default: 0] += 1 }
        }
        let top = counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(5)
        return (
            Double(counts.values.reduce(0, +)) / Double(latest.count), top.map { .init(type: $0.key, count: $0.value) }
        )
    }
    let conventional = counted { subject in
        conventionalType(subject).flatMap { conventionalTypes.contains($0) ? $0 : nil }
    }
    if conventional.share >= threshold {
        return .conventionalCommits(share: conventional.share, sample: latest.count, types: conventional.top)
    }
    let areas = counted(subjectArea)
    return areas.share >= threshold ? .areaSubjects(share: areas.share, sample: latest.count, types: areas.top) : nil
}

/// The types the Conventional Commits convention and its common tooling (commitlint) know.
let conventionalTypes: Set<String> = [
    "feat", "fix", "docs", "style", "refactor", "perf", "test", "build", "ci", "chore", "revert",
]

/// The area a subject names first, lowercased and without its scope: `builtin/log: …` gives
/// `builtin/log`, `diff, log: …` gives `diff`, `Fix a bug: …` nil (a space is no area).
func subjectArea(_ subject: String) -> String? {
    let bytes = Array(subject.utf8)
    func isAreaByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            || "_.-/{}*+".utf8.contains(byte)
    }
    var index = 0
    var firstEnd: Int?
    while true {
        let start = index
        while index < bytes.count, isAreaByte(bytes[index]) { index += 1 }
        guard index > start, index - start <= 40 else { return nil }
        if firstEnd == nil { firstEnd = index }
        guard index < bytes.count, bytes[index] == UInt8(ascii: ",") else { break }
        index += 1
        if index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "(") {
        guard let close = bytes[index...].firstIndex(of: UInt8(ascii: ")")) else { return nil }
        index = close + 1
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "!") { index += 1 }
    guard index + 2 < bytes.count, bytes[index] == UInt8(ascii: ":"), bytes[index + 1] == UInt8(ascii: " "),
        bytes[index + 2] != UInt8(ascii: " "), let firstEnd
    else { return nil }
    return String(decoding: bytes[..<firstEnd], as: UTF8.self).lowercased()
}

/// The type of a Conventional Commits subject (`feat(cli)!: …` gives `feat`), or nil.
func conventionalType(_ subject: String) -> String? {
    let bytes = Array(subject.utf8)
    var index = 0
    while index < bytes.count, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[index]) { index += 1 }
    guard index >= 2, index <= 12 else { return nil }
    let type = String(decoding: bytes[..<index], as: UTF8.self)
    if index < bytes.count, bytes[index] == UInt8(ascii: "(") {
        guard let close = bytes[index...].firstIndex(of: UInt8(ascii: ")")) else { return nil }
        index = close + 1
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "!") { index += 1 }
    guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: ":"), bytes[index + 1] == UInt8(ascii: " ") else {
        return nil
    }
    return type
}

/// For each source area, the test area most of its test partners live in (two pairs or more), with
/// the command that runs the three tests there that change with the area most.
func testLocations(_ facts: [RepoPath: FileFacts], tree: TipTree) -> [Convention] {
    var pairs: [RepoPath: [RepoPath: Int]] = [:]
    var shared: [RepoPath: [RepoPath: Int]] = [:]
    for fact in facts.values where !isTestPath(fact.path) {
        let source = areaDirectory(of: fact.path)
        for test in fact.testPartners {
            pairs[source, default: [:]][areaDirectory(of: test.path), default: 0] += 1
            shared[source, default: [:]][test.path, default: 0] += test.shared
        }
    }
    let found = pairs.compactMap { source, tests -> (convention: Convention, pairs: Int, source: RepoPath)? in
        guard let best = tests.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }), best.value >= 2, best.key != source
        else { return nil }
        let top = (shared[source] ?? [:]).filter { areaDirectory(of: $0.key) == best.key }
            .sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(3).map(\.key)
        let command = testCommand(for: top, in: tree)
        return (.testLocation(source: source, tests: best.key, pairs: best.value, command: command), best.value, source)
    }
    return found.sorted { ($1.pairs, $0.source) < ($0.pairs, $1.source) }.map(\.convention)
}
