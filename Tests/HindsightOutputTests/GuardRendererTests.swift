import Foundation
import HindsightCore
import HindsightOutput
import Testing

/// The guard renderers: `guards kinds` (and the README's table of kinds), `guards list` and
/// `guards explain`, with untrusted text made safe.
@Suite struct GuardRendererTests {
    @Test func theReadmeListsEveryKindAsGuardsKindsPrintsIt() throws {
        let readme = try String(
            contentsOf: ExternalTool.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let table = GuardKindsRenderer.markdownTable(GuardKind.all)
        #expect(
            readme.contains(table),
            "README.md's table of guard kinds differs from `hindsight guards kinds --format markdown`:\n\(table)")
        #expect(table.split(separator: "\n").count == GuardKind.all.count + 2)
    }

    @Test func kindsShowEachExampleWithItsMessage() {
        let text = GuardKindsRenderer(format: .text).render(GuardKind.all)
        for kind in GuardKind.all {
            #expect(
                text.contains(
                    "\(kind.id)  (\(kind.source.rawValue), \(kind.defaultSeverity.rawValue), about \(kind.subject.rawValue))"
                ))
            for example in kind.examples {
                #expect(text.contains((example.fires ? "Flags: " : "Lets through: ") + example.title))
                if let message = example.message { #expect(text.contains("→ \(message)")) }
            }
        }
        #expect(text.contains(#"src/tree.c +41 \tfree(node->name);"#), "a tab in an example's line is shown escaped")
        let markdown = GuardKindsRenderer(format: .markdown).render(GuardKind.all)
        #expect(markdown.contains("### `co-change`\n"))
        #expect(markdown.contains("`check.severity.co-change` in `.hindsight.yml` sets it."))
    }

    static let hostile = Guard(
        kind: "reintroduced-fix", status: .muted, severity: .warning, scope: [RepoPath("src/\u{1B}[31mred.c")],
        match: "free(p);", message: "A fix removed `free(p);`\u{202E}", action: "Keep it out.",
        evidence: [
            CommitRef(
                id: CommitID(trustedHex: String(repeating: "a", count: 40)), time: 1_600_000_000,
                subject: "fix: \u{1B}[2Jclear", author: "Eve\u{7}")
        ],
        muteReason: "vetted\u{1B}]0;title\u{7}")

    @Test func listAndExplainEscapeHistorysText() throws {
        let set = GuardSet(guards: [Self.hostile])
        let list = GuardListRenderer(format: .text).render(
            set.guards, of: set, file: ".hindsight/guards.yml", exists: true)
        let explanation = GuardExplanationRenderer(file: ".hindsight/guards.yml").render(Self.hostile, record: nil)
        for text in [list, explanation] {
            #expect(!text.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{7}" || $0 == "\u{202E}" }, "\(text)")
        }
        #expect(
            list.hasSuffix(
                "1 guard: 0 proposed, 0 accepted, 1 muted.\n`hindsight guards explain ID` shows one guard and the commits behind it.\n"
            ))
        #expect(explanation.contains("Taught by 1 commit:\n  aaaaaaaaaa  2020-09-13  fix: "))
        #expect(explanation.contains("Muted (reason: vetted"))

        let json = GuardListRenderer(format: .json).render(
            set.guards, of: set, file: ".hindsight/guards.yml", exists: true)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(Array(parsed.keys).sorted() == ["backtest", "counts", "file", "guards", "schemaVersion"])
        let entry = try #require((parsed["guards"] as? [[String: Any]])?.first)
        #expect(
            entry["muteReason"] as? String == "vetted\u{1B}]0;title\u{7}",
            "JSON carries the text exactly, escaped as JSON")
        #expect((entry["scope"] as? [String]) == ["src/\u{1B}[31mred.c"])
        let missing = GuardListRenderer(format: .text).render(
            [], of: GuardSet(), file: ".hindsight/guards.yml", exists: false)
        #expect(
            missing
                == "No guards yet: .hindsight/guards.yml does not exist. Run `hindsight guards mine` to mine them from history.\n"
        )
    }
}
