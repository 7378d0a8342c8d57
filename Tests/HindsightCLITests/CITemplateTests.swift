import Foundation
import HindsightTestSupport
import Testing

/// The CI templates under ci-templates/ and this repository's own workflows: each validated against
/// its platform's published schema (check-jsonschema's built-in copies, read offline), each shown to
/// fail once broken, and the Jenkinsfile, which has no schema, read as a declarative pipeline.
@Suite struct CITemplateTests {
    /// A template, the schema it is validated with, and an edit that must make it invalid.
    struct Template: Sendable, CustomTestStringConvertible {
        var path: String
        var schema: String
        /// What check-jsonschema's own pre-commit hook for this schema adds (`catalog.py`): GitLab's
        /// `!reference` tags and Azure's `${{ }}` need a transform, and their patterns are not Unicode regexes.
        var options: [String] = []
        /// Text the template must contain: the full clone and the reports or permissions it promises.
        var promises: [String]
        /// `breakFrom` replaced by `breakTo` must fail the schema.
        var breakFrom: String
        var breakTo: String
        var testDescription: String { path }
    }

    static let transformed = ["--regex-variant", "nonunicode"]
    static let pullRequestWorkflow = [
        "fetch-depth: 0", "contents: read", "pull-requests: read", "security-events: write",
        "github/codeql-action/upload-sarif@", "sarif_file: hindsight.sarif",
    ]
    static let nightlyWorkflow = [
        "fetch-depth: 0", "contents: write", "pull-requests: write", "schedule:", "workflow_dispatch:",
        "check: \"false\"", "hindsight guards mine --backtest-format markdown --backtest-output", "hindsight context",
        "hindsight health --no-mine --quiet --format summary", "cat \"$RUNNER_TEMP/hindsight-health.md\"",
        "peter-evans/create-pull-request@",
    ]

    static let templates: [Template] = [
        Template(
            path: "ci-templates/github/action.yml", schema: "vendor.github-actions",
            promises: [
                "using: composite", "libgit2-dev", "swift build -c release --static-swift-stdlib",
                "actions/cache/restore@",
                ".git/hindsight/index.sqlite", "hindsight mine --quiet", "--format sarif", "--format github",
            ],
            breakFrom: "using: composite", breakTo: "using: compost"),
        Template(
            path: "ci-templates/github/pull-request.yml", schema: "vendor.github-workflows",
            promises: pullRequestWorkflow + ["uses: OWNER/REPO/ci-templates/github@"],
            breakFrom: "runs-on: ubuntu-latest", breakTo: "runs_on: ubuntu-latest"),
        Template(
            path: "ci-templates/github/nightly.yml", schema: "vendor.github-workflows",
            promises: nightlyWorkflow + ["uses: OWNER/REPO/ci-templates/github@"],
            breakFrom: "runs-on: ubuntu-latest", breakTo: "runs_on: ubuntu-latest"),
        Template(
            path: ".github/workflows/hindsight-pr.yml", schema: "vendor.github-workflows",
            promises: pullRequestWorkflow + ["uses: ./ci-templates/github"],
            breakFrom: "runs-on: ubuntu-latest", breakTo: "runs_on: ubuntu-latest"),
        Template(
            path: ".github/workflows/hindsight-nightly.yml", schema: "vendor.github-workflows",
            promises: nightlyWorkflow + ["uses: ./ci-templates/github"],
            breakFrom: "runs-on: ubuntu-latest", breakTo: "runs_on: ubuntu-latest"),
        Template(
            path: "ci-templates/gitlab/hindsight.gitlab-ci.yml", schema: "vendor.gitlab-ci",
            options: ["--data-transform", "gitlab-ci"] + transformed,
            promises: [
                "GIT_DEPTH: \"0\"", "$CI_PIPELINE_SOURCE == \"merge_request_event\"",
                "codequality: gl-code-quality-report.json",
                "junit: hindsight-junit.xml", "--format gitlab", "--format junit",
                "$CI_PIPELINE_SOURCE == \"schedule\"",
                "hindsight guards mine --backtest-format markdown --backtest-output", "hindsight context",
                "hindsight health --no-mine --quiet --format summary",
            ],
            breakFrom: "when: always", breakTo: "when: sometimes"),
        Template(
            path: "ci-templates/bitbucket/bitbucket-pipelines.yml", schema: "vendor.bitbucket-pipelines",
            promises: ["depth: full", "pull-requests:", "--format junit --output test-results/"],
            breakFrom: "depth: full", breakTo: "depth: shallow"),
        Template(
            path: "ci-templates/azure/azure-pipelines.yml", schema: "vendor.azure-pipelines",
            options: ["--data-transform", "azure-pipelines"] + transformed,
            promises: [
                "fetchDepth: \"0\"", "pr:", "--format junit --output hindsight-junit.xml", "PublishTestResults@2",
                "testResultsFormat: JUnit",
            ],
            breakFrom: "testResultsFormat: JUnit", breakTo: "testResultsFormat: JUnitt"),
        Template(
            path: "ci-templates/circleci/config.yml", schema: "vendor.circle-ci",
            promises: [
                "- checkout", "--base \"$HINDSIGHT_BASE\"", "--format junit --output test-results/",
                "store_test_results:",
            ],
            breakFrom: "version: 2.1", breakTo: "version: 3.7"),
    ]

