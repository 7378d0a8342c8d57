import Testing

@testable import HindsightCore

/// Reverts written without git's full trailer still name what they revert.
@Suite struct RevertLinksTests {
    @Test func aQuotedSubjectOrAShortIDNamesTheRevertedCommit() {
        var history = SnapshotBuilder()
        let cache = history.commit("feat: cache parse results", day: 0, changes: [(.added, "src/cache.c", 10, 0)])
        history.commit("feat: faster lexer", day: 1, changes: [(.modified, "src/lexer.c", 3, 1)])
        history.commit("Revert \"feat: cache parse results\"", day: 2, changes: [(.deleted, "src/cache.c", 0, 10)])
        history.commit(
            "Take the lexer change out", day: 3, changes: [(.modified, "src/lexer.c", 1, 3)],
            body: "This reverts commit 1a2b3c4d.")
        history.commit("Revert \"feat: never made\"", day: 4, changes: [(.modified, "src/a.c", 1, 1)])
        // The builder numbers its ids; give the lexer commit one whose short form is unique.
        var snapshot = history.snapshot
        let lexer = CommitID(trustedHex: "1a2b3c4d" + String(repeating: "0", count: 32))
        snapshot.commits[1].id = lexer
        let linked = snapshot.linkingReverts()
        #expect(linked.commits.map(\.revertedCommit) == [nil, nil, cache, lexer, nil])
        #expect(history.snapshot.commits.allSatisfy { $0.revertedCommit == nil }, "the snapshot itself is a value")
    }

    @Test func anAmbiguousShortIDNamesNothing() {
        #expect(HistorySnapshot.shortRevertedID(in: "This reverts commit 1a2b3c.") == nil, "6 digits are too few")
        #expect(HistorySnapshot.shortRevertedID(in: "This reverts commit 1A2B3C4D.") == "1a2b3c4d")
        #expect(HistorySnapshot.quotedSubject(ofRevert: "Revert \"x\" and more") == nil)
    }
}
