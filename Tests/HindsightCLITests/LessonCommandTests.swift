import Foundation
import HindsightTestSupport
import Testing

/// End-to-end `hindsight lesson`: add, list, show and retire through the CLI; bad input refused
/// field by field with nothing written; writes confined to `.hindsight/lessons/`; branches that both
/// add lessons merge cleanly; trailers read from history.
@Suite struct LessonCommandTests {
    /// src/cache.c and src/parser.c, each committed once.
    static func repository() throws -> FixtureRepository {
        let repo = try FixtureRepository()
        try repo.write("src/cache.c", "int cache(void) { return 0; }\n")
        try repo.write("src/parser.c", "int parse(void) { return 0; }\n")
        try repo.commit("feat: cache and parser", day: 0)
        return repo
    }

    static func hindsight(
        _ repo: FixtureRepository, _ arguments: [String], input: Data? = nil, day: Int = 10
    ) throws
        -> ProcessResult
    {
        try ProcessRunner.run(
            HindsightBinary.url.path, arguments, in: repo.root, environment: repo.environment(day: day), input: input)
    }

    static func add(_ repo: FixtureRepository, _ arguments: [String]) throws -> String {
        let result = try hindsight(repo, ["lesson", "add"] + arguments)
        #expect(result.status == 0, "\(result.error)")
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func untracked(_ repo: FixtureRepository) throws -> [String] {
        try repo.gitText(["status", "--porcelain", "-uall"]).split(separator: "\n").map(String.init)
    }

    @Test func addWritesOneFileThatListShowAndRetireRead() throws {
        let repo = try Self.repository()
        let path = try Self.add(
            repo,
            [
                "--kind", "tried", "--path", "src/cache.c", "--text", "An LRU cache of parsed trees", "--outcome",
                "no faster: most trees are read once", "--evidence", "1a2b3c4d", "--author", "Claude Code", "--agent",
                "--expires", "2999-01-01",
            ])
        #expect(path.hasPrefix(".hindsight/lessons/ls-") && path.hasSuffix(".md"), "\(path)")
        #expect(try Self.untracked(repo) == ["?? \(path)"])
        let file = try String(contentsOf: repo.root.appendingPathComponent(path), encoding: .utf8)
        let id = String(path.dropFirst(".hindsight/lessons/".count).dropLast(3))
        for line in [
            "id: \(id)", "kind: tried", "  - src/cache.c", "outcome: \"no faster: most trees are read once\"",
            "  - \"1a2b3c4d\"", "author: Claude Code", "by: agent", "expires: \"2999-01-01\"", "status: active",
            "head: \"\(try repo.head())\"",
        ] {
            #expect(file.contains(line + "\n"), "missing \(line) in\n\(file)")
        }
        #expect(file.hasSuffix("---\n\nAn LRU cache of parsed trees\n"))

        let list = try Self.hindsight(repo, ["lesson", "list"])
        #expect(list.status == 0, "\(list.error)")
        #expect(list.output.contains("\(id)  tried  src/cache.c  "), "\(list.output)")
        #expect(list.output.contains("Claude Code (agent)  [active]"), "\(list.output)")
        #expect(try Self.hindsight(repo, ["lesson", "list", "--path", "src/parser.c"]).output.isEmpty)
        #expect(try Self.hindsight(repo, ["lesson", "list", "--path", "src"]).output.contains(id))
        #expect(try Self.hindsight(repo, ["lesson", "list", "--kind", "avoid"]).output.isEmpty)

        let show = try Self.hindsight(repo, ["lesson", "show", String(id.prefix(6))])
        #expect(show.output.contains("outcome:   no faster: most trees are read once"), "\(show.output)")
        #expect(show.output.contains("evidence:  1a2b3c4d"))

        let retire = try Self.hindsight(repo, ["lesson", "retire", id, "--reason", "the tree reader changed"])
        #expect(retire.status == 0, "\(retire.error)")
        #expect(retire.output == "\(path)\n")
        let retired = try String(contentsOf: repo.root.appendingPathComponent(path), encoding: .utf8)
        #expect(retired.contains("status: retired\n") && retired.contains("retiredReason: the tree reader changed\n"))
        #expect(retired.hasSuffix("An LRU cache of parsed trees\n"), "the text stays")
        #expect(try Self.hindsight(repo, ["lesson", "list"]).output.isEmpty)
        #expect(try Self.hindsight(repo, ["lesson", "list", "--status", "retired"]).output.contains(id))
        let again = try Self.hindsight(repo, ["lesson", "retire", id, "--reason", "twice"])
        #expect(again.status == 2 && again.error.contains("already"), "\(again.error)")
    }

    @Test func standardInputTakesTheFilesFormatAndFlagsWin() throws {
        let repo = try Self.repository()
        let input = Data(
            "---\nkind: avoid\npaths: [src/parser.c]\noutcome: the C API changed\nauthor: Grace\n---\nDo not bump zlib.\n"
                .utf8)
        let result = try Self.hindsight(repo, ["lesson", "add", "--stdin", "--author", "Ada"], input: input)
        #expect(result.status == 0, "\(result.error)")
        let file = try String(
            contentsOf: repo.root.appendingPathComponent(result.output.trimmingCharacters(in: .whitespacesAndNewlines)),
            encoding: .utf8)
        #expect(file.contains("kind: avoid\n") && file.contains("author: Ada\n") && file.contains("by: person\n"))
        #expect(file.hasSuffix("\nDo not bump zlib.\n"), "\(file)")
        let plain = try Self.hindsight(
            repo, ["lesson", "add", "--stdin", "--kind", "note", "--path", "src/"], input: Data("Just the text\n".utf8))
        #expect(plain.status == 0, "\(plain.error)")
        #expect(try Self.hindsight(repo, ["lesson", "list", "--kind", "note"]).output.contains("Just the text"))
    }

    @Test(arguments: [
        (["--kind", "tried", "--text", "x"], "paths:"),
        (["--kind", "tried", "--path", "../outside.c", "--text", "x"], "paths[0]:"),
        (["--kind", "tried", "--path", "/etc/passwd", "--text", "x"], "paths[0]:"),
        (["--kind", "tried", "--path", "src/a/../../b", "--text", "x"], "paths[0]:"),
        (["--kind", "maybe", "--path", "src/", "--text", "x"], "kind:"),
        (["--kind", "note", "--path", "src/", "--text", "right-to-left \u{202E}override"], "text:"),
        (["--kind", "note", "--path", "src/", "--text", "bell \u{07}"], "text:"),
        (["--kind", "note", "--path", "src/", "--text", String(repeating: "x", count: 2_001)], "text:"),
        (["--kind", "note", "--path", "src/", "--text", "x", "--evidence", "javascript:alert(1)"], "evidence[0]:"),
        (["--kind", "note", "--path", "src/", "--text", "x", "--expires", "2001-01-01"], "expires:"),
        (["--kind", "note", "--path", "src/", "--text", "x", "--expires", "next week"], "expires:"),
        (["--kind", "note", "--path", "src/", "--text", "  "], "text:"),
    ])
    func badInputNamesTheFieldAndWritesNothing(arguments: [String], field: String) throws {
        let repo = try Self.repository()
        let result = try Self.hindsight(repo, ["lesson", "add"] + arguments)
        #expect(result.status == 2, "\(result.output)")
        #expect(result.error.contains("invalid lesson: \(field)"), "\(result.error)")
        #expect(result.error.split(separator: "\n").count == 1, "one line: \(result.error)")
        #expect(!FileManager.default.fileExists(atPath: repo.root.appendingPathComponent(".hindsight").path))
    }

    @Test(arguments: [".hindsight", ".hindsight/lessons"])
    func aSymlinkedLessonsFolderIsRefusedAndNothingLandsOutside(link: String) throws {
        let repo = try Self.repository()
        let outside = repo.home.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        if link == ".hindsight/lessons" {
            try FileManager.default.createDirectory(
                at: repo.root.appendingPathComponent(".hindsight"), withIntermediateDirectories: true)
        }
        try FileManager.default.createSymbolicLink(
            at: repo.root.appendingPathComponent(link), withDestinationURL: outside)
        let result = try Self.hindsight(repo, ["lesson", "add", "--kind", "note", "--path", "src/", "--text", "x"])
        #expect(result.status == 2)
        #expect(result.error.contains("\(link) is a symbolic link"), "\(result.error)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
    }

    @Test func aSymlinkedLessonFileIsNotReadAndSaysSo() throws {
        let repo = try Self.repository()
        _ = try Self.add(repo, ["--kind", "note", "--path", "src/", "--text", "kept"])
        let secret = repo.home.appendingPathComponent("secret.md")
        try Data("---\nid: ls-99999999\n---\nsecret\n".utf8).write(to: secret)
        try FileManager.default.createSymbolicLink(
            at: repo.root.appendingPathComponent(".hindsight/lessons/ls-99999999.md"), withDestinationURL: secret)
        let list = try Self.hindsight(repo, ["lesson", "list"])
        #expect(list.output.contains("kept") && !list.output.contains("secret"), "\(list.output)")
        #expect(list.error.contains("ls-99999999.md: file: a symbolic link"), "\(list.error)")
    }

    @Test func lessonsAddedOnTwoBranchesMergeWithoutConflict() throws {
        let repo = try Self.repository()
        try repo.git(["checkout", "-q", "-b", "left"])
        _ = try Self.add(repo, ["--kind", "tried", "--path", "src/cache.c", "--text", "left's attempt"])
        try repo.commit("docs: record left's lesson", day: 1)
        try repo.git(["checkout", "-q", "main"])
        try repo.git(["checkout", "-q", "-b", "right"])
        _ = try Self.add(repo, ["--kind", "avoid", "--path", "src/cache.c", "--text", "right's warning"])
        try repo.commit("docs: record right's lesson", day: 2)
        try repo.git(["merge", "-q", "--no-edit", "left"], day: 3)
        let list = try Self.hindsight(repo, ["lesson", "list"])
        #expect(list.output.contains("left's attempt") && list.output.contains("right's warning"), "\(list.output)")
        #expect(try repo.gitText(["ls-files", ".hindsight/lessons"]).split(separator: "\n").count == 2)
    }

    @Test func trailersAreLessonsTiedToTheirCommit() throws {
        let repo = try Self.repository()
        try repo.write("src/cache.c", "int cache(void) { return 1; }\n")
        let commit = try repo.commit(
            "perf: read trees once\n\nBody.\n\nTried: an mmap of the pack; slower on NFS\nLesson: avoid: bumping zlib here\nSigned-off-by: Ada <ada@example.com>",
            day: 1)
        #expect(try Self.hindsight(repo, ["mine", "--quiet"]).status == 0)
        let json = try Self.hindsight(repo, ["lesson", "list", "--format", "json"])
        let lessons = try #require(
            try JSONSerialization.jsonObject(with: json.standardOutput) as? [[String: Any]], "\(json.output)")
        let byID = Dictionary(uniqueKeysWithValues: lessons.map { ($0["id"] as? String ?? "", $0) })
        let tried = try #require(byID["ls-\(commit.prefix(10))-1"], "\(byID.keys)")
        #expect(tried["kind"] as? String == "tried")
        #expect(tried["text"] as? String == "an mmap of the pack; slower on NFS")
        #expect(tried["paths"] as? [String] == ["src/cache.c"])
        #expect(tried["commit"] as? String == commit)
        #expect(tried["author"] as? String == "Ada Lovelace")
        let avoid = try #require(byID["ls-\(commit.prefix(10))-2"])
        #expect(avoid["kind"] as? String == "avoid" && avoid["text"] as? String == "bumping zlib here")
        #expect(lessons.count == 2, "Signed-off-by is no lesson")
        // Retiring a trailer's lesson writes the file that records it.
        let retire = try Self.hindsight(
            repo, ["lesson", "retire", "ls-\(commit.prefix(10))-2", "--reason", "zlib is vendored now"])
        #expect(retire.status == 0, "\(retire.error)")
        #expect(try Self.untracked(repo) == ["?? .hindsight/lessons/ls-\(commit.prefix(10))-2.md"])
        #expect(!(try Self.hindsight(repo, ["lesson", "list"]).output.contains("bumping zlib")))
    }

