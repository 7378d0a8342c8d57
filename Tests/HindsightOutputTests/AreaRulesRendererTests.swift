import HindsightCore
import Testing

@testable import HindsightOutput

/// Per-area rule files: which areas get one, their names, globs and sections.
@Suite struct AreaRulesRendererTests {
    static let head = CommitID(trustedHex: "89abcdef0123456789abcdef0123456789abcdef")
    static let latest = CommitRef(id: head, time: 1_700_000_000, subject: "feat: x", author: "Ada")

    static func stable(_ path: String) -> AgentContext {
        AgentContext(
            head: head,
            stableAreas: [
                StableArea(path: RepoPath(path), isDirectory: false, files: 1, daysUnchanged: 300, lastChange: nil)
            ])
    }

    @Test func activityAloneGetsNoFileAndSlugsThatSanitiseAlikeStayDistinct() {
        let busy = AgentContext(
            head: Self.head,
            activeAreas: [
                ActiveArea(directory: RepoPath("web"), commits: 9, days: 30, authors: [], latest: Self.latest)
            ])
        let areas = [
            ContextArea(directory: RepoPath("src/io"), facts: Self.stable("src/io/a.c")),
            ContextArea(directory: RepoPath("src-io"), facts: Self.stable("src-io/b.c")),
            ContextArea(directory: RepoPath("web"), facts: busy),
        ]
        let files = AreaRulesRenderer().render(areas)
        #expect(files.map(\.slug) == ["src-io", "src-io-2"])
        #expect(files.map(\.globs) == [["src/io/**"], ["src-io/**"]])
        #expect(files.first?.head == Self.head.hex)
        #expect(
            files.first?.body.hasPrefix(
                "# History of src/io/\n\n## Settled: leave alone without a reason\n\n- `src/io/a.c`: unchanged for 300 days.\n"
            ) == true)
    }

    @Test func theRootAreaScopesToItsOwnFilesWithGlobCharactersEscaped() {
        let files = AreaRulesRenderer().render([
            ContextArea(directory: RepoPath(""), facts: Self.stable("a[1]*.txt"), rootFiles: [RepoPath("a[1]*.txt")])
        ])
        #expect(files.map(\.slug) == ["root"])
        #expect(files.first?.globs == ["a\\[1\\]\\*.txt"])
        #expect(files.first?.description == "What history teaches about the repository root: settled files")
    }

    @Test func longSectionsAreCutWithAPointer() {
        var facts = AgentContext(head: Self.head)
        facts.stableAreas = (0..<30).map {
            StableArea(
                path: RepoPath("lib/f\($0).c"), isDirectory: false, files: 1, daysUnchanged: 400, lastChange: nil)
        }
        let body =
            AreaRulesRenderer(limit: 25).render([ContextArea(directory: RepoPath("lib"), facts: facts)]).first?.body
            ?? ""
        #expect(body.split(separator: "\n").filter { $0.hasPrefix("- `lib/") }.count == 25)
        #expect(body.contains("- … and 5 more: run `hindsight report`."))
    }
}
