/// The CI service a command runs under, known from its environment variables: what `check` checks
/// there by default, and how to fix a shallow clone on it.
public struct CIPlatform: Hashable, Sendable {
    /// The service's name, as messages print it.
    public var name: String
    /// The pull or merge request's base, as a revision (`origin/main`, or a commit id), when this
    /// build is for one.
    public var pullRequestBase: String?
    /// What to change on this service for a full clone.
    public var unshallowFix: String
    /// Whether it reads GitHub workflow commands (`--format auto` gives `github` there).
    public var readsGitHubAnnotations: Bool

    /// The platform `environment` describes, or nil outside CI.
    public static func detect(in environment: [String: String]) -> CIPlatform? {
        func value(_ key: String) -> String? { environment[key].flatMap { $0.isEmpty ? nil : $0 } }
        func branch(_ key: String) -> String? {
            value(key).map {
                "origin/" + ($0.hasPrefix("refs/heads/") ? String($0.dropFirst("refs/heads/".count)) : $0)
            }
        }
        if value("GITHUB_ACTIONS") == "true" {
            return CIPlatform(
                name: "GitHub Actions", pullRequestBase: branch("GITHUB_BASE_REF"),
                unshallowFix: "set `fetch-depth: 0` on the actions/checkout step", readsGitHubAnnotations: true)
        }
        if value("GITLAB_CI") != nil {
            return CIPlatform(
                name: "GitLab CI",
                pullRequestBase: value("CI_MERGE_REQUEST_DIFF_BASE_SHA")
                    ?? branch("CI_MERGE_REQUEST_TARGET_BRANCH_NAME"),
                unshallowFix: "set `GIT_DEPTH: 0` in the job's variables")
        }
        if value("BITBUCKET_BUILD_NUMBER") != nil {
            return CIPlatform(
                name: "Bitbucket Pipelines", pullRequestBase: branch("BITBUCKET_PR_DESTINATION_BRANCH"),
                unshallowFix: "set `clone: depth: full` in bitbucket-pipelines.yml")
        }
        if value("TF_BUILD") != nil {
            return CIPlatform(
                name: "Azure Pipelines", pullRequestBase: branch("SYSTEM_PULLREQUEST_TARGETBRANCH"),
                unshallowFix: "set `fetchDepth: 0` on the checkout step")
        }
        if value("CIRCLECI") != nil {
            return CIPlatform(
                name: "CircleCI", pullRequestBase: nil,
                unshallowFix: "run `git fetch --unshallow` after the checkout step")
        }
        if value("JENKINS_URL") != nil {
            return CIPlatform(
                name: "Jenkins", pullRequestBase: branch("CHANGE_TARGET"),
                unshallowFix:
                    "turn off the shallow clone in the job's Git clone behaviours, or run `git fetch --unshallow`")
        }
        if value("CI") != nil {
            return CIPlatform(
                name: "CI", pullRequestBase: nil, unshallowFix: "fetch the whole history (`git fetch --unshallow`)")
        }
        return nil
    }

    /// A platform from its parts.
    public init(name: String, pullRequestBase: String?, unshallowFix: String, readsGitHubAnnotations: Bool = false) {
        self.name = name
        self.pullRequestBase = pullRequestBase
        self.unshallowFix = unshallowFix
        self.readsGitHubAnnotations = readsGitHubAnnotations
    }
}
