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
               FileManager.default.isExecutableFile(atPath: candidate) {
                return candidate
            }
        }
        return nil
    }
}
