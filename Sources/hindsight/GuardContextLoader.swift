import Foundation
import HindsightCore
import HindsightIndex

/// Builds the guard rules' view of history for a check: from the index's per-file cache when it was
/// computed for this tip, these settings and today, else by analysing the whole index once and
/// caching the result for the next check.
enum GuardContextLoader {
    static func load(
        store: IndexStore?, settings: AnalysisSettings, touching change: ChangeSet, severities: [String: Severity]
    ) throws -> GuardContext {
        guard let store else {
            return GuardContext(files: [:], tip: nil, severities: severities)
        }
        let tip = try store.tip()
        let key = IndexStore.factsKey(tip: tip, settings: settings)
        let paths = Set(change.files.flatMap { [$0.path] + ($0.oldPath.map { [$0] } ?? []) })
        if let cached = try store.cachedFacts(for: paths, key: key) {
            return GuardContext(files: cached, tip: tip, severities: severities)
        }
        let input = AnalysisInput(snapshot: try store.snapshot(), settings: settings)
        let facts = fileFacts(in: input)
        // The cache only saves time: a read-only or busy index must not fail the check.
        try? store.storeFacts(facts, key: key)
        return GuardContext(files: facts, tip: input.snapshot.tip, severities: severities)
    }
}
