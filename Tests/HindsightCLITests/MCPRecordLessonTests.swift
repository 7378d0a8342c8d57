import Foundation
import HindsightTestSupport
import Testing

/// `record_lesson` through the real MCP client: off (not listed, and a call says how to turn it on)
/// unless `lessons.mcpWrites` or `--allow-lesson-writes` says otherwise; on, it writes exactly one
/// new lesson file, validated as `hindsight lesson add` validates it, and refuses anything else with
/// nothing written anywhere.
@Suite struct MCPRecordLessonTests {
    /// src/cache.c and src/parser.c committed on day 0, mined, and a folder outside the repository.
    static func repository(config: String? = nil) throws -> (FixtureRepository, outside: URL) {
        let repo = try LessonCommandTests.repository()
        if let config { try repo.write(".hindsight.yml", config) }
        try HindsightBinary.run(["mine", "-q"], in: repo.root, environment: repo.environment(day: 1))
            .requireSuccess("mine")
        let outside = repo.home.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        return (repo, outside)
    }

    static var lesson: [String: Any] {
        [
            "kind": "tried", "paths": ["src/cache.c"], "text": "An LRU cache of parsed trees",
            "outcome": "no faster: most trees are read once", "evidence": ["1a2b3c4d"], "author": "Claude Code",
            "expires": "2021-06-01",
        ]
    }

    static func toolNames(_ result: [String: Any]) -> [String] {
        (result["tools"] as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []
    }

    /// Every file and symbolic link below `root` (not `.git`), with its bytes or its target.
    static func listing(_ root: URL) throws -> [String: Data] {
        var found: [String: Data] = [:]
        func walk(_ directory: URL, _ prefix: String) throws {
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name != ".git" {
                let url = directory.appendingPathComponent(name)
                let type = try FileManager.default.attributesOfItem(atPath: url.path)[.type] as? FileAttributeType
                if type == .typeSymbolicLink {
                    found[prefix + name] = Data(
                        try FileManager.default.destinationOfSymbolicLink(atPath: url.path).utf8)
                } else if type == .typeDirectory {
                    found[prefix + name + "/"] = Data()
                    try walk(url, prefix + name + "/")
                } else {
                    found[prefix + name] = try Data(contentsOf: url)
                }
            }
        }
        try walk(root, "")
        return found
    }

    @Test(arguments: [nil, "lessons:\n  mcpWrites: false\n"])
    func offUnlessEnabledAndACallSaysHowToTurnItOn(config: String?) throws {
        let (repo, _) = try Self.repository(config: config)
        let before = try Self.listing(repo.root)
        let output = try MCPServerTests.session(
            repo, [["op": "list_tools"], MCPServerTests.call("record_lesson", Self.lesson)])
        let results = try #require(output["results"] as? [[String: Any]])
        #expect(!Self.toolNames(results[0]).contains("record_lesson"))
        #expect(Self.toolNames(results[0]).contains("what_was_tried"))
        #expect(results[1]["isError"] as? Bool == true)
        let message = MCPServerTests.text(results[1])
        #expect(message.hasPrefix("record_lesson is off: this server writes no files"), "\(message)")
        #expect(message.contains("mcpWrites: true") && message.contains("--allow-lesson-writes"), "\(message)")
        #expect(try Self.listing(repo.root) == before)
        let instructions = (output["initialize"] as? [String: Any])?["instructions"] as? String
        #expect(instructions?.contains("record_lesson") == false)
    }

    @Test(arguments: [(true, false), (false, true)])
    func enabledByConfigOrFlagItWritesOneNewLessonFile(byConfig: Bool, byFlag: Bool) throws {
        let (repo, _) = try Self.repository(config: byConfig ? "lessons:\n  mcpWrites: true\n" : nil)
        let before = try Self.listing(repo.root)
        let output = try MCPServerTests.session(
            repo, [["op": "list_tools"], MCPServerTests.call("record_lesson", Self.lesson)],
            arguments: byFlag ? ["--allow-lesson-writes"] : [])
        let results = try #require(output["results"] as? [[String: Any]])
        let tool = try #require(
            (results[0]["tools"] as? [[String: Any]])?.first { $0["name"] as? String == "record_lesson" })
        #expect((tool["annotations"] as? [String: Any])?["readOnlyHint"] as? Bool == false)
        let schema = try #require(tool["inputSchema"] as? [String: Any])
        #expect(schema["required"] as? [String] == ["kind", "text"])
        #expect(
            ((schema["properties"] as? [String: Any])?["kind"] as? [String: Any])?["enum"] as? [String] == [
                "tried", "avoid", "convention", "note",
            ])
        #expect(results[1]["isError"] as? Bool == false, "\(MCPServerTests.text(results[1]))")
        let answer = try #require(results[1]["structuredContent"] as? [String: Any])
        let path = try #require(answer["path"] as? String)
        #expect(path.hasPrefix(".hindsight/lessons/ls-") && path.hasSuffix(".md"), "\(path)")
        #expect(MCPServerTests.text(results[1]).contains("Commit it with your change (git add \(path))"))

