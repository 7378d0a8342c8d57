import Foundation
import HindsightCore
import HindsightIndex

/// What the live rules know of the files a change touches, with the commit it was computed at.
public struct KnownFacts: Sendable {
    /// Facts per current path.
    public var files: [RepoPath: FileFacts]
    /// The index tip they describe (nil without an index).
    public var tip: CommitID?
    /// Commits per author at the tip, by email (lowercased, after `.mailmap`), for `risky-change`.
    public var authorCommits: [String: Int]
    /// When ages count to: the check's reference time, or when the tip landed.
    public var now: Int64

    /// Facts from their parts.
    public init(
        files: [RepoPath: FileFacts] = [:], tip: CommitID? = nil, authorCommits: [String: Int] = [:], now: Int64 = 0
    ) {
        self.files = files
        self.tip = tip
        self.authorCommits = authorCommits
        self.now = now
    }
}

/// Reads the guard rules' view of history for a check: from the index's per-file cache when it was
/// computed for this tip, these settings and today, else by analysing the whole index once and
/// caching the result for the next check.
public enum FileFactsLoader {
    /// The facts of the files `change` touches (all files when the cache was stale).
    public static func load(
        store: IndexStore?, in workspace: Workspace, settings: AnalysisSettings, touching change: ChangeSet
    ) throws -> KnownFacts {
        guard let store else { return KnownFacts() }
        let tip = try store.tip()
        let key = IndexStore.factsKey(tip: tip, settings: settings)
        let paths = Set(change.files.flatMap { [$0.path] + ($0.oldPath.map { [$0] } ?? []) })
        let authors = Set(change.author.map { [$0.email.lowercased()] } ?? [])
        if let cached = try store.cachedFacts(for: paths, key: key),
            let counts = try store.cachedAuthorCommits(for: authors, key: key)
        {
            return KnownFacts(files: cached, tip: tip, authorCommits: counts, now: settings.now)
        }
        let input = AnalysisInput(snapshot: try workspace.snapshot(store), settings: settings)
        let risk = RiskHistory(input: input)
        let facts = fileFacts(in: input, risk: risk)
        // The cache only saves time: a read-only or busy index must not fail the check.
        try? store.storeFacts(facts, authorCommits: risk.authorCommits, key: key)
        return KnownFacts(files: facts, tip: input.snapshot.tip, authorCommits: risk.authorCommits, now: settings.now)
    }

    /// Computes and caches the facts when the cache is stale, as the refresh hooks do after a commit.
    public static func warm(store: IndexStore, in workspace: Workspace, settings: AnalysisSettings) throws {
        _ = try load(
            store: store, in: workspace, settings: settings, touching: ChangeSet(description: "refresh", files: []))
    }
}

/// What a check of a past change may know: the history up to the change's base (a commit's first
/// parent, a range's start, a pull request's merge base), never the change itself or anything
/// after it, so checking an old commit cannot cite a fix that came later.
public enum PastCheckView {
    /// The guards and facts as of `change.base` when it is an indexed commit other than the index's
    /// tip (none for a root commit); nil otherwise, when the tip's view knows nothing from after the
    /// change. A guard is kept only when every commit that taught it landed by then.
    public static func load(
        for change: ChangeSet, guards: GuardSet, store: IndexStore, in workspace: Workspace
    ) throws -> (guards: GuardSet, facts: KnownFacts)? {
        var kept = guards
        guard let base = change.base else {
            // A root commit: nothing came before it.
            kept.guards = []
            return (kept, KnownFacts())
        }
        guard let tip = try store.tip(), base != tip, let past = try workspace.snapshot(store, at: base) else {
            return nil
        }
        let known = Set(past.commits.map(\.id))
        kept.guards = guards.guards.filter { item in item.evidence.allSatisfy { known.contains($0.id) } }
        let now = past.tipCommitTime ?? 0
        let input = AnalysisInput(snapshot: past, settings: workspace.analysisSettings(now: now))
        let risk = RiskHistory(input: input)
        return (
            kept,
            KnownFacts(files: fileFacts(in: input, risk: risk), tip: base, authorCommits: risk.authorCommits, now: now)
        )
    }
}
