import Foundation
import HindsightCore
import Testing

@testable import HindsightOutput

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The formats CI systems read as XML or workflow commands: JUnit, GitHub Actions, Checkstyle.
@Suite struct FindingsRendererCITests {
    // MARK: - JUnit

    @Test func junitGolden() {
        let text = JUnitFindingsRenderer().render(SampleFindings.clean())
        #expect(
            text.hasPrefix(
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuites name="hindsight" tests="3" failures="2" errors="0">
                  <testsuite name="hindsight" tests="3" failures="2" errors="0" skipped="0">
                    <testcase classname="hindsight.reintroduced-fix" name="hs-0002">
                      <failure message="1 finding: This line was removed by a fix." type="error">error: Sources/Parser.swift:42: This line was removed by a fix.
                  → Check that the crash does not return.
                  evidence: aaaaaaaaaa 2025-11-01 fix: parser crash on empty input
                  silence: Hindsight-Allow: hs-0002</failure>
                    </testcase>
                """))
        #expect(
            text.hasSuffix(
                """
                    <testcase classname="hindsight.stable-file" name="stable-file">
                      <system-out>notice: README.md:3: Unchanged for 412 days.
                  → Ask its owner to review.
                  silence: --allow stable-file</system-out>
                    </testcase>
                  </testsuite>
                </testsuites>

                """))
    }

    @Test func junitParsesWithXMLParser() throws {
        let document = try XMLCheck.parse(JUnitFindingsRenderer().render(SampleFindings.hostile()))
        let cases = document.elements.filter { $0.name == "testcase" }
        #expect(cases.map { $0.attributes["name"] } == ["hs-0002", "hs-0001", "stable-file", "hs-0009", "hs:odd,rule"])
        #expect(
            document.elements.filter { $0.name == "failure" }.map { $0.attributes["type"] } == [
                "error", "warning", "warning",
            ])
        let suite = try #require(document.elements.first { $0.name == "testsuite" })
        #expect(suite.attributes["tests"] == "5" && suite.attributes["failures"] == "3")
        #expect(document.text.contains("<script>alert('x')</script> & \"q\""))
        #expect(!document.text.contains("\u{1B}") && !document.text.contains("\u{0}"))
    }

    @Test func junitParsesWithJunitparser() throws {
        let python = try ExternalTool.require("python3", install: "apt-get install python3")
        guard try ExternalTool.run(python, ["-c", "import junitparser"]).status == 0 else {
            try #require(
                !ExternalTool.isCI, "junitparser is not installed; CI must install it (pip install junitparser)")
            Issue.record("junitparser is not installed (pip install junitparser); check skipped", severity: .warning)
            try Test.cancel("junitparser is not installed")
        }
        let directory = try ExternalTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("hostile.xml")
        try JUnitFindingsRenderer().render(SampleFindings.hostile()).write(to: file, atomically: true, encoding: .utf8)
        let script = """
            import sys, junitparser
            xml = junitparser.JUnitXml.fromfile(sys.argv[1])
            print(sum(1 for suite in xml for case in suite), sum(1 for suite in xml for case in suite if case.result))
            """
        let run = try ExternalTool.run(python, ["-c", script, file.path])
        #expect(run.status == 0 && run.output.hasPrefix("5 3"), "\(run.output)")
    }

    // MARK: - GitHub

    @Test func githubGolden() {
        #expect(
            GitHubFindingsRenderer().render(SampleFindings.clean()) == """
                ::error file=Sources/Parser.swift,line=42,title=reintroduced-fix::This line was removed by a fix. — Check that the crash does not return.
                ::warning file=Sources/Parser.swift,title=co-change::Changed without Tests/ParserTests.swift. — Update the tests or say why not.
                ::notice file=README.md,line=3,title=stable-file::Unchanged for 412 days. — Ask its owner to review.

                """)
        #expect(GitHubFindingsRenderer().render(CheckResult(target: "HEAD", findings: [], rules: [])) == "")
    }

    @Test func githubLinesAreCommandsOrTheOverflowLine() throws {
        let result = SampleFindings.hostile()
        let lines = GitHubFindingsRenderer().render(result).split(separator: "\n", omittingEmptySubsequences: false)
            .dropLast()
        #expect(lines.count == 17 + 2)  // findings, the index note, the overflow line
        let command = /::(error|warning|notice) ([^:]*)::(.*)/
        var levels: [String] = []
        for line in lines.dropLast() {
            let match = try #require(line.wholeMatch(of: command), "not a workflow command: \(line)")
            levels.append(String(match.1))
            #expect(!line.contains("\r"))
        }
        #expect(
            levels == ["error", "error"] + Array(repeating: "warning", count: 12) + Array(repeating: "notice", count: 4)
        )
        let overflow =
            "hindsight: 2 warnings not shown as annotations (GitHub shows 10 of each level per step); "
            + "all 17 findings are in the log above."
        #expect(lines.last.map(String.init) == overflow)
        let first = try #require(lines.first?.wholeMatch(of: command))
        #expect(first.2 == "file=src/with space%2C comma%3A colon %2525.swift,line=1,title=reintroduced-fix")
        #expect(
            first.3.hasPrefix(
                "50%25 done, a:b & <script> \"quoted\" 'single'%0D%0A::error file=x::injected\\e[31m\\x00\\x07 #0"))
        #expect(lines.contains { $0.hasPrefix("::warning file=%3A%3Aerror%3A%3Aevil.swift,title=co-change::") })
    }

    @Test(arguments: [
        ("a%b\r\nc", "a%25b%0D%0Ac", "a%25b%0D%0Ac"),
        ("x:y,z", "x:y,z", "x%3Ay%2Cz"),
        ("::error::\u{1B}[1m\u{202E}", "::error::\\e[1m\\u{202e}", "%3A%3Aerror%3A%3A\\e[1m\\u{202e}"),
        ("ünï ß", "ünï ß", "ünï ß"),
    ])
    func githubEscapesDataAndProperties(text: String, data: String, property: String) {
        #expect(GitHubEscaping.data(text) == data)
        #expect(GitHubEscaping.property(text) == property)
    }

    @Test func githubStepSummaryIsEscapedAndCapped() {
        let summary = GitHubFindingsRenderer().stepSummary(SampleFindings.hostile())
        #expect(
            summary.hasPrefix(
                "## hindsight check: range main..::error::x HEAD\n\n> **Note:** index is 3 commits behind HEAD ::error::note\n"
            ))
        #expect(
            summary.contains(
                "| error | src/with space, comma: colon %25.swift:1 | reintroduced-fix | 50% done, a:b &amp; &lt;script&gt;"
            ))
        #expect(!summary.contains("<script>") && !summary.contains("\r") && !summary.contains("\u{1B}"))
        let big = SampleFindings.many(5_000, message: String(repeating: "long message ", count: 40))
        let capped = GitHubFindingsRenderer().stepSummary(big)
        #expect(capped.utf8.count <= GitHubFindingsRenderer.summaryByteLimit)
        let shown = capped.split(separator: "\n").count(where: { $0.hasPrefix("| warning |") })
        #expect(
            shown > 100 && capped.hasSuffix("_\(5_000 - shown) more not shown; the job log lists every finding._\n"))
    }

    // MARK: - Checkstyle

    @Test func checkstyleGoldenAndParses() throws {
        #expect(
            CheckstyleFindingsRenderer().render(SampleFindings.clean()) == """
                <?xml version="1.0" encoding="UTF-8"?>
                <checkstyle version="4.3">
                  <file name="Sources/Parser.swift">
                    <error line="42" severity="error" message="This line was removed by a fix. — Check that the crash does not return." source="hindsight.reintroduced-fix"/>
                    <error severity="warning" message="Changed without Tests/ParserTests.swift. — Update the tests or say why not." source="hindsight.co-change"/>
                  </file>
                  <file name="README.md">
                    <error line="3" severity="info" message="Unchanged for 412 days. — Ask its owner to review." source="hindsight.stable-file"/>
                  </file>
                </checkstyle>

                """)
        let document = try XMLCheck.parse(CheckstyleFindingsRenderer().render(SampleFindings.hostile()))
        #expect(
            document.elements.filter { $0.name == "file" }.compactMap { $0.attributes["name"] }
                == SampleFindings.hostilePaths)
        let errors = document.elements.filter { $0.name == "error" }
        #expect(
            errors.count == 17
                && errors[0].attributes["message"]?.hasPrefix(
                    "50% done, a:b & <script> \"quoted\" 'single'\r\n::error file=x::injected[31m #0") == true
        )
    }

    @Test func xmlEscapingDropsWhatXMLForbids() {
        #expect(
            XMLEscaping.attribute("a&<>\"'\t\n\r\u{0}\u{1B}\u{FFFE}b") == "a&amp;&lt;&gt;&quot;&apos;&#9;&#10;&#13;b")
        #expect(XMLEscaping.text("a\tb\nc\rd\u{8}") == "a\tb\nc&#13;d")
    }
}

// MARK: - Test tools

/// Runs the validators CI installs (check-jsonschema, junitparser); without them a test fails under
/// `CI` and is skipped with a recorded note elsewhere.
enum ExternalTool {
    /// Whether the `CI` environment variable is set, as `.ci/run` sets it.
    static var isCI: Bool { !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty }
    /// The package's root directory (`/work/main`), found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The executable `name` on PATH; fails under CI when missing, otherwise skips with a note.
    static func require(_ name: String, install: String) throws -> String {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        if let found = directories.map({ "\($0)/\(name)" }).first(where: FileManager.default.isExecutableFile) {
            return found
        }
        try #require(!isCI, "\(name) is not on PATH; CI must install it (\(install))")
        Issue.record("\(name) is not on PATH (\(install)); this check was skipped", severity: .warning)
        try Test.cancel("\(name) is not on PATH")
    }

    /// Runs `executable` with `arguments`; returns its status and its stdout and stderr together.
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    /// A fresh directory for one test's files; the caller removes it.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "hindsight-findings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Parses XML with Foundation's `XMLParser` and keeps every element with its attributes, plus all text.
final class XMLCheck: NSObject, XMLParserDelegate {
    /// An element's name and attributes.
    struct Element {
        var name: String
        var attributes: [String: String]
    }

    private(set) var elements: [Element] = []
    private(set) var text = ""

    /// The parsed document; throws when `XMLParser` rejects it.
    static func parse(_ xml: String) throws -> XMLCheck {
        let check = XMLCheck()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = check
        let parsed = parser.parse()
        try #require(parsed, "XMLParser rejected the document: \(String(describing: parser.parserError))")
        return check
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        elements.append(Element(name: name, attributes: attributes))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
}
