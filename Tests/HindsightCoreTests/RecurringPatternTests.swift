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

    @Test func threeFixesInTwoFilesMakeAPatternGuard() throws {
        let (history, diffs) = Self.fixes()
        let guards = recurringPatternGuards(from: diffs, input: history.input(now: 5))
        let item = try #require(guards.first)
        #expect(guards.count == 1)
        #expect(item.match == "strcpy(" && item.scope.isEmpty && item.kind == "recurring-pattern")
        #expect(item.message == "3 fix commits across 2 files removed `strcpy(`; this change adds it.")
        #expect(
            item.action
                == "Use what those fixes used instead (most often `strlcpy(`), or say why `strcpy(` is safe here.")
        #expect(item.evidence.map(\.subject) == ["fix: overflow 2", "fix: overflow 1", "fix: overflow 0"])
    }

    @Test func fewerFixesOrOneFileIsNoPattern() {
        let (history, diffs) = Self.fixes(files: ["a.c", "b.c"])
        #expect(recurringPatternGuards(from: diffs, input: history.input(now: 5)).isEmpty)
        let (sameFile, sameDiffs) = Self.fixes(files: ["a.c", "a.c", "a.c"])
        #expect(recurringPatternGuards(from: sameDiffs, input: sameFile.input(now: 5)).isEmpty)
    }

    @Test func anAddedCallIsFlaggedButNotAMethodOrAKeyword() throws {
        let (history, diffs) = Self.fixes()
        let rule = GuardSetRule(guards: recurringPatternGuards(from: diffs, input: history.input(now: 5)))
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
