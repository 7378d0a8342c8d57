import Foundation
import HindsightCore
import HindsightIndex
import HindsightTestSupport
import Testing

@Suite struct FileFactsCacheTests {
    @Test func cachedFactsRoundTripForTheirKeyOnly() throws {
        let repo = try KitchenSink.make()
        try mine(repo)
        let store = try IndexStore(url: repo.root.appendingPathComponent(".git/hindsight/index.sqlite"))
        let settings = AnalysisSettings(now: Int64(FixtureRepository.epoch) + 400 * 86_400)
        let facts = fileFacts(in: AnalysisInput(snapshot: try store.snapshot(), settings: settings))
        #expect(facts.count > 3)
        let key = IndexStore.factsKey(tip: try store.tip(), settings: settings)
        #expect(try store.cachedFacts(for: Set(facts.keys), key: key) == nil)
        try store.storeFacts(facts, key: key)
        #expect(try store.cachedFacts(for: Set(facts.keys), key: key) == facts)
        let some = Set(facts.keys.sorted().prefix(2))
        #expect(try store.cachedFacts(for: some, key: key)?.keys.sorted() == some.sorted())
        var later = settings
        later.now += 86_400
        #expect(
            try store.cachedFacts(for: some, key: IndexStore.factsKey(tip: try store.tip(), settings: later)) == nil)
        var stricter = settings
        stricter.coupling.minShared = 2
        #expect(
            try store.cachedFacts(for: some, key: IndexStore.factsKey(tip: try store.tip(), settings: stricter)) == nil)
    }

    /// A check reads only its own author's count (git's table is 2,500 authors: decoding all of it
    /// cost a pre-commit check 50 ms), and the risk counts ride with each file's facts.
    @Test func authorCountsAndRiskCountsRoundTripOneAuthorAtATime() throws {
        let repo = try KitchenSink.make()
        try mine(repo)
        let store = try IndexStore(url: repo.root.appendingPathComponent(".git/hindsight/index.sqlite"))
        let input = AnalysisInput(
            snapshot: try store.snapshot(), settings: AnalysisSettings(now: Int64(FixtureRepository.epoch)))
        let risk = RiskHistory(input: input)
        let facts = fileFacts(in: input, risk: risk)
        #expect(facts.values.contains { $0.risk != nil })
        let key = IndexStore.factsKey(tip: try store.tip(), settings: input.settings)
        #expect(try store.cachedAuthorCommits(for: ["ada@example.com"], key: key) == nil, "nothing cached yet")
        try store.storeFacts(facts, authorCommits: risk.authorCommits, key: key)
        let someone = try #require(risk.authorCommits.keys.sorted().first)
        #expect(
            try store.cachedAuthorCommits(for: [someone, "new@example.com"], key: key) == [
                someone: risk.authorCommits[someone] ?? -1
            ])
        #expect(try store.cachedFacts(for: Set(facts.keys), key: key) == facts, "risk counts included")
    }
}
