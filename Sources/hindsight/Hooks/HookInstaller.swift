import Foundation
import HindsightConfig
import HindsightKit

/// Installs and removes hindsight's hooks in one hooks directory without ever losing a hook people
/// wrote: an existing hook is renamed to `<name>.pre-hindsight` (bytes and mode untouched) and run
/// first by ours; uninstall renames it back.
struct HookInstaller {
    /// What happened to one hook.
    enum Outcome: Equatable {
        case installed, chained, updated, unchanged, removed, restored, notInstalled
        /// Another hook sits where ours was, or a chained hook is in the way: left alone, with why.
        case skipped(String)
    }

    let directory: URL

    /// Writes hook `name` with `script`.
    func install(_ name: String, script: String) throws -> Outcome {
        let hook = directory.appendingPathComponent(name)
        let chained = chainedURL(name)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        if let current = text(at: hook), HookScript.isHindsight(current) {
            if current == script { return .unchanged }
            try write(script, to: hook)
            return .updated
        }
        guard exists(hook) else {
            try write(script, to: hook)
            return .installed
        }
        if exists(chained) {
            return .skipped("\(chained.lastPathComponent) already exists; move it or \(name) away, then install again")
        }
        try FileManager.default.moveItem(at: hook, to: chained)
        try write(script, to: hook)
        return .chained
    }

    /// Removes hook `name` when hindsight wrote it, putting back the hook it replaced.
    func uninstall(_ name: String) throws -> Outcome {
        let hook = directory.appendingPathComponent(name)
        let chained = chainedURL(name)
        guard let current = text(at: hook), HookScript.isHindsight(current) else {
            if exists(chained) {
                return .skipped("\(name) is not hindsight's, so \(chained.lastPathComponent) was left beside it")
            }
            return .notInstalled
        }
        try FileManager.default.removeItem(at: hook)
        guard exists(chained) else { return .removed }
        try FileManager.default.moveItem(at: chained, to: hook)
        return .restored
    }

    private func chainedURL(_ name: String) -> URL { directory.appendingPathComponent(name + HookScript.chainedSuffix) }

    /// Whether anything (a file, a dangling symlink) is at `url`.
    private func exists(_ url: URL) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: url.path)) != nil
    }

    private func text(at url: URL) -> String? {
        FileManager.default.contents(atPath: url.path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Writes an executable script atomically.
    private func write(_ script: String, to url: URL) throws {
        do {
            try AtomicFile.write(Data(script.utf8), to: url, permissions: 0o755)
        } catch {
            throw UsageError(
                "cannot write \(url.path) (\(error.localizedDescription)). Check that \(directory.path) is writable.")
        }
    }
}
