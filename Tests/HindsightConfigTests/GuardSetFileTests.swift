import Foundation
import HindsightConfig
import HindsightCore
import Testing

@Suite struct GuardSetFileTests {
    static let commitA = CommitID(trustedHex: "0123456789abcdef0123456789abcdef01234567")
    static let commitB = CommitID(trustedHex: "89abcdef0123456789abcdef0123456789abcdef")
    static let day = Int64(1_600_041_600)  // 2020-09-14T00:00:00Z

    static func parserGuard(status: GuardStatus = .proposed, muteReason: String? = nil) -> Guard {
        Guard(
            kind: "reintroduced-fix", status: status, severity: .warning, scope: [RepoPath("src/parser.c")],
            match: "if (n == 0) return;", message: "A line a fix removed is back.",
            action: "Check it against the fix before committing.",
            evidence: [CommitRef(id: commitA, time: day, subject: "fix: parser crash", author: "Ada Lovelace")],
            muteReason: muteReason)
    }

    /// Strings that break naive YAML: quotes, `#`, `: `, indicators, leading and trailing spaces,
    /// line breaks, control characters, invisible marks, words YAML reads as other types, unicode.
    static let hostile = [
        "", " ", "  leading", "trailing  ", "'single'", "\"double\"", "it's", "# not a comment", "a # b", "key: value",
        "fix: crash", "a:b", "- dash", "? question", "[flow]", "{map}", "*alias", "&anchor", "!tag", "%directive",
        "@at", "`tick`", "|", ">", "yes", "No", "true", "null", "~", "NULL", "123", "0x1F", "1e3", ".inf", "-.5",
        "2024-01-31", "<<", "=", "line one\nline two", "trailing newline\n", "\n\nblank lines\n\n", "cr\rlf\r\n",
        "tab\there", "nul\u{0}byte", "escape \u{1B}[31mred\u{1B}[0m", "bell\u{7}", "del\u{7F}", "nel\u{85}x",
        "ls\u{2028}ps\u{2029}", "\u{FEFF}bom", "rtl \u{202E}txt.exe", "zero\u{200B}width", "back\\slash \\n",
        "Zoë Müller", "日本語のコミット", "emoji 🚀 and e\u{301}", "…", "a  double  space", "--- document", "...",
        String(repeating: "long line ", count: 40),
    ]

    @Test func hostileStringsRoundTripExactly() throws {
        var guards: [Guard] = []
        for (index, text) in Self.hostile.enumerated() {
            let evidence = CommitRef(
                id: index % 2 == 0 ? Self.commitA : Self.commitB, time: Self.day + Int64(index) * 86_400,
                subject: text, author: text)
            guards.append(
                Guard(
                    id: "hs-\(index)", kind: "reintroduced-fix", status: GuardStatus.allCases[index % 3],
                    severity: Severity.allCases[index % 3], scope: [RepoPath(text), RepoPath("src/\(text)")],
                    match: text,
                    message: text, action: text, evidence: [evidence], muteReason: index % 3 == 2 ? text : nil))
        }
        let nonUTF8 = Guard(
            kind: "reverted-change", severity: .notice, scope: [RepoPath(bytes: [0x73, 0x72, 0x63, 0x2f, 0xff, 0xfe])],
            match: "", message: "", action: "", evidence: [])
        let set = GuardSet(guards: guards + [nonUTF8])
        let text = GuardSetFile.render(set)
        let loaded = try GuardSetFile.parse(text, path: "guards.yml")
        for (original, read) in zip(set.guards, loaded.guards) where original != read {
            Issue.record("\(original.id) differs: \(read)")
        }
        #expect(loaded == set)
        #expect(GuardSetFile.render(loaded) == text)
    }

    @Test(arguments: hostile)
    func eachHostileStringRoundTripsAsAMessage(text: String) throws {
        var item = Self.parserGuard()
        item.message = text
        let loaded = try GuardSetFile.parse(GuardSetFile.render(GuardSet(guards: [item])), path: "guards.yml")
        #expect(loaded.guards.first?.message.unicodeScalars.map(\.value) == text.unicodeScalars.map(\.value))
    }

