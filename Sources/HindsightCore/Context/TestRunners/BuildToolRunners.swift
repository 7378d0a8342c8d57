import Foundation

/// A CMake project's clar test executables, run with `-s` for just the files' suites: the suite of
/// `tests/libgit2/repo/init.c` is `repo::init` in the executable its folder's CMakeLists.txt builds.
struct ClarRunner: TestRunner {
    func command(for tests: [RepoPath], in tree: TipTree) -> String? {
        guard tree.has("CMakeLists.txt"), let tests = ending(tests, with: [".c", ".cpp"]) else { return nil }
        var suites: [String: [String]] = [:]
        var order: [String] = []
        for test in tests {
            guard let (executable, suite) = clarSuite(of: test, in: tree) else { continue }
            if suites[executable] == nil { order.append(executable) }
            suites[executable, default: []].append(suite)
        }
        guard !order.isEmpty else { return nil }
        let runs = order.map { executable in
            ([executable] + (suites[executable] ?? []).map { "-s" + $0 }).map(shellQuoted).joined(separator: " ")
        }
        return (["cmake -B build", "cmake --build build"] + runs).joined(separator: " && ")
    }

    /// The executable (as a path under `build/`) and the suite of `test`, when it is a clar suite:
    /// its nearest folder with a CMakeLists.txt builds a clar executable, and the file defines the
    /// suite's `test_<suite>__` functions (helpers such as `merge_helpers.c` define none).
    private func clarSuite(of test: RepoPath, in tree: TipTree) -> (String, String)? {
        guard let directory = tree.nearest("CMakeLists.txt", above: test), !directory.isEmpty,
            let executable = Self.clarExecutable(in: directory, tree: tree)
        else { return nil }
        let suitePath = relative(test, to: directory).split(separator: ".").first.map(String.init) ?? ""
        let suite = suitePath.replacingOccurrences(of: "/", with: "::")
        let function = "test_" + suitePath.replacingOccurrences(of: "/", with: "_") + "__"
        guard let source = tree.text(test.string), source.contains(function) else { return nil }
        return (executable, suite)
    }

    /// The clar executable `directory`'s CMakeLists.txt builds, as a path under `build/`: at the
    /// build's root when its output directory says so, else in the folder's mirror.
    static func clarExecutable(in directory: String, tree: TipTree) -> String? {
        tree.memo("clar:" + directory) {
            guard let cmake = tree.text(directory + "/CMakeLists.txt"), cmake.lowercased().contains("clar"),
                let name = executable(in: cmake)
            else { return nil }
            let project = projectName(in: tree.text("CMakeLists.txt") ?? "")
            let roots = ["PROJECT", "CMAKE"] + (project.map { [$0] } ?? [])
            let atRoot = roots.contains { cmake.contains("RUNTIME_OUTPUT_DIRECTORY ${\($0)_BINARY_DIR}") }
            return (atRoot ? "build/" : "build/\(directory)/") + name
        }
    }

    /// The name of the root CMakeLists.txt's `project(` call.
    static func projectName(in cmake: String) -> String? {
        guard let call = cmake.range(of: "project(", options: .caseInsensitive) else { return nil }
        let name = cmake[call.upperBound...].drop { $0 == " " }.prefix { !$0.isWhitespace && $0 != ")" }
        return name.isEmpty ? nil : String(name)
    }

    /// The first target of an `add_executable(` call.
    static func executable(in cmake: String) -> String? {
        guard let call = cmake.range(of: "add_executable(") else { return nil }
        let rest = cmake[call.upperBound...].drop { $0 == " " }
        let name = rest.prefix { !$0.isWhitespace && $0 != ")" }
        return name.isEmpty || name.contains("$") ? nil : String(name)
    }
}

/// Test scripts run one by one through their folder's Makefile, which has a rule for each
/// (`$(T):` or `%.sh:`, as git's `t/Makefile`), after building the project when the root has a
/// Makefile; only the scripts the rule covers (`T = $(wildcard t[0-9]*.sh)`), not the helpers
/// they source.
struct MakeScriptRunner: TestRunner {
    func command(for tests: [RepoPath], in tree: TipTree) -> String? {
        guard let scripts = ending(tests, with: [".sh"]) else { return nil }
        let folders = Dictionary(grouping: scripts) {
            $0.string.split(separator: "/").dropLast().joined(separator: "/")
        }
        let runs = folders.keys.sorted().compactMap { folder -> String? in
            guard !folder.isEmpty, let pattern = Self.scriptPattern(of: folder, in: tree) else { return nil }
            let names = (folders[folder] ?? []).map { relative($0, to: folder) }.filter { fnmatch(pattern, $0, 0) == 0 }
            return names.isEmpty ? nil : "make -C " + shellQuoted(folder) + " " + shellWords(names)
        }
        guard !runs.isEmpty else { return nil }
        return ((tree.has("Makefile") ? ["make"] : []) + runs).joined(separator: " && ")
    }

    /// The glob of the scripts `folder`'s Makefile runs one by one, or nil when it has no such rule.
    static func scriptPattern(of folder: String, in tree: TipTree) -> String? {
        tree.memo("make-script:" + folder) {
            guard let makefile = tree.text(folder + "/Makefile") else { return nil }
            let lines = makefile.split(whereSeparator: \.isNewline)
            guard lines.contains(where: { $0.hasPrefix("$(T):") || $0.hasPrefix("%.sh:") }) else { return nil }
            return lines.lazy.compactMap(wildcard).first ?? "*.sh"
        }
    }

