import Testing

@testable import HindsightCore

/// `check --new-only`: content findings the base side already had are left out; findings about the act
/// of changing a file never are.
@Suite struct NewOnlyTests {
    static let reintroduced = Guard(
        kind: "reintroduced-fix", severity: .warning, scope: [RepoPath("src/old.c")], match: "free(p);",
        message: "A line a fix removed is back.", action: "Keep it out.", evidence: [])
    static let pattern = Guard(
        kind: "recurring-pattern", severity: .error, scope: [], match: "strcpy(",
        message: "Fixes kept removing strcpy(.", action: "Use strlcpy(.", evidence: [])

    @Test(arguments: [
        ("a\nb\n", ["a", "b"]),
        ("a\r\nb", ["a", "b"]),
        ("a\n\nb\n\n", ["a", "", "b", ""]),
        ("", []),
        ("\n", [""]),
    ])
    func linesDropTheirEndingsButKeepBlankLines(text: String, expected: [String]) {
        #expect(ChangeSet.lines(of: text) == expected)
    }

    @Test func theBaselineReadsRenamedFilesUnderTheirOldPathAndSkipsAddedOnes() {
        let change = ChangeSet(
            description: "staged changes",
            files: [
                ChangedFile(status: .renamed, oldPath: RepoPath("src/old.c"), path: RepoPath("src/new.c")),
                ChangedFile(status: .added, path: RepoPath("src/added.c")),
                ChangedFile(status: .modified, path: RepoPath("src/binary.png"), isBinary: true),
            ])
        let baseline = change.baseline(baseTexts: [RepoPath("src/old.c"): "x\r\ny\n", RepoPath("src/added.c"): "z\n"])
        #expect(baseline.files.map(\.path) == [RepoPath("src/new.c")])
        #expect(baseline.files.first?.added == [DiffLine(number: 1, text: "x"), DiffLine(number: 2, text: "y")])
        #expect(baseline.description == "base of staged changes")
    }

    @Test func contentFindingsTheBaseHadAreCountedNotReported() {
        let change = ChangeSet(
            description: "staged changes",
            files: [
                ChangedFile(
                    status: .renamed, oldPath: RepoPath("src/old.c"), path: RepoPath("src/new.c"),
                    added: [
                        DiffLine(number: 4, text: "    free(p);"),
                        DiffLine(number: 7, text: "strcpy(a, b);"),
                        DiffLine(number: 9, text: "strcpy(c, d);"),
                    ])
            ])
        let base = change.baseline(baseTexts: [RepoPath("src/old.c"): "int x;\nfree(p);\n  strcpy(a,   b);\n"])
        let rules: [any GuardRule] = [GuardSetRule(guards: [Self.reintroduced, Self.pattern])]
        let context = GuardContext(files: [:], tip: nil)
        let everything = check(change, rules: rules, context: context)
        #expect(everything.findings.map(\.line) == [7, 9, 4])
        let fresh = check(change, rules: rules, context: context, baseline: base)
        #expect(fresh.findings.map(\.line) == [9])
        #expect(fresh.preexisting == 2)
        #expect(fresh.suppressed == 0)
    }

    @Test func changingAStableFileIsNewEvenWhenTheBaseHadIt() {
        let change = ChangeSet(
            description: "staged changes",
            files: [
                ChangedFile(
                    status: .modified, path: RepoPath("src/old.c"), added: [DiffLine(number: 1, text: "free(p);")])
            ])
        let base = change.baseline(baseTexts: [RepoPath("src/old.c"): "free(p);\n"])
        let always = AlwaysFires()
        let result = check(change, rules: [always], context: GuardContext(files: [:], tip: nil), baseline: base)
        #expect(result.findings.count == 1)
        #expect(result.preexisting == 0)
    }
}

/// A rule about the act of changing a file: one finding per changed file, whatever its lines.
private struct AlwaysFires: GuardRule {
    let kind = "stable-file"
    var descriptor: RuleDescriptor {
        RuleDescriptor(id: kind, kind: kind, summary: "test", help: "test", severity: .notice)
    }

    func findings(in change: ChangeSet, context: GuardContext) -> [Finding] {
        change.files.map { file in
            Finding(
                ruleID: kind, kind: kind, severity: .notice, path: file.path, line: file.added.first?.number,
                message: "changed", action: "look", suppression: "", fingerprint: "\(kind)|\(file.path.string)")
        }
    }
}
