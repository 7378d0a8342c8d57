import Foundation

/// The `package.json` test script, through the package manager its lockfile names: scoped to the
/// files when the script is one mocha, jest or vitest call (its folder and glob arguments replaced
/// by the files), else the whole suite. Only when `scripts.test` exists and is not npm's placeholder.
struct NodeRunner: TestRunner {
    static let scoped = ["mocha", "jest", "vitest"]

    func command(for tests: [RepoPath], in tree: TipTree) -> String? {
        guard let tests = ending(tests, with: [".js", ".mjs", ".cjs", ".jsx", ".ts", ".mts", ".tsx"]),
            let manifest = tree.text("package.json").flatMap({ $0.data(using: .utf8) }),
            let json = try? JSONSerialization.jsonObject(with: manifest) as? [String: Any],
            let script = (json["scripts"] as? [String: Any])?["test"] as? String,
            !script.isEmpty, !script.contains("no test specified")
        else { return nil }
        let manager = tree.has("pnpm-lock.yaml") ? "pnpm" : tree.has("yarn.lock") ? "yarn" : "npm"
        let words = script.split(separator: " ").map(String.init)
        guard let tool = words.first, Self.scoped.contains(tool),
            !script.contains(where: { "&|;$`<>()".contains($0) })
        else { return "\(manager) test" }
        let kept = words.dropFirst().filter { word in !word.contains("*") && !tree.hasDirectory(word) && !tree.has(word)
        }
        let run = manager == "npm" ? "npx" : manager == "pnpm" ? "pnpm exec" : "yarn"
        return ([run, tool] + (kept + tests.map(\.string)).map(shellQuoted)).joined(separator: " ")
    }
}

/// pytest on the files, when the tree shows it is the runner: a `pytest.ini` or `conftest.py`, or
/// pytest named in the project's configuration or requirements.
struct PytestRunner: TestRunner {
    static let configurations = [
        "pyproject.toml", "setup.cfg", "tox.ini", "noxfile.py", "requirements-dev.txt",
        "requirements-test.txt", "requirements.txt", "dev-requirements.txt", "test-requirements.txt",
    ]

    func command(for tests: [RepoPath], in tree: TipTree) -> String? {
        // pytest's default test modules: a helper or server module given by name collects nothing.
        let modules = tests.filter { test in
            let name = test.string.split(separator: "/").last ?? ""
            return name.hasSuffix(".py") && (name.hasPrefix("test_") || name.hasSuffix("_test.py"))
        }
        guard !modules.isEmpty else { return nil }
        let evident = tree.memo("pytest") {
            tree.has("pytest.ini") || tree.files.contains { $0.string.hasSuffix("conftest.py") }
                || Self.configurations.contains { tree.text($0)?.contains("pytest") ?? false }
        }
        return evident ? "python -m pytest " + shellWords(modules.map(\.string)) : nil
    }
}

/// RSpec on the spec files, in a project with a Gemfile.
struct RSpecRunner: TestRunner {
    func command(for tests: [RepoPath], in tree: TipTree) -> String? {
        guard tree.has("Gemfile"), let tests = ending(tests, with: ["_spec.rb"]) else { return nil }
        return "bundle exec rspec " + shellWords(tests.map(\.string))
    }
}

/// tox or nox, for Python tests no pytest configuration scopes.
struct PythonSessionRunner: TestRunner {
    func command(for tests: [RepoPath], in tree: TipTree) -> String? {
        guard let tests = ending(tests, with: [".py"]) else { return nil }
        return tree.has("tox.ini") ? "tox" : tree.has("noxfile.py") ? "nox" : nil
    }
}
