import Testing

@testable import HindsightCore

@Suite struct RecurringPatternTests {
    /// Three fixes replace strcpy( with strlcpy( in a.c, b.c and a.c again.
    static func fixes(files: [String] = ["a.c", "b.c", "a.c"]) -> (SnapshotBuilder, [FixDiff]) {
        var history = SnapshotBuilder()
        history.commit("feat: files", day: 0, changes: [(.added, "a.c", 9, 0), (.added, "b.c", 9, 0)])
        var diffs: [FixDiff] = []
        for (offset, path) in files.enumerated() {
            history.commit("fix: overflow \(offset)", day: Double(offset + 1), changes: [(.modified, path, 1, 1)])
            diffs.append(
                FixDiff(
                    commit: offset + 1,
                    change: ChangeSet(
                        description: "x",
                        files: [
                            ChangedFile(
                                status: .modified, path: RepoPath(path),
                                added: [DiffLine(number: 4, text: "  strlcpy(dst, src, sizeof dst);")],
                                removed: [DiffLine(number: 4, text: "  strcpy(dst, src);")])
                        ])))
        }
        return (history, diffs)
    }

    /// Ten commits that are not fixes, `removing` of them removing a `strcpy(` call; with the three
    /// fixes, fixes are 3 of 13 commits.
    static func baseline(removing: Int = 0) -> CallRemovalBaseline {
        CallRemovalBaseline(
            changes: (0..<10).map { index in
                ChangeSet(
                    description: "other \(index)",
                    files: [
                        ChangedFile(
                            status: .modified, path: RepoPath("c.c"),
                            removed: index < removing ? [DiffLine(number: 2, text: "strcpy(a, b);")] : [])
                    ])
            }, fixShare: 3.0 / 13)
    }

    @Test func threeFixesInTwoFilesMakeAPatternGuard() throws {
        let (history, diffs) = Self.fixes()
        let guards = recurringPatternGuards(from: diffs, baseline: Self.baseline(), input: history.input(now: 5))
        let item = try #require(guards.first)
        #expect(guards.count == 1)
        #expect(item.match == "strcpy(" && item.scope.isEmpty && item.kind == "recurring-pattern")
        // Every fix removed it, no other commit did: 100% of fixes against 3/13 of all commits.
        #expect(
            item.message
                == "3 of 3 fix commits read, across 2 files, removed `strcpy(`: 100% of fixes against 23% of all commits, 4.3× its base rate; this change adds it."
        )
        #expect(
            item.action == "Use what those fixes put in its place (`strlcpy(`), or say why `strcpy(` is safe here.")
        #expect(item.evidence.map(\.subject) == ["fix: overflow 2", "fix: overflow 1", "fix: overflow 0"])
    }

    @Test func aCallOtherCommitsRemoveAsOftenIsNoPattern() {
        let (history, diffs) = Self.fixes()
        // Half the other commits remove it too: 100% against 3/13 + 10/13 × 50% = 62%, 1.6×.
        #expect(
            recurringPatternGuards(from: diffs, baseline: Self.baseline(removing: 5), input: history.input(now: 5))
                .isEmpty)
        #expect(
            recurringPatternGuards(from: diffs, baseline: Self.baseline(removing: 2), input: history.input(now: 5))
                .count == 1, "100% against 38%: 2.6×")
    }

    @Test func aReplacementIsSuggestedOnlyWhenTheFixesHunksAddedIt() throws {
        var (history, diffs) = Self.fixes()
        for index in diffs.indices {
            // The same call added far from where strcpy( was removed: a different hunk.
            diffs[index].change.files[0].added = [DiffLine(number: 40, text: "  strlcpy(dst, src, sizeof dst);")]
        }
        let item = try #require(
            recurringPatternGuards(from: diffs, baseline: Self.baseline(), input: history.input(now: 5)).first)
        #expect(item.action == "Read those fixes before calling `strcpy(` again, or say why it is safe here.")
    }

    @Test func fewerFixesOrOneFileIsNoPattern() {
        let (history, diffs) = Self.fixes(files: ["a.c", "b.c"])
        #expect(recurringPatternGuards(from: diffs, baseline: Self.baseline(), input: history.input(now: 5)).isEmpty)
        let (sameFile, sameDiffs) = Self.fixes(files: ["a.c", "a.c", "a.c"])
        #expect(
            recurringPatternGuards(from: sameDiffs, baseline: Self.baseline(), input: sameFile.input(now: 5)).isEmpty)
    }

    @Test func anAddedCallIsFlaggedButNotAMethodOrAKeyword() throws {
        let (history, diffs) = Self.fixes()
        let rule = GuardSetRule(
            guards: recurringPatternGuards(from: diffs, baseline: Self.baseline(), input: history.input(now: 5)))
        let change = ChangeSet(
            description: "staged changes",
            files: [
                ChangedFile(
                    status: .modified, path: RepoPath("c.c"),
                    added: [
                        DiffLine(number: 1, text: "if (ok) strcpy(name, arg);"),
                        DiffLine(number: 2, text: "buffer.strcpy(other);"),
                        DiffLine(number: 3, text: "my_strcpy(x, y);"),
                    ])
            ])
        let findings = rule.findings(in: change, context: GuardContext(files: [:], tip: nil))
        #expect(findings.map(\.line) == [1])
    }

    @Test(arguments: [
        ("if (x) foo(bar(1));", ["foo(", "bar("]),
        ("return sizeof(x) + obj.method(1);", []),
        ("ab(1)", []),
    ])
    func callsAreIdentifiersBeforeAParenthesis(line: String, calls: [String]) {
        #expect(callTokens(in: line) == calls)
    }
}
