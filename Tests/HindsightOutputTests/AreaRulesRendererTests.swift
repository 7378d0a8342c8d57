import HindsightCore
import Testing

@testable import HindsightOutput

/// Per-area rule files: which areas get one, their names, globs and sections, and their budget.
@Suite struct AreaRulesRendererTests {
    static let head = CommitID(trustedHex: "89abcdef0123456789abcdef0123456789abcdef")
    static let latest = CommitRef(id: head, time: 1_700_000_000, subject: "feat: x", author: "Ada")

    static func stable(_ path: String) -> StableArea {
        StableArea(path: RepoPath(path), isDirectory: false, files: 1, daysUnchanged: 300, lastChange: nil)
    }

    static func coupled(_ path: String, _ partner: String) -> CoChangeList {
        CoChangeList(
            path: RepoPath(path), commits: 10,
            partners: [CouplingPartner(path: RepoPath(partner), degree: 80, shared: 8, partnerCommits: 10)])
    }

    @Test func settledOrBusyAloneGetsNoFileAndSlugsThatSanitiseAlikeStayDistinct() {
        let busy = AgentContext(
            head: Self.head, stableAreas: [Self.stable("web/a.js")],
            activeAreas: [
                ActiveArea(directory: RepoPath("web"), commits: 9, days: 30, authors: [], latest: Self.latest)
            ])
        let areas = [
            ContextArea(
                directory: RepoPath("src/io"),
                facts: AgentContext(
                    head: Self.head, coChanges: [Self.coupled("src/io/a.c", "src/io/a.h")],
                    stableAreas: [Self.stable("src/io/b.c")])),
            ContextArea(
                directory: RepoPath("src-io"),
                facts: AgentContext(head: Self.head, coChanges: [Self.coupled("src-io/b.c", "src-io/b.h")])),
            ContextArea(directory: RepoPath("web"), facts: busy),
        ]
        let files = AreaRulesRenderer().render(areas)
        #expect(files.map(\.slug) == ["src-io", "src-io-2"])
        #expect(files.map(\.globs) == [["src/io/**"], ["src-io/**"]])
        #expect(files.first?.head == Self.head.hex)
        #expect(
            files.first?.body == "# History of src/io/\n\n## Change together\n\n"
                + "- When you change `src/io/a.c`, also check `src/io/a.h` (8 of 10 commits).\n\n"
                + "## Settled: leave alone without a reason\n\n- `src/io/b.c`: unchanged for 300 days.\n")
    }

    @Test func theRootAreaScopesToItsOwnFilesWithGlobCharactersEscaped() {
        let files = AreaRulesRenderer().render([
            ContextArea(
                directory: RepoPath(""),
                facts: AgentContext(head: Self.head, coChanges: [Self.coupled("a[1]*.txt", "b.txt")]),
                rootFiles: [RepoPath("a[1]*.txt")])
        ])
        #expect(files.map(\.slug) == ["root"])
        #expect(files.first?.globs == ["a\\[1\\]\\*.txt"])
        #expect(
            files.first?.description == "What history teaches about the repository root: files that change together")
    }

    @Test func eachFileKeepsToItsBudgetInEveryFormatAndSaysWhatWasCut() {
        var facts = AgentContext(head: Self.head)
        facts.coChanges = (0..<80).map { Self.coupled("lib/f\($0).c", "lib/f\($0).h") }
        facts.conventions = [.testLocation(source: RepoPath("lib"), tests: RepoPath("tests/lib"), pairs: 4)]
        let area = ContextArea(directory: RepoPath("lib"), facts: facts)
        for budget in [150, 400, 1_000] {
            let content = try? #require(AreaRulesRenderer(budget: budget).render([area]).first)
            for format in ruleFileFormats {
                let text = content.map(format.render) ?? ""
                #expect(ContextBudget.tokens(text) <= budget, "\(format.target) at \(budget)")
            }
            let body = content?.body ?? ""
            let listed = body.split(separator: "\n").filter { $0.hasPrefix("- When you change") }.count
            #expect(listed > 0 && listed < 80)
            #expect(body.contains("(\(80 - listed) more facts left out to stay within \(budget) tokens"))
            #expect(
                body.hasPrefix("# History of lib/\n\n## Conventions\n\n- Tests for `lib/` live in"),
                "where the area's tests live comes first")
        }
    }

    /// git's root holds hundreds of files with facts: the root file globs only those its kept facts
    /// name, and pays for their globs within the budget.
    @Test func theRootFilesGlobsAreOnlyThoseItsKeptFactsNameWithinTheBudget() throws {
        let files = (0..<300).map { RepoPath("file\($0).c") }
        let facts = AgentContext(head: Self.head, coChanges: files.map { Self.coupled($0.string, "lib/\($0.string)") })
        let content = try #require(
            AreaRulesRenderer().render([ContextArea(directory: RepoPath(""), facts: facts, rootFiles: files)]).first)
        for format in ruleFileFormats {
            #expect(ContextBudget.tokens(format.render(content)) <= 400, "\(format.target)")
        }
        let listed = content.body.split(separator: "\n").filter { $0.hasPrefix("- When you change") }
        #expect(!listed.isEmpty && content.globs.count == listed.count)
        #expect(content.globs.allSatisfy { glob in listed.contains { $0.contains("`\(glob)`") } })
    }
}
