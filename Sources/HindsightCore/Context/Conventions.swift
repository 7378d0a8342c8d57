/// Conventions history shows: Conventional Commits subjects (when most of the latest commits use
/// them), where tests for each source folder live, and generated files that exist today.
func conventions(
    in input: AnalysisInput, facts: [RepoPath: FileFacts], alive: [RepoPath], tree: TipTree
) -> [Convention] {
    var found: [Convention] = []
    if let subjects = conventionalCommits(in: input) { found.append(subjects) }
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

/// The share of the latest 200 non-merge commits with a `type(scope)!: ` subject, when at least
/// half of ten or more do.
func conventionalCommits(in input: AnalysisInput, sample: Int = 200) -> Convention? {
    let latest = input.snapshot.commits.lazy.filter { !$0.isMerge }.suffix(sample)
    guard latest.count >= 10 else { return nil }
    var types: [String: Int] = [:]
    for commit in latest {
        if let type = conventionalType(commit.subject) { types[type, default: 0] += 1 }
    }
    let matching = types.values.reduce(0, +)
    let share = Double(matching) / Double(latest.count)
    guard share >= 0.5 else { return nil }
    let counts = types.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(5)
    return .conventionalCommits(
        share: share, sample: latest.count, types: counts.map { .init(type: $0.key, count: $0.value) })
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