    @Test func aLessonGoesStaleAfterChangesAndGoneWhenItsPathsAre() throws {
        let repo = try Self.repository()
        try repo.write(".hindsight.yml", "lessons:\n  staleCommits: 2\n  staleLines: 0\n")
        try repo.commit("chore: configure", day: 1)
        let cache = try Self.add(repo, ["--kind", "tried", "--path", "src/cache.c", "--text", "an LRU"])
        _ = try Self.add(repo, ["--kind", "avoid", "--path", "src/parser.c", "--text", "regexes"])
        try repo.commit("docs: lessons", day: 2)
        for step in 1...2 {
            try repo.write("src/cache.c", "int cache(void) { return \(step); }\n")
            try repo.commit("perf: cache step \(step)", day: 2 + step)
        }
        try repo.remove("src/parser.c")
        try repo.commit("refactor: drop the parser", day: 5)
        #expect(try Self.hindsight(repo, ["mine", "--quiet"]).status == 0)
        let list = try Self.hindsight(repo, ["lesson", "list"])
        #expect(
            list.output.contains("[may be stale — 2 commits and 4 changed lines in its paths since]"), "\(list.output)")
        #expect(list.output.contains("[gone: no file at HEAD matches its paths]"), "\(list.output)")
        let stale = try Self.hindsight(repo, ["lesson", "list", "--stale"])
        #expect(stale.output.split(separator: "\n").count == 4, "\(stale.output)")
        #expect(cache.contains("ls-"))
        let active = try Self.hindsight(repo, ["lesson", "list", "--status", "active"])
        #expect(active.output.isEmpty, "\(active.output)")
    }

    @Test func anInvalidLessonFileIsNamedWithItsLineAndTheRestStillRead() throws {
        let repo = try Self.repository()
        _ = try Self.add(repo, ["--kind", "note", "--path", "src/", "--text", "fine"])
        try repo.write(
            ".hindsight/lessons/ls-0badf11e.md",
            "---\nid: ls-0badf11e\nkind: someday\ncreated: 2026-01-01T00:00:00Z\n---\ntext\n")
        let list = try Self.hindsight(repo, ["lesson", "list"])
        #expect(list.status == 0)
        #expect(list.output.contains("fine"))
        #expect(
            list.error.contains(
                "invalid lesson file .hindsight/lessons/ls-0badf11e.md:3: kind: 'someday' is not a kind"),
            "\(list.error)")
    }

    /// Commits since a lesson's HEAD are what `git rev-list --no-merges HEAD ^head -- paths` lists:
    /// a branch started before the lesson and merged after it counts, the lesson's own history does not.
    @Test func commitsSinceTheLessonMatchGitRevList() throws {
        let repo = try Self.repository()
        try repo.git(["checkout", "-q", "-b", "topic"])
        try repo.write("src/cache.c", "int cache(void) { return 7; }\n")
        try repo.commit("perf: topic work on the cache", day: 1)
        try repo.git(["checkout", "-q", "main"])
        try repo.write("src/parser.c", "int parse(void) { return 1; }\n")
        try repo.commit("feat: parser", day: 2)
        let head = try repo.head()
        let path = try Self.add(repo, ["--kind", "tried", "--path", "src/", "--text", "a lesson on main"])
        try repo.git(["merge", "-q", "--no-edit", "topic"], day: 3)
        try repo.write("src/cache.c", "int cache(void) { return 8; }\nint more(void);\n")
        try repo.commit("feat: more cache", day: 4)
        #expect(try Self.hindsight(repo, ["mine", "--quiet"]).status == 0)
        let json = try Self.hindsight(
            repo, ["lesson", "show", String(path.dropFirst(19).dropLast(3)), "--format", "json"])
        let lesson = try #require(try JSONSerialization.jsonObject(with: json.standardOutput) as? [String: Any])
        let oracle = try repo.gitText(["rev-list", "--count", "--no-merges", "HEAD", "^\(head)", "--", "src/"])
        let lines = try repo.gitText(["log", "--no-merges", "--format=", "--numstat", "HEAD", "^\(head)", "--", "src/"])
            .split(separator: "\n").compactMap { line -> Int? in
                let fields = line.split(separator: "\t")
                return fields.count == 3 ? (Int(fields[0]) ?? 0) + (Int(fields[1]) ?? 0) : nil
            }.reduce(0, +)
        #expect(lesson["commitsSince"] as? Int == Int(oracle.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(lesson["commitsSince"] as? Int == 2, "the topic commit and the one after the merge")
        #expect(lesson["linesSince"] as? Int == lines)
    }
}
