import Testing

@testable import HindsightCore

@Suite struct ReintroducedFixTests {
    static let dangerous = "    buffer[length] = input[length];"
    static let note = "x = 1;"

    /// parser.c added, a fix removes one line (and a trivial one), then the file moves to src/.
    static func history() -> (SnapshotBuilder, [FixDiff]) {
        var history = SnapshotBuilder()
        history.commit("feat: parser", day: 0, changes: [(.added, "parser.c", 20, 0)])
        history.commit("fix: overflow in the parser", day: 1, changes: [(.modified, "parser.c", 1, 2)])
        history.commit("refactor: move", day: 2, changes: [(.renamed, "parser.c->src/parser.c", 0, 0)])
        let fix = FixDiff(
            commit: 1,
            change: ChangeSet(
                description: "commit 2",
                files: [
                    ChangedFile(
                        status: .modified, path: RepoPath("parser.c"),
                        added: [DiffLine(number: 7, text: "    memcpy(buffer, input, size);")],
                        removed: [DiffLine(number: 7, text: dangerous), DiffLine(number: 8, text: note)])
                ]))
        return (history, [fix])
    }

    @Test func aRemovedLineBecomesAGuardOnTheFilesCurrentPath() throws {
        let (history, fixes) = Self.history()
        let input = history.input(now: 3)
        let guards = reintroducedFixGuards(from: fixes, input: input) { _ in "int main(void) {}\n" }
        let item = try #require(guards.first)
        #expect(guards.count == 1)
        #expect(item.scope == [RepoPath("src/parser.c")])
        #expect(item.match == "buffer[length] = input[length];")
        #expect(
            item.action
                == "Removed by \(input.reference(1).shortID) 'fix: overflow in the parser': keep it out, or say why.")
        #expect(item.evidence.map(\.subject) == ["fix: overflow in the parser"])
        #expect(item.id == Guard.id(kind: "reintroduced-fix", scope: [RepoPath("src/parser.c")], match: item.match))
        #expect(item.status == .proposed && item.severity == .warning)
    }

    @Test func aLineThatCameBackOrWasReaddedIsNoGuard() {
        let (history, fixes) = Self.history()
        let input = history.input(now: 3)
        #expect(
            reintroducedFixGuards(from: fixes, input: input) { _ in "x\n  buffer[length]  =  input[length];\n" }.isEmpty
        )
        var moved = fixes
        moved[0].change.files[0].added.append(DiffLine(number: 9, text: Self.dangerous))
        #expect(reintroducedFixGuards(from: moved, input: input) { _ in "" }.isEmpty)
    }

    @Test func aRemovedCommentTeachesNothing() {
        let (history, fixes) = Self.history()
        var commented = fixes
        commented[0].change.files[0].removed = [
            "    // the length is checked by the caller", "# ensure the buffer is large enough here",
            "  * Callers must pass a terminated string.",
        ].enumerated().map { DiffLine(number: $0.offset + 7, text: $0.element) }
        #expect(reintroducedFixGuards(from: commented, input: history.input(now: 3)) { _ in "" }.isEmpty)
        commented[0].change.files[0].removed.append(DiffLine(number: 10, text: "#define BUFFER_LENGTH 16 + 1"))
        #expect(
            reintroducedFixGuards(from: commented, input: history.input(now: 3)) { _ in "" }.map(\.match) == [
                "#define BUFFER_LENGTH 16 + 1"
            ], "a preprocessor line is code")
    }

    @Test func aRewriteTeachesNothingPrecise() {
        let (history, fixes) = Self.history()
        var rewrite = fixes
        rewrite[0].change.files[0].removed += (10..<30).map {
            DiffLine(number: $0, text: "    rewritten_line_number(\($0));")
        }
        #expect(reintroducedFixGuards(from: rewrite, input: history.input(now: 3)) { _ in "" }.isEmpty)
        #expect(
            reintroducedFixGuards(from: rewrite, input: history.input(now: 3), maxRemovedLines: 30) { _ in "" }.count
                == 21)
    }

    @Test func aLineCommonAcrossFilesIsNoGuard() {
        var history = SnapshotBuilder()
        let names = ["a.c", "b.c", "c.c"]
        history.commit("feat: files", day: 0, changes: names.map { (.added, $0, 5, 0) })
        history.commit("fix: logging everywhere", day: 1, changes: names.map { (.modified, $0, 0, 1) })
        let common = "    log_debug(\"entering %s\", __func__);"
        let fix = FixDiff(
            commit: 1,
            change: ChangeSet(
                description: "x",
                files: names.map {
                    ChangedFile(status: .modified, path: RepoPath($0), removed: [DiffLine(number: 2, text: common)])
                }))
        #expect(reintroducedFixGuards(from: [fix], input: history.input(now: 2)) { _ in "" }.isEmpty)
        var twoFiles = fix
        twoFiles.change.files.removeLast()
        #expect(reintroducedFixGuards(from: [twoFiles], input: history.input(now: 2)) { _ in "" }.count == 2)
    }

    @Test func theRuleFlagsTheLineWhenItIsAddedAgain() throws {
        let (history, fixes) = Self.history()
        let input = history.input(now: 3)
        let guards = reintroducedFixGuards(from: fixes, input: input) { _ in "" }
        let rule = GuardSetRule(guards: guards)
        let change = ChangeSet(
            description: "staged changes",
            files: [
                ChangedFile(
                    status: .modified, path: RepoPath("src/parser.c"),
                    added: [
                        DiffLine(number: 3, text: "int ok = 0;"),
                        DiffLine(number: 4, text: "\tbuffer[length] = input[length];"),
                    ])
            ])
        let context = GuardContext(files: [:], tip: nil)
        let finding = try #require(rule.findings(in: change, context: context).first)
        #expect(finding.line == 4 && finding.ruleID == guards[0].id && finding.kind == "reintroduced-fix")
        #expect(
            finding.message
                == "A fix removed `buffer[length] = input[length];` from src/parser.c, and it had not come back.")
        let elsewhere = ChangeSet(
            description: "x",
            files: [ChangedFile(status: .modified, path: RepoPath("other.c"), added: change.files[0].added)])
        #expect(rule.findings(in: elsewhere, context: context).isEmpty)
        var muted = guards
        muted[0].status = .muted
        #expect(GuardSetRule(guards: muted).findings(in: change, context: context).isEmpty)
    }

    @Test(arguments: [
        ("}", false), ("return nil;", false), ("if (count > limit) return -1;", true), ("// ------------------", false),
    ])
    func onlyDistinctiveLinesCount(line: String, distinctive: Bool) {
        #expect(isDistinctive(normalizedLine(line)) == distinctive)
    }
    /// The byte-wise fast path agrees with splitting by Characters, on ASCII and on lines where
    /// combining marks, CRLF pairs and non-breaking spaces make Characters differ from bytes.
    @Test func normalizedLineAgreesWithCharacterSplitting() {
        let pieces = [" ", "  ", "\t", "\r", "\r\n", "a", "if", "(x)", "é", " \u{301}", "\u{00A0}", ";"]
        var generator = LineGenerator(state: 29)
        for _ in 0..<2_000 {
            let line = (0..<Int(generator.next() % 9)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }
                .joined()
            let expected = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
            #expect(normalizedLine(line) == expected, "\(Array(line.unicodeScalars))")
        }
        #expect(normalizedLine("\t return  nil ;\r") == "return nil ;")
        #expect(normalizedLine("already normal") == "already normal")
    }
}

private struct LineGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 33
    }
}
