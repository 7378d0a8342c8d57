import Foundation
import HindsightConfig
import HindsightCore
import Testing

/// Which guards a staged check reads from the index's cache: only those its change can trip.
@Suite struct GuardCacheKeyTests {
    static let revertedLines = [
        "static int cache[64];", "int cached_parse(void) { return cache[0]; }",
        "void cache_clear(void) { cache[0] = 0; }",
    ]

    static let reverted = Guard(
        kind: "reverted-change", severity: .warning, scope: [RepoPath("src/cache.c")],
        match: revertedLines.sorted().joined(separator: "\n"), message: "This change re-applies a reverted commit.",
        action: "Read why it was reverted.",
        evidence: [
            CommitRef(id: GuardSetFileTests.commitA, time: GuardSetFileTests.day, subject: "feat: cache", author: "Ada")
        ])

    static func adding(_ lines: [String], to path: String) -> ChangeSet {
        ChangeSet(
            description: "staged",
            files: [
                ChangedFile(
                    status: .added, path: RepoPath(path),
                    added: lines.enumerated().map { DiffLine(number: $0.offset + 1, text: $0.element) })
            ])
    }

    /// A reverted-change guard fires on a change adding three of its lines, in any file: it is
    /// keyed by its lines, not read on every check (git's 129 such guards were 240 KB of YAML).
    @Test func aRevertedChangeGuardIsReadOnlyForAChangeAddingOneOfItsLines() throws {
        let pieces = GuardSetFile.cachePieces(GuardSet(guards: [Self.reverted, GuardSetFileTests.parserGuard()]))
        let keys = Set(try #require(pieces.entries.first { $0.id == Self.reverted.id }).keys)
        #expect(keys.count == 3)
        let reapplying = Self.adding(["  static   int cache[64];", "int x = 1;"], to: "lib/elsewhere.c")
        #expect(
            !GuardSetFile.cacheKeys(of: reapplying).isDisjoint(with: keys),
            "spacing is normalized, as the guard's test does")
        let unrelated = Self.adding(["static int other[64];"], to: "src/cache.c")
        #expect(GuardSetFile.cacheKeys(of: unrelated).isDisjoint(with: keys))
        let parserKeys = try #require(pieces.entries.first { $0.id == GuardSetFileTests.parserGuard().id }).keys
        #expect(parserKeys == [RepoPath("src/parser.c")], "a reintroduced-fix guard stays keyed by its scope")
    }

    /// Read back from the cached pieces, the guard trips the change as it does from the whole file.
    @Test func theCachedRevertedChangeGuardStillFires() throws {
        let set = GuardSet(guards: [Self.reverted])
        let pieces = GuardSetFile.cachePieces(set)
        let change = Self.adding(Self.revertedLines, to: "lib/elsewhere.c")
        let keys = GuardSetFile.cacheKeys(of: change)
        let selected = pieces.entries.filter { !keys.isDisjoint(with: $0.keys) }.map(\.text)
        let read = try GuardSetFile.parse(entries: selected, record: pieces.record)
        #expect(read.guards.map(\.id) == [Self.reverted.id])
        #expect(read.guards.first?.match == Self.reverted.match)
    }
}
