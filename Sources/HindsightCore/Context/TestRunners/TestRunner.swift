import Foundation

/// A way a repository runs its tests, recognised from the files at its tip.
protocol TestRunner: Sendable {
    /// The command that runs `tests`, scoped to them where the runner can be, or nil when this is
    /// not how the repository runs them.
    func command(for tests: [RepoPath], in tree: TipTree) -> String?
}

/// The tip's tree as the test runners read it: which files exist, and their texts on demand.
public struct TipTree: Sendable {
    /// Every file path in the tip's tree.
    public let files: Set<RepoPath>
    private let directories: Set<String>
    private let read: @Sendable (RepoPath) -> String?
    private let memos = Locked<[String: any Sendable]>([:])

    /// A tree of `files`, whose texts `read` gives (nil: no text file there).
    public init(files: Set<RepoPath>, read: @escaping @Sendable (RepoPath) -> String?) {
        self.files = files
        self.read = read
        var directories: Set<String> = []
        for file in files {
            var components = file.string.split(separator: "/").dropLast()
            while !components.isEmpty {
                guard directories.insert(components.joined(separator: "/")).inserted else { break }
                components.removeLast()
            }
        }
        self.directories = directories
    }

    /// Whether the tip has the file `path`.
    func has(_ path: String) -> Bool { files.contains(RepoPath(path)) }

    /// Whether the tip has a directory `path` (any file under it).
    public func hasDirectory(_ path: String) -> Bool {
        directories.contains(path.hasSuffix("/") ? String(path.dropLast()) : path)
    }

    /// What `compute` derives from the tree, computed once per `key` (a Makefile's targets are
    /// asked for every fix-prone file, and git's Makefile has 4,000 lines).
    func memo<T: Sendable>(_ key: String, _ compute: () -> T) -> T {
        // Looked up before the cast: a nil `Any?` would cast to a nil `T?` and pass for a known nil.
        if let entry = memos.withLock({ $0[key] }), let known = entry as? T { return known }
        let value = compute()
        memos.withLock { $0[key] = value }
        return value
    }

    /// The text of the file `path`, or nil when the tip has none.
    func text(_ path: String) -> String? { has(path) ? read(RepoPath(path)) : nil }

    /// The nearest directory above `path` (its own first, the root last, as "") holding `name`.
    func nearest(_ name: String, above path: RepoPath) -> String? {
        var components = path.string.split(separator: "/").dropLast().map(String.init)
        while true {
            let directory = components.joined(separator: "/")
            if has(directory.isEmpty ? name : directory + "/" + name) { return directory }
            guard !components.isEmpty else { return nil }
            components.removeLast()
        }
    }
}

/// The runners in the order they are tried: the most specific (a scoped command) first, a whole
/// suite run last, and what the repository's own documents say after every build file.
let testRunners: [any TestRunner] = [
    SwiftPackageRunner(), GoRunner(), CargoRunner(), ClarRunner(), MakeScriptRunner(), GradleRunner(),
    MavenRunner(), BazelRunner(), NodeRunner(), PytestRunner(), RSpecRunner(), MakeTargetRunner(), MesonRunner(),
    CTestRunner(), PythonSessionRunner(), DocumentedRunner(),
]

/// The command that runs `tests` with the build system the tip has, or nil when none is
/// recognised (the caller then names the files and says so).
public func testCommand(for tests: [RepoPath], in tree: TipTree) -> String? {
    guard !tests.isEmpty else { return nil }
    return testRunners.lazy.compactMap { $0.command(for: tests, in: tree) }.first
}

/// A file name without its folder and its extensions: `Tests/A/FooTests.swift` gives `FooTests`.
func fileStem(of path: RepoPath) -> String {
    let name = path.string.split(separator: "/").last.map(String.init) ?? path.string
    return name.split(separator: ".").first.map(String.init) ?? name
}

/// `path` relative to `directory` ("" is the root).
func relative(_ path: RepoPath, to directory: String) -> String {
    directory.isEmpty ? path.string : String(path.string.dropFirst(directory.count + 1))
}

/// Those of `tests` a runner runs, by how their names end (data and helpers the tests read are
/// left out); nil when there are none.
func ending(_ tests: [RepoPath], with suffixes: [String]) -> [RepoPath]? {
    let kept = tests.filter { test in suffixes.contains { test.string.hasSuffix($0) } }
    return kept.isEmpty ? nil : kept
}

/// `words` as shell words, space-separated.
func shellWords(_ words: [String]) -> String { words.map(shellQuoted).joined(separator: " ") }

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