    /// The package's root directory, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// check-jsonschema from PATH; fails under CI when missing, otherwise skips with a recorded warning.
    static func checkJSONSchema() throws -> String {
        if let path = ExternalTools.find("check-jsonschema") { return path }
        try #require(
            !ExternalTools.isCI, "check-jsonschema is not on PATH; CI must install it (scripts/install-test-tools)")
        Issue.record(
            "check-jsonschema is not on PATH (scripts/install-test-tools); schema validation skipped",
            severity: .warning)
        try Test.cancel("check-jsonschema is not on PATH")
    }

    /// Validates `file` with the template's built-in schema. Every proxy points at a closed port, so a
    /// schema fetched over the network would fail the run: the vendored copies must be enough.
    static func validate(_ file: URL, as template: Template) throws -> ProcessResult {
        var environment = ProcessInfo.processInfo.environment
        for name in ["HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY", "all_proxy"] {
            environment[name] = "http://127.0.0.1:9"
        }
        environment["NO_PROXY"] = nil
        environment["no_proxy"] = nil
        let arguments = ["--builtin-schema", template.schema] + template.options + [file.path]
        return try ProcessRunner.run(try checkJSONSchema(), arguments, in: root, environment: environment)
    }

    static func text(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    @Test(arguments: templates)
    func templateMatchesItsPlatformSchema(_ template: Template) throws {
        let result = try Self.validate(Self.root.appendingPathComponent(template.path), as: template)
        #expect(result.status == 0, "\(template.path) against \(template.schema):\n\(result.output)\(result.error)")
        #expect(result.output.contains("ok -- validation done"), "\(result.output)\(result.error)")
    }

    @Test(arguments: templates)
    func aBrokenCopyFailsItsSchema(_ template: Template) throws {
        let original = try Self.text(template.path)
        try #require(
            original.contains(template.breakFrom), "\(template.path) no longer contains '\(template.breakFrom)'")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "ci-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // Same file name: check-jsonschema reads the format from the extension.
        let copy = directory.appendingPathComponent(URL(fileURLWithPath: template.path).lastPathComponent)
        try Data(original.replacingOccurrences(of: template.breakFrom, with: template.breakTo).utf8).write(to: copy)
        let result = try Self.validate(copy, as: template)
        #expect(
            result.status == 1, "a broken \(template.path) passed \(template.schema):\n\(result.output)\(result.error)")
        #expect(
            (result.output + result.error).contains("Schema validation errors were encountered"),
            "\(result.output)\(result.error)")
    }

    @Test(arguments: templates)
    func templateKeepsItsPromises(_ template: Template) throws {
        let text = try Self.text(template.path)
        for promise in template.promises {
            #expect(text.contains(promise), "\(template.path) lacks '\(promise)'")
        }
    }

    @Test func jenkinsfileIsADeclarativePipeline() throws {
        let text = try Self.text("ci-templates/jenkins/Jenkinsfile")
        #expect(JenkinsfileShape.problems(in: text) == [])
        for promise in [
            "changeRequest()", "--format junit --output hindsight-junit.xml", "testResults: 'hindsight-junit.xml'",
        ] {
            #expect(text.contains(promise), "the Jenkinsfile lacks '\(promise)'")
        }
    }

    @Test(arguments: [
        ("    post {", "    post {{", "1 '{' never closed"),
        ("junit allowEmptyResults", "echo allowEmptyResults", "no junit step"),
        ("    stages {", "    steps {", "no stages block"),
        ("    agent {", "    agnet {", "no agent"),
        ("image 'swift", "image 'swift\n//", "unterminated string"),
        ("pipeline {", "pipe {", "no top-level pipeline block"),
    ])
    func aBrokenJenkinsfileIsRejected(from: String, to: String, problem: String) throws {
        let text = try Self.text("ci-templates/jenkins/Jenkinsfile")
        try #require(text.contains(from))
        let problems = JenkinsfileShape.problems(in: text.replacingOccurrences(of: from, with: to))
        #expect(problems.contains { $0.contains(problem) }, "\(problems)")
    }
}

/// The outline of a Jenkinsfile: its brace blocks, named by the identifier before each `{`
/// (`stage('Build') {` is a `stage`), with the identifiers each block holds at its own level.
/// Comments and strings are skipped, so braces inside them do not count.
enum JenkinsfileShape {
    final class Block {
        let name: String
        var words: [String] = []
        var children: [Block] = []
        init(name: String) { self.name = name }

