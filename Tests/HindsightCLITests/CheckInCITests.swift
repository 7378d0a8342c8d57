import Foundation
import HindsightTestSupport
import Testing

/// `hindsight check` inside a CI: the pull request by default, the platform's annotations with
/// `--format auto`, and a shallow clone refused with the platform's own fix.
@Suite struct CheckInCITests {
    /// A clone of CheckCommandTests' history with a `feature` branch that changes parser.c without
    /// parser.h (a co-change warning), mined.
    static func pullRequest() throws -> (FixtureRepository, URL) {
        let origin = try CheckCommandTests.history()
        let clone = try origin.clone(origin.root.path, named: "clone")
        try ProcessRunner.run(
            "/usr/bin/env", ["git", "checkout", "-q", "-b", "feature"], in: clone, environment: origin.environment()
        )
        .requireSuccess("checkout")
        try Data("int parse(void) { return 42; }\n".utf8).write(to: clone.appendingPathComponent("src/parser.c"))
        try ProcessRunner.run(
            "/usr/bin/env", ["git", "commit", "-q", "-am", "feat: answer"], in: clone,
            environment: origin.environment(day: 8)
        )
        .requireSuccess("commit")
        try HindsightBinary.run(["mine", "-q"], in: clone, environment: origin.environment()).requireSuccess("mine")
        return (origin, clone)
    }

    static func check(
        _ origin: FixtureRepository, in directory: URL, _ arguments: [String], ci: [String: String]
    ) throws -> ProcessResult {
        try HindsightBinary.run(
            ["check"] + arguments, in: directory, environment: origin.environment(day: 10).merging(ci) { $1 })
    }

    @Test func onGitHubItChecksThePullRequestWithAnnotationsAndASummary() throws {
        let (origin, clone) = try Self.pullRequest()
        let summary = origin.home.appendingPathComponent("summary.md")
        let ci = ["GITHUB_ACTIONS": "true", "GITHUB_BASE_REF": "main", "GITHUB_STEP_SUMMARY": summary.path]
        let result = try Self.check(origin, in: clone, ["--format", "auto", "--fail-on", "warning"], ci: ci)
        #expect(result.status == 1, "\(result.error)")
        #expect(result.output.contains("::warning file=src/parser.c,"), "\(result.output)")
        #expect(result.output.contains("co-change"))
        let written = String(decoding: FileManager.default.contents(atPath: summary.path) ?? Data(), as: UTF8.self)
        #expect(written.contains("origin/main...HEAD"), "\(written)")
    }

    @Test func withoutAPullRequestItChecksHeadsCommit() throws {
        let (origin, clone) = try Self.pullRequest()
        let result = try Self.check(origin, in: clone, ["--format", "json"], ci: ["CI": "true"])
        #expect(result.status == 0, "\(result.error)")
        let head = try ProcessRunner.run(
            "/usr/bin/env", ["git", "rev-parse", "--short=7", "HEAD"], in: clone, environment: origin.environment())
        #expect(
            result.output.contains(
                "\"target\": \"commit \(head.output.trimmingCharacters(in: .whitespacesAndNewlines))\""),
            "\(result.output)")
        let local = try Self.check(origin, in: clone, ["--format", "json"], ci: [:])
        #expect(local.output.contains("\"target\": \"staged changes\""), "\(local.output)")
    }

    @Test func aShallowCloneFailsWithThePlatformsFixUnlessAllowed() throws {
        let origin = try CheckCommandTests.history()
        let shallow = try origin.clone("file://" + origin.root.path, named: "shallow", options: ["--depth", "2"])
        let ci = ["GITLAB_CI": "true", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main"]
        let refused = try Self.check(origin, in: shallow, [], ci: ci)
        #expect(refused.status == 3, "\(refused.error)")
        #expect(refused.error.contains("shallow clone"), "\(refused.error)")
        #expect(refused.error.contains("On GitLab CI, set `GIT_DEPTH: 0` in the job's variables"), "\(refused.error)")
        let allowed = try Self.check(origin, in: shallow, ["--allow-shallow", "--commit", "HEAD"], ci: ci)
        #expect(allowed.status == 0, "\(allowed.error)")
        #expect(allowed.output.contains("shallow clone: checked the history present"), "\(allowed.output)")
        #expect(try Self.check(origin, in: shallow, ["--staged"], ci: ci).status == 0)
    }
}
