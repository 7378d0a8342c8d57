import Foundation

/// `swift test --filter`, for a Swift package's test files.
struct SwiftPackageRunner: TestRunner {
    func command(for tests: [RepoPath], in tree: TipTree) -> String? {
        guard tree.has("Package.swift"), let tests = ending(tests, with: [".swift"]) else { return nil }
        return "swift test --filter " + shellQuoted(tests.map(fileStem).joined(separator: "|"))
    }
}

/// `go test` of the tests' packages, in a Go module.
struct GoRunner: TestRunner {
    func command(for tests: [RepoPath], in tree: TipTree) -> String? {
        guard tree.has("go.mod"), let tests = ending(tests, with: ["_test.go"]) else { return nil }
        let packages = Set(
            tests.map { path in
                let directory = path.string.split(separator: "/").dropLast().joined(separator: "/")
                return directory.isEmpty ? "." : "./" + directory + "/"
            })
        return "go test " + shellWords(packages.sorted())
    }
}

/// `cargo test`, scoped to the integration-test targets and workspace packages the files belong to.
struct CargoRunner: TestRunner {
    func command(for tests: [RepoPath], in tree: TipTree) -> String? {
        guard tree.has("Cargo.toml"), let tests = ending(tests, with: [".rs"]) else { return nil }
        var packages: Set<String> = []
        var targets: Set<String> = []
        var wholeRoot = false
        for test in tests {
            guard let directory = tree.nearest("Cargo.toml", above: test) else { return nil }
            let manifest = CargoManifest(tree.text(directory.isEmpty ? "Cargo.toml" : directory + "/Cargo.toml") ?? "")
            if !directory.isEmpty, let name = manifest.packageName {
                packages.insert(name)
            } else if directory.isEmpty, let target = manifest.testTarget(of: relative(test, to: directory)) {
                targets.insert(target)
            } else {
                wholeRoot = true
            }
        }
        if wholeRoot { return "cargo test" }
        // `--test` names the root package's targets, so the members' packages run in their own command.
        let runs = [
            targets.isEmpty
                ? nil : "cargo test " + targets.sorted().map { "--test " + shellQuoted($0) }.joined(separator: " "),
            packages.isEmpty
                ? nil : "cargo test " + packages.sorted().map { "-p " + shellQuoted($0) }.joined(separator: " "),
        ]
        return runs.compactMap { $0 }.joined(separator: " && ")
    }
}

/// What `cargo test` needs of a `Cargo.toml`: the package's name and its `[[test]]` targets.
struct CargoManifest {
    private(set) var packageName: String?
    private(set) var tests: [(name: String, path: String?)] = []

    init(_ text: String) {
        var section = ""
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") {
                section = line
                if line == "[[test]]" { tests.append((name: "", path: nil)) }
                continue
            }
            guard let (key, value) = Self.assignment(line) else { continue }
            if section == "[package]", key == "name" { packageName = value }
            if section == "[[test]]", let last = tests.indices.last {
                if key == "name" { tests[last].name = value }
                if key == "path" { tests[last].path = value }
            }
        }
    }

    /// The integration-test target that compiles `file` (relative to the manifest): a declared
    /// `[[test]]` whose path it is or whose folder holds it as a module, else Cargo's automatic
    /// target for `tests/NAME.rs` or `tests/NAME/main.rs`; nil for a library or binary source.
    func testTarget(of file: String) -> String? {
        if let declared = tests.first(where: { $0.path == file || $0.path == nil && "tests/\($0.name).rs" == file }) {
            return declared.name
        }
        let folder = file.split(separator: "/").dropLast().joined(separator: "/")
        if let owner = tests.first(where: { test in
            test.path.map { $0.split(separator: "/").dropLast().joined(separator: "/") == folder } ?? false
        }) {
            return owner.name
        }
        let components = file.split(separator: "/")
        guard components.first == "tests" else { return nil }
        if components.count == 2 { return fileStem(of: RepoPath(file)) }
        if components.count == 3, components[2] == "main.rs" { return String(components[1]) }
        return nil
    }

    /// `key = "value"` as its parts; nil for anything else.
    private static func assignment(_ line: String) -> (String, String)? {
        guard let equals = line.firstIndex(of: "=") else { return nil }
        let key = line[..<equals].trimmingCharacters(in: .whitespaces)
        let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        guard value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") else { return nil }
        return (key, String(value.dropFirst().dropLast()))
    }
}

/// Gradle's `test` task filtered to the test classes, through the wrapper when there is one.
struct GradleRunner: TestRunner {
    func command(for tests: [RepoPath], in tree: TipTree) -> String? {
        guard let tests = ending(tests, with: [".java", ".kt", ".groovy", ".scala"]) else { return nil }
        let gradle: String
        if tree.has("gradlew") {
            gradle = "./gradlew"
        } else if ["build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts"].contains(
            where: tree.has)
        {
            gradle = "gradle"
        } else {
            return nil
        }
        return gradle + " test " + tests.map { "--tests " + shellQuoted(fileStem(of: $0)) }.joined(separator: " ")
    }
}

/// Maven's `test` phase filtered to the test classes, through the wrapper when there is one.
struct MavenRunner: TestRunner {
    func command(for tests: [RepoPath], in tree: TipTree) -> String? {
        guard tree.has("pom.xml"), let tests = ending(tests, with: [".java", ".kt", ".scala"]) else { return nil }
        let maven = tree.has("mvnw") ? "./mvnw" : "mvn"
        return maven + " test -Dtest=" + shellQuoted(tests.map(fileStem).joined(separator: ","))
    }
}
