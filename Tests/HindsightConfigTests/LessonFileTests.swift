import Foundation
import HindsightConfig
import HindsightCore
import Testing

/// The lesson file format: what `lesson add` writes reads back field for field, hostile text
/// included; errors name the field and its line.
@Suite struct LessonFileTests {
    static let lesson = Lesson(
        id: "ls-0a1b2c3d", kind: .avoid, paths: ["src/diff*.c", "include/git2/"],
        text: "Don't bump zlib: \"quoted\", a colon: here\n---\n# not a heading\n<!-- hindsight:end -->",
        outcome: "the C API changed: see #12", evidence: ["1e50", "https://example.com/issues/12?a=1&b=2"],
        author: "O'Brien: \"the\" reviewer", byAgent: true, created: 1_700_000_000,
        head: CommitID(trustedHex: String(repeating: "1", count: 40)), expires: 1_800_000_000 / 86_400 * 86_400,
        source: .file(".hindsight/lessons/ls-0a1b2c3d.md"))

    @Test func whatIsWrittenReadsBackFieldForField() throws {
        let text = LessonFile.render(Self.lesson)
        #expect(try LessonFile.parse(text, path: ".hindsight/lessons/ls-0a1b2c3d.md") == Self.lesson)
        #expect(text.contains("  - \"1e50\"\n"), "an id that YAML would read as a number stays text")
        var retired = Self.lesson
        retired.retirement = Lesson.Retirement(time: 1_750_000_000, reason: "zlib: vendored", by: "Grace")
        #expect(try LessonFile.parse(LessonFile.render(retired), path: ".hindsight/lessons/ls-0a1b2c3d.md") == retired)
    }

    @Test(arguments: [
        (
            "---\nid: ls-1\nkind: tried\ncreated: 2026-01-01T00:00:00Z\nwhen: now\n---\nx\n",
            "ls-1.md:5: when: unknown key"
        ),
        ("---\nid: ls-1\nkind: tried\ncreated: 2026-01-01T00:00:00Z\n---\nx\n", "ls-1.md: paths: a tried lesson needs"),
        (
            "---\nid: ls-1\nkind: note\ncreated: 2026-01-01\n---\nx\n",
            "ls-1.md:4: created: missing or not a UTC timestamp"
        ),
        (
            "---\nid: ls-1\nkind: note\ncreated: 2026-01-01T00:00:00Z\npaths:\n  - ../up\n---\nx\n",
            "ls-1.md:6: paths[0]:"
        ),
        (
            "---\nid: ls-1\nkind: note\ncreated: 2026-01-01T00:00:00Z\nauthor: Ada\nstatus: retired\n---\nx\n",
            "ls-1.md: retiredReason:"
        ),
        ("---\nid: ls-1\nkind: [note\n---\nx\n", "ls-1.md:4: front matter: not valid YAML"),
        ("no front matter\n", "ls-1.md:1: front matter:"),
    ])
    func errorsNameTheFieldAndLine(text: String, expected: String) {
        #expect(throws: LessonFileError.self) { try LessonFile.parse(text, path: "ls-1.md") }
        do {
            _ = try LessonFile.parse(text, path: "ls-1.md")
        } catch {
            #expect(error.description.contains(expected), "\(error.description)")
        }
    }

    @Test func anExpiryThatPassedStillReadsButCannotBeGivenAnew() throws {
        var draft = LessonDraft()
        draft.kind = "note"
        draft.text = "x"
        draft.author = "Ada"
        draft.expires = "2020-01-01"
        #expect(throws: LessonError.self) {
            try draft.validated(id: "ls-1", now: 1_700_000_000, head: nil, source: .file(""))
        }
        let lesson = try draft.validated(
            id: "ls-1", now: 1_700_000_000, head: nil, source: .file(""), expiryMayHavePassed: true)
        #expect(lesson.expires == CalendarDate.midnight(ofISODate: "2020-01-01"))
    }

    @Test func theStoreNeverOverwritesAndRetiresInPlace() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let store = LessonStore(workTree: root)
        var ids = ["ls-00000001", "ls-00000001", "ls-00000002"]
        let (first, path) = try store.add { _ in
            var lesson = Self.lesson
            lesson.id = ids.removeFirst()
            return lesson
        }
        #expect(first.id == "ls-00000001" && path == ".hindsight/lessons/ls-00000001.md")
        // The same id again: the store asks for another rather than overwrite.
        let (second, _) = try store.add { _ in
            var lesson = Self.lesson
            lesson.id = ids.removeFirst()
            return lesson
        }
        #expect(second.id == "ls-00000002")
        let loaded = store.load()
        #expect(loaded.problems.isEmpty && loaded.lessons.map(\.id) == ["ls-00000001", "ls-00000002"])
        let retiredPath = try store.retire(loaded.lessons[0], reason: "no longer true", by: "Ada", time: 1_750_000_000)
        #expect(retiredPath == path)
        #expect(store.load().lessons.first?.retirement?.reason == "no longer true")
        let leftovers = try FileManager.default.contentsOfDirectory(
            atPath: root.appendingPathComponent(".hindsight/lessons").path)
        #expect(leftovers.sorted() == ["ls-00000001.md", "ls-00000002.md"], "no temporary files left")
    }

    @Test func theLessonsSectionConfiguresStalenessAndMCPWrites() throws {
        let configuration = try HindsightConfiguration.parse(
            "lessons:\n  staleCommits: 5\n  staleLines: 0\n  mcpWrites: true\n", path: ".hindsight.yml")
        #expect(configuration.lessons.staleness == StalenessRule(commits: 5, lines: 0))
        #expect(configuration.lessons.mcpWrites)
        #expect(HindsightConfiguration().lessons.mcpWrites == false, "writes are off by default")
        #expect(throws: ConfigError.self) {
            try HindsightConfiguration.parse("lessons:\n  staleDays: 5\n", path: ".hindsight.yml")
        }
    }
}
