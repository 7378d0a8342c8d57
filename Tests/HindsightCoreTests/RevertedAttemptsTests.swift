import Testing

@testable import HindsightCore

/// Which reverted attempts a context still lists: those whose revert stands at the tip, within the
/// horizon, named by what they added when their files are gone.
struct RevertedAttemptsTests {
    static func selection() -> (AttemptSelection, [String: CommitID]) {
        var builder = SnapshotBuilder()
        var ids: [String: CommitID] = [:]
        builder.commit("feat: a", day: 0, changes: [(.added, "src/a.c", 10, 0)])
        ids["old"] = builder.commit("feat: old try", day: 5, changes: [(.modified, "src/a.c", 1, 0)])
        builder.commit("Revert \"feat: old try\"", day: 6, changes: [(.modified, "src/a.c", 0, 1)], revert: ids["old"])
        // The revert puts lines 3–4 back; a later refactor deletes exactly them.
        ids["alloc"] = builder.commit(
            "feat: swap allocator", day: 1_000, changes: [(.modified, "src/a.c", 1, 2)],
            hunks: ["src/a.c": [Hunk(oldStart: 3, oldLines: 2, newStart: 3, newLines: 1)]])
        builder.commit(
            "Revert \"feat: swap allocator\"", day: 1_001, changes: [(.modified, "src/a.c", 2, 1)],
            revert: ids["alloc"], hunks: ["src/a.c": [Hunk(oldStart: 3, oldLines: 1, newStart: 3, newLines: 2)]])
        builder.commit(
            "refactor: drop the old allocator", day: 1_100, changes: [(.modified, "src/a.c", 0, 2)],
            hunks: ["src/a.c": [Hunk(oldStart: 3, oldLines: 2, newStart: 2, newLines: 0)]])
        // An experimental cache, added and taken out: its file is gone, which is the point.
        ids["cache"] = builder.commit(
            "feat: experimental cache", day: 1_200,
            changes: [(.added, "src/cache/store.swift", 40, 0), (.added, "src/cache/key.swift", 9, 0)])
        builder.commit(
            "Revert \"feat: experimental cache\"\n\nIt did not help: the benchmark stayed flat.", day: 1_201,
            changes: [(.deleted, "src/cache/store.swift", 0, 40), (.deleted, "src/cache/key.swift", 0, 9)],
            revert: ids["cache"], body: "This reverts commit x.\n\nIt did not help: the benchmark stayed flat.\n")
        // Plugins, added, reverted, then added again for good.
        ids["plugins"] = builder.commit("feat: plugins", day: 1_300, changes: [(.added, "src/plugins/x.c", 5, 0)])
        builder.commit(
            "Revert \"feat: plugins\"", day: 1_301, changes: [(.deleted, "src/plugins/x.c", 0, 5)],
            revert: ids["plugins"])
        builder.commit("feat: plugins, done right", day: 1_400, changes: [(.added, "src/plugins/x.c", 7, 0)])
        let input = builder.input(now: 1_400)
        let report = stabilityReport(from: input)
        let selection = revertedAttempts(
            report.reverts, lineages: fileLineages(of: input.snapshot),
            alive: [RepoPath("src/a.c"), RepoPath("src/plugins/x.c")], in: input, horizonYears: 3)
        return (selection, ids)
    }

    @Test func attemptsThatAddedFilesAreNamedByWhatTheyAdded() throws {
        let (selection, ids) = Self.selection()
        let cache = try #require(selection.attempts.first { $0.revertedID == ids["cache"] })
        #expect(cache.files.isEmpty)
        #expect(cache.addedGone == [RepoPath("src/cache/key.swift"), RepoPath("src/cache/store.swift")])
        #expect(cache.reason == "It did not help: the benchmark stayed flat.")
    }

    @Test func supersededAndOldRevertsAreLeftOutAndCounted() {
        let (selection, ids) = Self.selection()
        #expect(selection.attempts.map(\.revertedID) == [ids["cache"]].compactMap { $0 })
        #expect(selection.leftOut.superseded == 2, "the allocator's lines are gone; the plugins are back")
        #expect(selection.leftOut.older == 1)
        #expect(selection.leftOut.horizonYears == 3)
    }
}
