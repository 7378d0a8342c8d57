import Foundation
import HindsightConfig
import HindsightCore
import HindsightGit
import HindsightOutput

/// `.hindsight/guards.yml` of one repository, loaded for a command that reviews or changes it.
public struct GuardDocument {
    /// IDs shorter than this never match by prefix (`hs` would match everything).
    public static let shortestPrefix = GuardSet.shortestPrefix

    /// The file (it may not exist yet).
    public let url: URL
    /// Its guards; empty when the file does not exist.
    public var set: GuardSet
    /// The guards as loaded.
    private let loaded: GuardSet

    /// Loads `.hindsight/guards.yml` from the root of the work tree of `git`.
    public init(_ git: GitRepository) throws {
        guard let workTree = git.workTree else {
            throw UsageError(
                "the repository has no work tree (it is bare), so it has no \(GuardSetFile.relativePath). Run this in a clone."
            )
        }
        url = workTree.appendingPathComponent(GuardSetFile.relativePath)
        set = try GuardSetFile.load(from: url)
        loaded = set
    }

    /// Whether the file exists.
    public var exists: Bool { FileManager.default.fileExists(atPath: url.path) }

    /// The position in `set.guards` of the guard `id` names: the exact id, or a unique prefix.
    public func index(of id: String) throws -> Int {
        let matches = set.indices(matching: id)
        if matches.count == 1, let only = matches.first { return only }
        let shown = TerminalEscaping.safe(id)
        if matches.count > 1 {
            let ids = matches.prefix(5).map { set.guards[$0].id }.joined(separator: ", ")
            throw UsageError(
                "'\(shown)' matches \(matches.count) guards (\(ids)\(matches.count > 5 ? ", …" : "")). Give more of the id."
            )
        }
        guard exists else {
            throw UsageError(
                "no guard '\(shown)': \(GuardSetFile.relativePath) does not exist yet. Run `hindsight guards mine` first."
            )
        }
        throw UsageError(
            "no guard '\(shown)' in \(GuardSetFile.relativePath). Run `hindsight guards list` to see the ids.")
    }

    /// Writes the guards back atomically when they changed; returns whether the file changed.
    public func save() throws -> Bool {
        guard set != loaded else { return false }
        do {
            return try GuardSetFile.save(set, to: url)
        } catch {
            throw UsageError(
                "cannot write \(url.path) (\(error.localizedDescription)). Check that its directory is writable.")
        }
    }
}
