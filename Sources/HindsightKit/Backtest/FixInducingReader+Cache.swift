import HindsightCore
import HindsightIndex

extension FixInducingReader {
    /// The commits of `window` up to the snapshot's tip that a later commit names, reverts, or
    /// whose lines a later fix removed, as ``truth(of:until:in:)`` finds them, with each fix's SZZ
    /// origins kept in `store` so a later call traces only the fixes it has not seen. Kept origins
    /// from a window starting earlier are reused (the older origins filtered out); a window starting
    /// before the kept one traces every fix again. Failing to keep them costs only time.
    func truthKeepingOrigins(of window: Range<Int>, in input: AnalysisInput, store: IndexStore) throws -> Set<Int> {
        let snapshot = input.snapshot
        guard let tip = snapshot.commits.indices.last, !window.isEmpty else { return [] }
        var indexOfID: [CommitID: Int] = [:]
        for (index, commit) in snapshot.commits.enumerated() { indexOfID[commit.id] = index }
        var kept = try store.fixOrigins()
        if let cache = kept,
            cache.options != options.fingerprint || (indexOfID[cache.windowStart] ?? .max) > window.lowerBound
        {
            kept = nil
        }
        let tracedFrom = kept.flatMap { indexOfID[$0.windowStart] } ?? window.lowerBound
        let fixes = (window.lowerBound + 1...max(window.lowerBound + 1, tip)).filter { $0 <= tip && input.isFix[$0] }
        let untraced = fixes.filter { kept?.origins[snapshot.commits[$0].id] == nil }
        let traced = try origins(of: untraced, tracedFrom: tracedFrom..<(tip + 1), in: snapshot)
        var inducing = explicitGroundTruth(in: snapshot, window: window, until: tip + 1).commits
        for fix in fixes {
            let origins =
                traced[fix] ?? Set((kept?.origins[snapshot.commits[fix].id] ?? []).compactMap { indexOfID[$0] })
            inducing.formUnion(origins.filter { window.contains($0) })
        }
        if !traced.isEmpty {
            let rows = Dictionary(
                uniqueKeysWithValues: traced.map { fix, origins in
                    (snapshot.commits[fix].id, origins.map { snapshot.commits[$0].id })
                })
            try? store.storeFixOrigins(
                FixOriginCache(
                    options: options.fingerprint, windowStart: snapshot.commits[tracedFrom].id, origins: rows))
        }
        return inducing
    }
}