        func all(_ name: String) -> [Block] {
            children.filter { $0.name == name } + children.flatMap { $0.all(name) }
        }
        func contains(word: String) -> Bool {
            words.contains(word) || children.contains { $0.name == word || $0.contains(word: word) }
        }
    }

    /// What keeps `text` from being a declarative pipeline with an agent, stages of steps and a junit step.
    static func problems(in text: String) -> [String] {
        let top: Block
        switch outline(text) {
        case .failure(let message): return [message]
        case .success(let block): top = block
        }
        guard let pipeline = top.children.first(where: { $0.name == "pipeline" }) else {
            return ["no top-level pipeline block"]
        }
        var problems: [String] = []
        if !pipeline.words.contains("agent") && !pipeline.children.contains(where: { $0.name == "agent" }) {
            problems.append("no agent")
        }
        if let stages = pipeline.children.first(where: { $0.name == "stages" }) {
            let list = stages.children.filter { $0.name == "stage" }
            if list.isEmpty { problems.append("no stage in stages") }
            for stage in list
            where !stage.children.contains(where: { ["steps", "stages", "parallel"].contains($0.name) }) {
                problems.append("a stage without steps")
            }
        } else {
            problems.append("no stages block")
        }
        if !pipeline.contains(word: "junit") { problems.append("no junit step") }
        return problems
    }

    enum Outline {
        case success(Block)
        case failure(String)
    }

    /// The blocks of `text`, or what is unbalanced or unterminated.
    static func outline(_ text: String) -> Outline {
        let chars = Array(text.unicodeScalars)
        let top = Block(name: "")
        // Open brackets; a `{` carries its block, `(` and `[` carry nil (their words are arguments).
        var stack: [(bracket: Character, block: Block?)] = []
        var lastWord: String?  // the identifier before a `{` names its block
        var line = 1
        var index = 0
        func current() -> Block { stack.last(where: { $0.block != nil })?.block ?? top }
        func atBlockLevel() -> Bool { stack.last.map { $0.block != nil } ?? true }
        func starts(_ token: String) -> Bool {
            let scalars = Array(token.unicodeScalars)
            return index + scalars.count <= chars.count && Array(chars[index..<index + scalars.count]) == scalars
        }
        while index < chars.count {
            let char = chars[index]
            if char == "\n" { line += 1 }
            if starts("//") {
                while index < chars.count, chars[index] != "\n" { index += 1 }
                continue
            }
            if starts("/*") {
                let begin = line
                index += 2
                while index < chars.count, !starts("*/") {
                    if chars[index] == "\n" { line += 1 }
                    index += 1
                }
                guard index < chars.count else { return .failure("unterminated comment from line \(begin)") }
                index += 2
                continue
            }
            if char == "'" || char == "\"" {
                let quote = String(char)
                let triple = starts(quote + quote + quote)
                let close = triple ? quote + quote + quote : quote
                let begin = line
                index += triple ? 3 : 1
                while index < chars.count, !starts(close) {
                    if chars[index] == "\n" {
                        guard triple else { return .failure("unterminated string on line \(begin)") }
                        line += 1
                    }
                    index += chars[index] == "\\" ? 2 : 1
                }
                guard index < chars.count else { return .failure("unterminated string from line \(begin)") }
                index += close.unicodeScalars.count
                if atBlockLevel() { lastWord = nil }
                continue
            }
            if char.properties.isAlphabetic || char == "_" {
                var word = ""
                while index < chars.count,
                    chars[index].properties.isAlphabetic || chars[index] == "_"
                        || ("0"..."9").contains(chars[index])
                {
                    word.unicodeScalars.append(chars[index])
                    index += 1
                }
                if atBlockLevel() {
                    current().words.append(word)
                    lastWord = word
                }
                continue
            }
            switch char {
            case "{":
                let block = Block(name: lastWord ?? "")
                current().children.append(block)
                stack.append(("{", block))
                lastWord = nil
            case "(", "[":
                stack.append((Character(char), nil))
            case "}", ")", "]":
                let expected: Character = char == "}" ? "{" : char == ")" ? "(" : "["
                guard let open = stack.popLast() else { return .failure("unmatched '\(char)' on line \(line)") }
                guard open.bracket == expected else {
                    return .failure("'\(open.bracket)' closed by '\(char)' on line \(line)")
                }
                if char == "}" { lastWord = nil }
            default:
                if atBlockLevel(), !char.properties.isWhitespace { lastWord = nil }
            }
            index += 1
        }
        if let open = stack.last { return .failure("\(stack.count) '\(open.bracket)' never closed") }
        return .success(top)
    }
}
