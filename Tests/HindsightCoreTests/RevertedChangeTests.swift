import Testing

@testable import HindsightCore

@Suite struct RevertedChangeTests {
    static let lines = [
        "let cache = LRUCache(capacity: 512)", "cache.prewarm(from: store.allKeys())",
        "return cache.lookup(key) ?? store.load(key)",
    ]

    static func history(relanded: Bool = false) -> (SnapshotBuilder, [RevertedDiff]) {
        var history = SnapshotBuilder()
        let feature = history.commit("feat: cache lookups", day: 0, changes: [(.modified, "store.swift", 3, 0)])
        let revert = history.commit(
            "Revert \"feat: cache lookups\"", day: 1, changes: [(.modified, "store.swift", 0, 3)], revert: feature)
        if relanded {
            history.commit(
                "Reapply \"feat: cache lookups\"", day: 2, changes: [(.modified, "store.swift", 3, 0)], revert: revert)
        }
        let change = ChangeSet(
            description: "commit",
            files: [
                ChangedFile(
                    status: .modified, path: RepoPath("store.swift"),
                    added: lines.enumerated().map { DiffLine(number: $0.offset + 10, text: $0.element) })
            ])
        return (history, [RevertedDiff(revert: 1, reverted: 0, change: change)])
    }

    static func change(_ texts: [String]) -> ChangeSet {
        ChangeSet(
            description: "staged changes",
            files: [
                ChangedFile(
                    status: .modified, path: RepoPath("store.swift"),
                    added: texts.enumerated().map { DiffLine(number: $0.offset + 1, text: $0.element) })
            ])
    }

    @Test func reapplyingAMostlySameChangeIsFlagged() throws {
        let (history, reverts) = Self.history()
        let input = history.input(now: 3)
        let guards = revertedChangeGuards(from: reverts, input: input)
        let item = try #require(guards.first)
        #expect(guards.count == 1)
        #expect(
            item.message
                == "This change re-applies \(input.reference(0).shortID) 'feat: cache lookups', which \(input.reference(1).shortID) reverted."
        )
        #expect(item.evidence.map(\.subject) == ["Revert \"feat: cache lookups\"", "feat: cache lookups"])
        let findings = GuardSetRule(guards: guards).findings(
            in: Self.change(Self.lines + ["// new"]), context: GuardContext(files: [:], tip: nil))
        #expect(findings.map(\.kind) == ["reverted-change"])
    }

    @Test func aPartialOverlapOrARelandedChangeIsQuiet() {
        let (history, reverts) = Self.history()
        let guards = revertedChangeGuards(from: reverts, input: history.input(now: 3))
        #expect(
            GuardSetRule(guards: guards).findings(
                in: Self.change(Array(Self.lines.prefix(1))), context: GuardContext(files: [:], tip: nil)
            ).isEmpty)
        let (relanded, relandedReverts) = Self.history(relanded: true)
        #expect(revertedChangeGuards(from: relandedReverts, input: relanded.input(now: 3)).isEmpty)
    }

    @Test func theScopeFollowsRenamesAndAGuardOnDeletedFilesIsDropped() throws {
        var (history, reverts) = Self.history()
        history.commit("refactor: move", day: 2, changes: [(.renamed, "store.swift->Sources/Store.swift", 0, 0)])
        let moved = try #require(revertedChangeGuards(from: reverts, input: history.input(now: 3)).first)
        #expect(moved.scope == [RepoPath("Sources/Store.swift")], "the path the file has now")
        history.commit("chore: drop the store", day: 3, changes: [(.deleted, "Sources/Store.swift", 0, 40)])
        #expect(
            revertedChangeGuards(from: reverts, input: history.input(now: 4)).isEmpty,
            "scoped to a file that no longer exists, it could never fire")
    }
}