    /// The glob of a `T = $(sort $(wildcard GLOB))` line.
    static func wildcard(_ line: Substring) -> String? {
        guard line.hasPrefix("T =") || line.hasPrefix("T="), let start = line.range(of: "$(wildcard ") else {
            return nil
        }
        let glob = line[start.upperBound...].prefix { $0 != ")" && $0 != " " }
        return glob.isEmpty ? nil : String(glob)
    }
}

/// `bazel test` of the packages (folders with a BUILD file) that hold the tests.
struct BazelRunner: TestRunner {
    func command(for tests: [RepoPath], in tree: TipTree) -> String? {
        guard ["MODULE.bazel", "WORKSPACE", "WORKSPACE.bazel"].contains(where: tree.has) else { return nil }
        var packages: Set<String> = []
        for test in tests {
            guard let package = tree.nearest("BUILD.bazel", above: test) ?? tree.nearest("BUILD", above: test) else {
                return nil
            }
            packages.insert("//" + package + ":all")
        }
        return "bazel test " + shellWords(packages.sorted())
    }
}

/// `meson test` of a Meson project, in a `build` folder set up when it is missing.
struct MesonRunner: TestRunner {
    func command(for tests: [RepoPath], in tree: TipTree) -> String? {
        tree.has("meson.build") ? "(test -d build || meson setup build) && meson test -C build" : nil
    }
}

/// CTest over a CMake build, when the project enables testing.
struct CTestRunner: TestRunner {
    func command(for tests: [RepoPath], in tree: TipTree) -> String? {
        tree.memo("ctest") {
            guard let cmake = tree.text("CMakeLists.txt")?.lowercased(),
                cmake.contains("enable_testing(") || cmake.contains("add_test(") || cmake.contains("include(ctest)")
            else { return nil }
            return "cmake -B build && cmake --build build && ctest --test-dir build"
        }
    }
}

/// The root Makefile's `test` (or `check`) target.
struct MakeTargetRunner: TestRunner {
    func command(for tests: [RepoPath], in tree: TipTree) -> String? {
        // Asked for every fix-prone file; git's Makefile has 4,000 lines.
        tree.memo("make-target") {
            guard let makefile = ["GNUmakefile", "Makefile", "makefile"].first(where: tree.has).flatMap(tree.text)
            else {
                return nil
            }
            let targets = makefile.split(whereSeparator: \.isNewline).compactMap { line -> String? in
                guard let colon = line.firstIndex(of: ":"), !line.hasPrefix("\t") else { return nil }
                return line[..<colon].split(separator: " ").first { $0 == "test" || $0 == "check" }.map(String.init)
            }
            return targets.contains("test") ? "make test" : targets.contains("check") ? "make check" : nil
        }
    }
}

/// A test command the repository documents for contributors (`CONTRIBUTING*`, `tests/README*`,
/// `t/README`): the first line of a code block, or a code span, that runs a known test tool and
/// whose script, when it names one (`./script/test`), exists.
struct DocumentedRunner: TestRunner {
    static let documents = [
        "CONTRIBUTING.md", "CONTRIBUTING.rst", "CONTRIBUTING", ".github/CONTRIBUTING.md",
        "docs/CONTRIBUTING.md", "tests/README.md", "tests/README", "test/README.md", "t/README",
    ]
    static let tools = [
        "make test", "make check", "ctest", "pytest", "python -m pytest", "tox", "nox", "npm test",
        "yarn test", "pnpm test", "cargo test", "go test", "swift test", "bundle exec rspec", "rake test",
        "mvn test", "gradle test", "./gradlew test", "meson test", "bazel test",
    ]

    func command(for tests: [RepoPath], in tree: TipTree) -> String? {
        tree.memo("documented") {
            for document in Self.documents {
                guard let text = tree.text(document) else { continue }
                if let command = Self.candidates(in: text).first(where: { runs($0, in: tree) }) { return command }
            }
            return nil
        }
    }

    /// Whether `command` starts with a known tool, or runs a script of the tree with "test" in its name.
    private func runs(_ command: String, in tree: TipTree) -> Bool {
        // A document's text is untrusted: nothing that chains or substitutes commands.
        guard command.unicodeScalars.allSatisfy({ $0.isASCII && !";&|$`<>()\\\"'*?!{}".unicodeScalars.contains($0) })
        else { return false }
        if Self.tools.contains(where: { command == $0 || command.hasPrefix($0 + " ") }) { return true }
        guard command.hasPrefix("./"), let script = command.dropFirst(2).split(separator: " ").first else {
            return false
        }
        return script.contains("test") && tree.has(String(script))
    }

    /// Code spans and the lines of indented or fenced code blocks, without a `$ ` prompt.
    static func candidates(in text: String) -> [String] {
        var found: [String] = []
        var fenced = false
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = String(raw)
            if line.trimmingCharacters(in: .whitespaces).hasPrefix("```") {
                fenced.toggle()
                continue
            }
            if fenced || line.hasPrefix("    ") || line.hasPrefix("\t") {
                found.append(line.trimmingCharacters(in: .whitespaces))
            } else {
                found += line.split(separator: "`", omittingEmptySubsequences: false).enumerated()
                    .filter { $0.offset % 2 == 1 }.map { String($0.element) }
            }
        }
        return found.map { $0.hasPrefix("$ ") ? String($0.dropFirst(2)) : $0 }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.contains("\n") }
    }
}
