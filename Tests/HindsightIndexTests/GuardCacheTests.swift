import Foundation
import HindsightCore
import HindsightIndex
import HindsightTestSupport
import Testing

/// The index's cache of `.hindsight/guards.yml`: a check reads back only what can fire on its paths.
@Suite struct GuardCacheTests {
    @Test func entriesComeBackForTheirPathsAndTheGlobalOnesForTheKeyOnly() throws {
        let repo = try FixtureRepository()
        let store = try IndexStore(url: repo.root.appendingPathComponent("index.sqlite"))
        let key = IndexStore.guardsKey(of: Data("guards".utf8))
        #expect(try store.cachedGuards(for: [RepoPath("a.c")], key: key) == nil)
        try store.storeGuards(
            [
                CachedGuardEntry(id: "hs-a", paths: [RepoPath("a.c")], text: "a\n"),
                CachedGuardEntry(id: "hs-b", paths: [RepoPath("b.c"), RepoPath("a.c")], text: "b\n"),
                CachedGuardEntry(id: "hs-g", paths: [], text: "g\n"),
            ], record: "backtest: {}\n", key: key)
        let forA = try #require(try store.cachedGuards(for: [RepoPath("a.c")], key: key))
        #expect(forA.entries == ["a\n", "b\n", "g\n"], "each guard once, in id order, with the global one")
        #expect(forA.record == "backtest: {}\n")
        #expect(try store.cachedGuards(for: [RepoPath("c.c")], key: key)?.entries == ["g\n"])
        #expect(
            try store.cachedGuards(for: [RepoPath("a.c")], key: IndexStore.guardsKey(of: Data("guardz".utf8))) == nil)
        #expect(IndexStore.guardsKey(of: Data("guards".utf8)) != IndexStore.guardsKey(of: Data("guards ".utf8)))
    }
}
