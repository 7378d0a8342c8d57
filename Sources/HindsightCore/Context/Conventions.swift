/// Conventions history shows: Conventional Commits subjects (when most of the latest commits use
/// them), where tests for each source folder live, and generated files that exist today.
func conventions(in input: AnalysisInput, facts: [RepoPath: FileFacts], alive: [RepoPath]) -> [Convention] {
    var found: [Convention] = []
    if let subjects = conventionalCommits(in: input) { found.append(subjects) }
    found += testLocations(facts)
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

/// For each source area, the test area most of its test partners live in (two pairs or more).
func testLocations(_ facts: [RepoPath: FileFacts]) -> [Convention] {
    var pairs: [RepoPath: [RepoPath: Int]] = [:]
    for fact in facts.values where !isTestPath(fact.path) {
        for test in fact.testPartners {
            pairs[areaDirectory(of: fact.path), default: [:]][areaDirectory(of: test.path), default: 0] += 1
        }
    }
    let found = pairs.compactMap { source, tests -> Convention? in
        guard let best = tests.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }), best.value >= 2, best.key != source
        else { return nil }
        return .testLocation(source: source, tests: best.key, pairs: best.value)
    }
    return found.sorted { lhs, rhs in
        guard case .testLocation(let left, _, let leftPairs) = lhs,
            case .testLocation(let right, _, let rightPairs) = rhs
        else { return false }
        return (rightPairs, left) < (leftPairs, right)
    }.prefix(5).map { $0 }
}

/// A command that runs `tests`, when the repository's build system is recognised from files at its
/// root (Package.swift, go.mod, Cargo.toml, package.json, Gemfile) or the tests' names (pytest).
public func testCommand(for tests: [RepoPath], alive: Set<RepoPath>) -> String? {
    guard !tests.isEmpty else { return nil }
    let names = tests.map { $0.string }
    if alive.contains(RepoPath("Package.swift")), names.allSatisfy({ $0.hasSuffix(".swift") }) {
        let filters = tests.map { stem(of: $0) }
        return "swift test --filter " + shellQuoted(filters.joined(separator: "|"))
    }
    if alive.contains(RepoPath("go.mod")), names.allSatisfy({ $0.hasSuffix("_test.go") }) {
        let packages = Set(
            tests.map { path in
                let directory = path.string.split(separator: "/").dropLast().joined(separator: "/")
                return directory.isEmpty ? "." : "./" + directory + "/"
            })
        return "go test " + packages.sorted().map(shellQuoted).joined(separator: " ")
    }
    if alive.contains(RepoPath("Cargo.toml")), names.allSatisfy({ $0.hasPrefix("tests/") && $0.hasSuffix(".rs") }) {
        return "cargo test " + tests.map { "--test " + shellQuoted(stem(of: $0)) }.joined(separator: " ")
    }
    if names.allSatisfy({ $0.hasSuffix(".py") }) { return "pytest " + names.map(shellQuoted).joined(separator: " ") }
    if alive.contains(RepoPath("Gemfile")), names.allSatisfy({ $0.hasSuffix("_spec.rb") }) {
        return "bundle exec rspec " + names.map(shellQuoted).joined(separator: " ")
    }
    if alive.contains(RepoPath("package.json")) {
        return "npm test -- " + names.map(shellQuoted).joined(separator: " ")
    }
    return nil
}

/// A file name without its folder and its extensions: `Tests/A/FooTests.swift` gives `FooTests`.
private func stem(of path: RepoPath) -> String {
    let name = path.string.split(separator: "/").last.map(String.init) ?? path.string
    return name.split(separator: ".").first.map(String.init) ?? name
}

/// `text` as one POSIX shell word: left bare when it holds only safe characters, else single-quoted.
public func shellQuoted(_ text: String) -> String {
    let safe = text.unicodeScalars.allSatisfy { scalar in
        scalar.isASCII
            && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                || "_./-+=:@,".unicodeScalars.contains(scalar))
    }
    if safe, !text.isEmpty { return text }
    return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