    @Test func renderIsDeterministicAndReadable() {
        let text = GuardSetFile.render(GuardSet(guards: [Self.parserGuard()]))
        let body = text.split(separator: "\n", omittingEmptySubsequences: false).drop {
            $0.hasPrefix("#") || $0.isEmpty
        }
        #expect(
            body.joined(separator: "\n") == """
                version: 1
                guards:
                  - id: \(Self.parserGuard().id)
                    kind: reintroduced-fix
                    status: proposed
                    severity: warning
                    scope:
                      - src/parser.c
                    match: if (n == 0) return;
                    message: A line a fix removed is back.
                    action: Check it against the fix before committing.
                    evidence:
                      - commit: 0123456789abcdef0123456789abcdef01234567
                        date: 2020-09-14
                        subject: "fix: parser crash"
                        author: Ada Lovelace

                """)
        #expect(
            text.hasPrefix(
                "# Hindsight guards: checks mined from this repository's history by `hindsight guards mine`.\n"))
        #expect(text.contains("hindsight guards mute ID --reason"))
        #expect(GuardSetFile.render(GuardSet(guards: [Self.parserGuard()])) == text)
        #expect(GuardSetFile.render(GuardSet()).hasSuffix("\nversion: 1\nguards: []\n"))
    }

    @Test func renderOfALoadedFileIsStable() throws {
        let set = GuardSet(guards: [
            Self.parserGuard(status: .muted, muteReason: "generated code: ignore"),
            Self.parserGuard(status: .accepted).withID("hs-b"),
        ])
        let once = GuardSetFile.render(set)
        let twice = GuardSetFile.render(try GuardSetFile.parse(once, path: "guards.yml"))
        #expect(once == twice)
        #expect(once.contains("    muteReason: \"generated code: ignore\"\n"))
    }

    @Test(arguments: [
        (
            "version: 1\nguards:\n  - id: hs-1\n    kind: k\n    severity: warning\n    match: x\n    message: m\n    action: a\n    colour: red\n",
            "unknown key 'guards[0].colour' in guards.yml:9"
        ),
        (
            "version: 1\nguards:\n  - id: hs-1\n    kind: k\n    status: acepted\n    severity: warning\n    match: x\n    message: m\n    action: a\n",
            "guards.yml:5 at 'guards[0].status': expected proposed, accepted or muted, got 'acepted'"
        ),
        (
            "guards:\n  - id: hs-1\n    kind: k\n    severity: fatal\n    match: x\n    message: m\n    action: a\n",
            "guards.yml:4 at 'guards[0].severity': expected error, warning or notice, got 'fatal'"
        ),
        (
            "guards:\n  - id: hs-1\n    kind: k\n    severity: error\n    match: x\n    action: a\n",
            "guards.yml:2 at 'guards[0]': missing 'message'"
        ),
        (
            "guards:\n  - id: hs-1\n    kind: k\n    severity: error\n    match: x\n    message: m\n    action: a\n    evidence:\n      - commit: abc\n        date: 2020-01-01\n",
            "guards.yml:9 at 'guards[0].evidence[0].commit': expected a full commit id"
        ),
        (
            "guards:\n  - id: hs-1\n    kind: k\n    severity: error\n    match: x\n    message: m\n    action: a\n    evidence:\n      - commit: 0123456789abcdef0123456789abcdef01234567\n        date: 2020-02-30\n",
            "guards.yml:10 at 'guards[0].evidence[0].date': expected a date like 2024-01-31, got '2020-02-30'"
        ),
        ("version: 2\nguards: []\n", "guards.yml:1 at 'version': this hindsight reads version 1, got '2'"),
        ("guards: [\n", "invalid configuration in guards.yml:"),
        ("colour: red\n", "unknown key 'colour' in guards.yml:1"),
    ])
    func mistakesNameTheirKeyAndLine(text: String, expected: String) {
        do {
            _ = try GuardSetFile.parse(text, path: "guards.yml")
            Issue.record("parsed without an error")
        } catch {
            #expect(error.description.contains(expected), "\(error.description)")
            #expect(error.exitStatus == .usage)
        }
    }

    @Test func duplicateIDsAreRejectedWithBothLines() {
        var text = GuardSetFile.render(GuardSet(guards: [Self.parserGuard()]))
        let guardLines = text.components(separatedBy: "guards:\n")[1]
        text += "\n" + guardLines
        do {
            _ = try GuardSetFile.parse(text, path: "guards.yml")
            Issue.record("parsed without an error")
        } catch {
            #expect(
                error.description.contains("duplicate id '\(Self.parserGuard().id)' (first at line "),
                "\(error.description)")
            #expect(error.description.contains("guards[1].id"))
        }
    }

    @Test func aMissingFileIsAnEmptySetAndEmptyFilesToo() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("guards-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try GuardSetFile.load(from: directory.appendingPathComponent(GuardSetFile.relativePath)) == GuardSet())
        #expect(try GuardSetFile.parse("", path: "x") == GuardSet())
        #expect(try GuardSetFile.parse("# only a comment\nversion: 1\nguards:\n", path: "x") == GuardSet())
    }

    @Test func saveCreatesTheDirectoryAndWritesOnlyOnChange() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("guards-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent(GuardSetFile.relativePath)
        let set = GuardSet(guards: [Self.parserGuard()])
        #expect(try GuardSetFile.save(set, to: file))
        #expect(try GuardSetFile.load(from: file) == set)
        let before = try FileManager.default.attributesOfItem(atPath: file.path)[.systemFileNumber] as? Int
        #expect(try GuardSetFile.save(set, to: file) == false)
        #expect(try FileManager.default.attributesOfItem(atPath: file.path)[.systemFileNumber] as? Int == before)
        #expect(try GuardSetFile.save(GuardSet(), to: file))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path)
        #expect(leftovers == ["guards.yml"])
    }

    @Test func humanEditsSurviveAMineCycle() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("guards-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent(GuardSetFile.relativePath)
        try GuardSetFile.save(GuardSet(guards: [Self.parserGuard()]), to: file)

        // A person raises the severity, rewrites the message and mutes nothing; another guard gets muted.
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "status: proposed", with: "status: accepted")
            .replacingOccurrences(of: "severity: warning", with: "severity: error")
            .replacingOccurrences(
                of: "message: A line a fix removed is back.", with: "message: 'Our words: never again #42'")
        try Data(text.utf8).write(to: file)

        var mined = Self.parserGuard()
        mined.evidence.append(
            CommitRef(id: Self.commitB, time: Self.day + 86_400, subject: "fix: again", author: "Grace"))
        let fresh = Guard(
            kind: "reverted-change", severity: .notice, scope: [], match: "abc", message: "new", action: "look",
            evidence: [])
        let merged = try GuardSetFile.load(from: file).merging(mined: [mined, fresh])
        try GuardSetFile.save(merged, to: file)

        let reloaded = try GuardSetFile.load(from: file)
        let kept = try #require(reloaded.guards.first { $0.id == mined.id })
        #expect(kept.status == .accepted && kept.severity == .error)
        #expect(kept.message == "Our words: never again #42")
        #expect(kept.evidence == mined.evidence)
        #expect(reloaded.guards.contains { $0.id == fresh.id && $0.status == .proposed })
        #expect(GuardSetFile.render(reloaded) == String(decoding: try Data(contentsOf: file), as: UTF8.self))
    }

    @Test func nullMuteReasonAndOmittedOptionalKeysReadAsDefaults() throws {
        let text =
            "guards:\n  - id: hs-1\n    kind: k\n    severity: notice\n    match: ''\n    message: m\n    action: a\n    muteReason: ~\n"
        let item = try #require(try GuardSetFile.parse(text, path: "x").guards.first)
        #expect(item.status == .proposed && item.muteReason == nil && item.scope.isEmpty && item.evidence.isEmpty)
        let quoted = try GuardSetFile.parse(text.replacingOccurrences(of: "~", with: "'~'"), path: "x")
        #expect(quoted.guards.first?.muteReason == "~")
    }
}

extension Guard {
    fileprivate func withID(_ id: String) -> Guard {
        var copy = self
        copy.id = id
        return copy
    }
}
