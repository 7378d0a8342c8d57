import Foundation
import HindsightConfig
import HindsightCore
import HindsightIndex

/// Loads `.hindsight/guards.yml` for a check. Parsing the YAML of thousands of guards takes longer
/// than the rest of a pre-commit check (350 ms for 1,300 guards), so with an index at hand it reads
/// only the guards that can fire on the change (by path, or by the calls its added lines make) from
/// the index's cache of the file, filled on the first check after the file changes.
public enum GuardSetLoader {
    /// The guards of `workTree`'s guard file that `change` can trip (all of them without an index).
    public static func load(workTree: URL?, store: IndexStore?, touching change: ChangeSet) throws -> GuardSet {
        try load(workTree: workTree, store: store, keys: GuardSetFile.cacheKeys(of: change))
    }

    /// The accepted guards of `workTree`'s guard file (and its record), as `context` lists them.
    public static func loadAccepted(workTree: URL?, store: IndexStore?) throws -> GuardSet {
        var set = try load(workTree: workTree, store: store, keys: [GuardSetFile.acceptedKey])
        set.guards = set.guards.filter { $0.status == .accepted }
        return set
    }

    /// The guards cached under any of `keys` or under none (all of them without an index).
    private static func load(workTree: URL?, store: IndexStore?, keys: Set<RepoPath>) throws -> GuardSet {
        guard let workTree else { return GuardSet() }
        let url = workTree.appendingPathComponent(GuardSetFile.relativePath)
        guard let store, FileManager.default.fileExists(atPath: url.path) else {
            return try GuardSetFile.load(from: url)
        }
        let contents: Data
        do {
            contents = try Data(contentsOf: url)
        } catch {
            return try GuardSetFile.load(from: url)  // reports the read error as the file's loader does
        }
        let key = IndexStore.guardsKey(of: contents)
        if let cached = try? store.cachedGuards(for: keys, key: key),
            let set = try? GuardSetFile.parse(entries: cached.entries, record: cached.record)
        {
            return set
        }
        let set = try GuardSetFile.load(contents: contents, path: url.path)
        let pieces = GuardSetFile.cachePieces(set)
        // The cache only saves time: a read-only or busy index must not fail the check.
        try? store.storeGuards(
            pieces.entries.map { CachedGuardEntry(id: $0.id, paths: $0.keys, text: $0.text) },
            record: pieces.record, key: key)
        return set
    }
}
