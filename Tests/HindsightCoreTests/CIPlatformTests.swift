import HindsightCore
import Testing

/// Which CI a command runs under, its pull request's base and its shallow-clone fix.
@Suite struct CIPlatformTests {
    @Test(
        arguments: [
            (
                ["GITHUB_ACTIONS": "true", "GITHUB_BASE_REF": "main", "CI": "true"], "GitHub Actions", "origin/main",
                "fetch-depth: 0"
            ),
            (["GITHUB_ACTIONS": "true", "GITHUB_BASE_REF": ""], "GitHub Actions", nil, "fetch-depth: 0"),
            (
                [
                    "GITLAB_CI": "true", "CI_MERGE_REQUEST_DIFF_BASE_SHA": "abc123",
                    "CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main",
                ],
                "GitLab CI", "abc123", "GIT_DEPTH: 0"
            ),
            (
                ["GITLAB_CI": "true", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "dev"], "GitLab CI", "origin/dev",
                "GIT_DEPTH: 0"
            ),
            (
                ["BITBUCKET_BUILD_NUMBER": "7", "BITBUCKET_PR_DESTINATION_BRANCH": "main"], "Bitbucket Pipelines",
                "origin/main", "depth: full"
            ),
            (
                ["TF_BUILD": "True", "SYSTEM_PULLREQUEST_TARGETBRANCH": "refs/heads/release/2"], "Azure Pipelines",
                "origin/release/2", "fetchDepth: 0"
            ),
            (
                ["CIRCLECI": "true", "CIRCLE_PULL_REQUEST": "https://github.com/o/r/pull/1"], "CircleCI", nil,
                "git fetch --unshallow"
            ),
            (["JENKINS_URL": "http://ci", "CHANGE_TARGET": "main"], "Jenkins", "origin/main", "shallow clone"),
            (["CI": "1"], "CI", nil, "git fetch --unshallow"),
        ] as [([String: String], String, String?, String)])
    func detectsThePlatformAndItsPullRequest(
        environment: [String: String], name: String, base: String?, fix: String
    ) throws {
        let platform = try #require(CIPlatform.detect(in: environment))
        #expect(platform.name == name)
        #expect(platform.pullRequestBase == base)
        #expect(platform.unshallowFix.contains(fix))
        #expect(platform.readsGitHubAnnotations == (name == "GitHub Actions"))
    }

    @Test func outsideCINothingIsDetected() {
        #expect(CIPlatform.detect(in: [:]) == nil)
        #expect(CIPlatform.detect(in: ["CI": "", "HOME": "/root"]) == nil)
    }
}