        // Exactly one new file (and the folders it needs), nothing else changed.
        var after = try Self.listing(repo.root)
        let written = after.removeValue(forKey: path)
        try #require(written != nil, "no file at \(path)")
        #expect(after.removeValue(forKey: ".hindsight/lessons/") != nil)
        #expect(after.removeValue(forKey: ".hindsight/") != nil)
        #expect(after == before)
        let file = String(decoding: written ?? Data(), as: UTF8.self)
        for line in [
            "kind: tried", "  - src/cache.c", "author: Claude Code", "by: agent", "created: \"2021-01-04T00:00:00Z\"",
            "head: \"\(try repo.head())\"", "expires: \"2021-06-01\"", "  - \"1a2b3c4d\"",
        ] {
            #expect(file.contains(line + "\n"), "missing \(line) in\n\(file)")
        }

        // `hindsight lesson list` reads it like any other.
        let list = try LessonCommandTests.hindsight(repo, ["lesson", "list", "--format", "json"])
        let lessons = try #require(try JSONSerialization.jsonObject(with: list.standardOutput) as? [[String: Any]])
        #expect(lessons.compactMap { $0["file"] as? String } == [path])
        #expect(lessons.first?["text"] as? String == "An LRU cache of parsed trees")
        #expect(lessons.first?["byAgent"] as? Bool == true)
    }

    /// Traversal, hostile or oversized text, a bad kind: each refused, naming the field, nothing written.
    @Test func badLessonsAreRefusedAndNothingIsWrittenAnywhere() throws {
        let (repo, outside) = try Self.repository()
        let before = try Self.listing(repo.root)
        func with(_ changes: [String: Any]) -> [String: Any] { Self.lesson.merging(changes) { $1 } }
        let cases: [([String: Any], String)] = [
            (
                with(["paths": ["../outside/x.c"]]),
                "invalid lesson: paths[0]: '../outside/x.c' has an empty, `.` or `..` component"
            ),
            (with(["paths": ["src/a/../../../x"]]), "invalid lesson: paths[0]: 'src/a/../../../x' has an empty"),
            (with(["paths": [outside.path]]), "invalid lesson: paths[0]: '\(outside.path.prefix(40))"),
            (with(["paths": ["src/\u{0}x"]]), "paths[0] contains a NUL byte."),
            (with(["paths": "src/cache.c"]), "paths must be an array of strings (got a string)."),
            (with(["paths": (0...20).map { "src/\($0).c" }]), "paths has 21 items; the cap is 20."),
            (with(["id": "../../outside/ls-00000000"]), #"record_lesson has no argument "id"; it takes kind, paths,"#),
            (
                with(["kind": "maybe"]),
                "invalid lesson: kind: 'maybe' is not a kind; use tried, avoid, convention or note"
            ),
            (
                with(["kind": "tried", "paths": []]),
                "invalid lesson: paths: a tried lesson needs the paths it is about"
            ),
            (with(["text": String(repeating: "x", count: 100_000)]), "text is 100000 bytes; the cap is 8000 bytes."),
            (
                with(["text": String(repeating: "x", count: 2_001)]),
                "invalid lesson: text: 2001 characters, at most 2000"
            ),
            (with(["text": "bell \u{07}"]), "invalid lesson: text: holds the invisible or control character U+0007"),
            (
                with(["text": "right-to-left \u{202E}override"]),
                "invalid lesson: text: holds the invisible or control character U+202E"
            ),
            (
                with(["author": "Eve\nSigned-off-by: Mallory"]),
                "invalid lesson: author: holds the invisible or control character U+000A"
            ),
            (
                with(["evidence": ["javascript:alert(1)"]]),
                "invalid lesson: evidence[0]: 'javascript:alert(1)' is neither"
            ),
            (with(["expires": "2001-01-01"]), "invalid lesson: expires: 2001-01-01 has passed"),
        ]
        let output = try MCPServerTests.session(
            repo, cases.map { MCPServerTests.call("record_lesson", $0.0) }, arguments: ["--allow-lesson-writes"])
        let results = try #require(output["results"] as? [[String: Any]])
        #expect(results.count == cases.count)
        for (result, (_, message)) in zip(results, cases) {
            #expect(result["isError"] as? Bool == true, "\(message)")
            #expect(MCPServerTests.text(result).hasPrefix(message), "\(MCPServerTests.text(result))")
        }
        #expect(try Self.listing(repo.root) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
    }

    @Test(arguments: [".hindsight", ".hindsight/lessons"])
    func aSymlinkedLessonsFolderIsRefusedAndNothingLandsOutside(link: String) throws {
        let (repo, outside) = try Self.repository()
        if link == ".hindsight/lessons" {
            try FileManager.default.createDirectory(
                at: repo.root.appendingPathComponent(".hindsight"), withIntermediateDirectories: true)
        }
        try FileManager.default.createSymbolicLink(
            at: repo.root.appendingPathComponent(link), withDestinationURL: outside)
        let before = try Self.listing(repo.root)
        let output = try MCPServerTests.session(
            repo, [MCPServerTests.call("record_lesson", Self.lesson)], arguments: ["--allow-lesson-writes"])
        let results = try #require(output["results"] as? [[String: Any]])
        #expect(results.first?["isError"] as? Bool == true)
        #expect(
            MCPServerTests.text(results.first ?? [:])
                == "cannot write lessons: \(link) is a symbolic link or not a directory. Make it a plain directory inside the repository."
        )
        #expect(try Self.listing(repo.root) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
    }

    /// A lesson recorded mid-session is in the answers of the calls after it.
    @Test func aLessonRecordedInTheSessionIsAnsweredByLaterCalls() throws {
        let (repo, _) = try Self.repository()
        let call = MCPServerTests.call
        let output = try MCPServerTests.session(
            repo,
            [
                call("what_was_tried", ["path": "src/cache.c"]),
                call("record_lesson", Self.lesson),
                call("what_was_tried", ["path": "src/cache.c"]),
                call("file_stability", ["path": "src/cache.c"]),
                call("what_was_tried", ["path": "src/parser.c"]),
            ],
            arguments: ["--allow-lesson-writes"])
        let results = try #require(output["results"] as? [[String: Any]])
        #expect(results.allSatisfy { $0["isError"] as? Bool == false }, "\(results.map(MCPServerTests.text))")
        let recorded = try #require(
            ((results[1]["structuredContent"] as? [String: Any])?["lesson"] as? [String: Any])?["id"] as? String)
        #expect(MCPLessonAnswersTests.lessonIDs(results[0]) == [])
        #expect(MCPLessonAnswersTests.lessonIDs(results[2]) == [recorded])
        #expect(MCPLessonAnswersTests.lessonIDs(results[3]) == [recorded])
        #expect(MCPLessonAnswersTests.lessonIDs(results[4]) == [], "another path's answer")
        #expect(
            MCPServerTests.text(results[2]).contains(
                #"- \#(recorded) tried about "src/cache.c" by "Claude Code" (an agent) on 2021-01-04: "An LRU cache of parsed trees""#
            ), "\(MCPServerTests.text(results[2]))")
    }
}
