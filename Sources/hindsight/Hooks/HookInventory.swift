import Foundation
import HindsightCore
import HindsightGit

/// What `doctor` finds of hooks: each hook hindsight can install, who wrote it, whether git can run it
/// and whether the hindsight it falls back to is there; and the hook managers the work tree configures.
enum HookInventory {
    /// The hooks directory's facts (nil in a bare repository) and the hook managers found.
    static func facts(
        of git: GitRepository, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> (hooks: HookFacts?, managers: [HookManagerFacts]) {
        guard let workTree = git.workTree else { return (nil, []) }
        let directory = git.hooksDirectory
        let hooks = HookScript.names.map { hook(named: $0, in: directory) }
        let facts = HookFacts(
            directory: directory.path, hooks: hooks, defaults: HookScript.defaults, checking: HookScript.checking,
            isOnPath: isOnPath("hindsight", path: environment["PATH"] ?? ""))
        let managers = HookManager.detect(in: workTree, hooksPath: git.configValue("core.hooksPath")).map { manager in
            HookManagerFacts(
                name: manager.name, file: manager.file,
                runsHindsight: runsHindsight(workTree.appendingPathComponent(manager.file)))
        }
        return (facts, managers)
    }

    private static func hook(named name: String, in directory: URL) -> HookFile {
        let url = directory.appendingPathComponent(name)
        let hasChained = exists(directory.appendingPathComponent(name + HookScript.chainedSuffix))
        let isExecutable = FileManager.default.isExecutableFile(atPath: url.path)
        guard exists(url) else {
            return HookFile(name: name, owner: .none, isExecutable: false, hasChained: hasChained)
        }
        guard let data = FileManager.default.contents(atPath: url.path),
            case let text = String(decoding: data, as: UTF8.self), HookScript.isHindsight(text)
        else { return HookFile(name: name, owner: .foreign, isExecutable: isExecutable, hasChained: hasChained) }
        let recorded = recordedBinary(in: text)
        let owner = HookFile.Owner.hindsight(
            recordedBinary: recorded,
            binaryExists: recorded.map { FileManager.default.isExecutableFile(atPath: $0) } ?? false)
        return HookFile(name: name, owner: owner, isExecutable: isExecutable, hasChained: hasChained)
    }

    /// The `recorded=` fallback a hindsight hook names, unquoted as `sh` would.
    static func recordedBinary(in script: String) -> String? {
        guard let line = script.split(separator: "\n").first(where: { $0.hasPrefix("recorded=") }) else { return nil }
        let value = String(line.dropFirst("recorded=".count))
        guard value.count >= 2, value.hasPrefix("'"), value.hasSuffix("'") else { return value }
        return String(value.dropFirst().dropLast()).replacingOccurrences(of: "'\\''", with: "'")
    }

    /// Whether a line of `file` that is not a comment names hindsight; for a folder (husky's
    /// `.husky/`), a line of one of the hook scripts in it.
    private static func runsHindsight(_ file: URL) -> Bool {
        if let scripts = try? FileManager.default.contentsOfDirectory(atPath: file.path) {
            return scripts.filter { !$0.hasPrefix("_") && !$0.hasPrefix(".") }.contains {
                runsHindsight(file.appendingPathComponent($0))
            }
        }
        guard let data = FileManager.default.contents(atPath: file.path) else { return false }
        return String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).contains { line in
            !line.drop { $0 == " " || $0 == "\t" }.hasPrefix("#") && line.lowercased().contains("hindsight")
        }
    }

    private static func isOnPath(_ name: String, path: String) -> Bool {
        path.split(separator: ":").contains { directory in
            FileManager.default.isExecutableFile(atPath: "\(directory)/\(name)")
        }
    }

    /// Whether anything (a file, a dangling symbolic link) is at `url`.
    private static func exists(_ url: URL) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: url.path)) != nil
    }
}
