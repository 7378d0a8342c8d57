import HindsightCore
import HindsightGit
import HindsightIndex

extension HealthSession {
    /// Per counted commit of `input` up to `now`, the fix lines it added back (``readdedFixLines``),
    /// the counts kept in `store` so that a later run reads only the diffs of commits it has not
    /// counted. Failing to keep them costs only time.
    func readdedFixLinesKeepingCounts(in input: AnalysisInput, until now: Int64, store: IndexStore) throws -> [Int: Int]
    {
        let commits = input.snapshot.commits
        let key = readdsKey(input.settings)
        let kept = (try? store.fixReadds(key: key)) ?? [:]
        var counts: [Int: Int] = [:]
        var missing: [Int] = []
        for index in commits.indices
        where input.isInWindow[index] && !commits[index].isMerge && input.times[index] <= now {
            if let count = kept[commits[index].id] { counts[index] = count } else { missing.append(index) }
        }
        guard !missing.isEmpty else { return counts }
        if missing.count >= 1_000 {
            announce?(
                "reading the diffs of \(missing.count) commits and tracing their fixes once; kept in the index, so later runs take a second or two"
            )
        }
        let git = workspace.git
        let options = workspace.configuration.history
        let counted = try readdedFixLines(of: missing, in: input) { commit throws(GitError) in
            try git.changedLines(of: commits[commit].id, options: options)
        }
        counts.merge(counted) { $1 }
        let rows = Dictionary(uniqueKeysWithValues: counted.map { (commits[$0.key].id, $0.value) })
        try? store.storeFixReadds(rows, key: key)
        return counts
    }

    /// What a kept count depends on besides the commit's history: how diffs are read, which commits
    /// are fixes, which files are covered, and the look-back.
    private func readdsKey(_ settings: AnalysisSettings) -> String {
        var hash = FNV1a64()
        let parts = [
            workspace.configuration.history.fingerprint, settings.fixes.fingerprint,
            settings.ignore.map(\.description).joined(separator: "\u{1F}"), String(settings.recogniseTrees),
            String(healthReaddDays),
        ]
        hash.add(parts.joined(separator: "\u{1E}").utf8)
        return "readds-v3|" + String(hash.value, radix: 16)
    }
}
