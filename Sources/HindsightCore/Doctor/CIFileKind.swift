/// A CI configuration file hindsight knows: where it sits, the platform it configures, the template
/// hindsight ships for it (`ci-templates/`), and how it asks for the full clone `check` needs.
public struct CIFileKind: Sendable {
    /// The platform, as messages name it.
    public var platform: String
    /// Files from the work tree's root; a path ending in `/` is a folder whose `.yml` and `.yaml` files count.
    public var paths: [String]
    /// The template in hindsight's repository.
    public var template: String
    /// What to set for a full clone; nil where the platform clones in full or the file cannot say.
    public var fullCloneSetting: String?
    /// Whether the file's text (spaces and quotes removed) asks for a full clone.
    let asksForFullClone: @Sendable (String) -> Bool

    /// Every kind, in the order `doctor` lists them.
    public static let all = [
        CIFileKind(
            platform: "GitHub Actions", paths: [".github/workflows/"], template: "ci-templates/github/pull-request.yml",
            fullCloneSetting: "set `fetch-depth: 0` on the actions/checkout step",
            asksForFullClone: { !$0.contains("actions/checkout") || $0.contains("fetch-depth:0") }),
        CIFileKind(
            platform: "GitLab CI", paths: [".gitlab-ci.yml"], template: "ci-templates/gitlab/hindsight.gitlab-ci.yml",
            fullCloneSetting: "set `GIT_DEPTH: 0` in the job's variables",
            asksForFullClone: { $0.contains("GIT_DEPTH:0") || $0.contains("hindsight.gitlab-ci.yml") }),
        CIFileKind(
            platform: "Bitbucket Pipelines", paths: ["bitbucket-pipelines.yml"],
            template: "ci-templates/bitbucket/bitbucket-pipelines.yml",
            fullCloneSetting: "set `clone: depth: full`", asksForFullClone: { $0.contains("depth:full") }),
        CIFileKind(
            platform: "Azure Pipelines", paths: ["azure-pipelines.yml"],
            template: "ci-templates/azure/azure-pipelines.yml",
            fullCloneSetting: "set `fetchDepth: 0` on the `checkout: self` step",
            asksForFullClone: { $0.contains("fetchDepth:0") }),
        CIFileKind(
            platform: "CircleCI", paths: [".circleci/config.yml"], template: "ci-templates/circleci/config.yml",
            fullCloneSetting: nil, asksForFullClone: { _ in true }),
        CIFileKind(
            platform: "Jenkins", paths: ["Jenkinsfile"], template: "ci-templates/jenkins/Jenkinsfile",
            fullCloneSetting: nil, asksForFullClone: { _ in true }),
    ]

    /// What the file at `path` with `text` says: whether a line that is not a comment names hindsight,
    /// and, if so, whether it asks for a full clone.
    public func facts(path: String, text: String) -> CIFileFacts {
        let lines = text.split(whereSeparator: \.isNewline).filter { line in
            let start = line.drop { $0 == " " || $0 == "\t" }
            return !start.hasPrefix("#") && !start.hasPrefix("//")
        }
        let code = lines.joined(separator: "\n")
        let compact = String(code.filter { $0 != " " && $0 != "\t" && $0 != "\"" && $0 != "'" })
        return CIFileFacts(
            platform: platform, path: path, template: template, runsHindsight: code.lowercased().contains("hindsight"),
            fullCloneSetting: fullCloneSetting, asksForFullClone: asksForFullClone(compact))
    }
}

/// A CI configuration file in the work tree.
public struct CIFileFacts: Sendable, Equatable {
    /// The platform (`GitHub Actions`).
    public var platform: String
    /// The file, from the work tree's root.
    public var path: String
    /// The template hindsight ships for the platform.
    public var template: String
    /// Whether it runs hindsight.
    public var runsHindsight: Bool
    /// What to set for a full clone on this platform, when the file must ask for one.
    public var fullCloneSetting: String?
    /// Whether the file asks for a full clone (true where the platform clones in full by itself).
    public var asksForFullClone: Bool

    /// Facts from their parts.
    public init(
        platform: String, path: String, template: String, runsHindsight: Bool, fullCloneSetting: String? = nil,
        asksForFullClone: Bool = true
    ) {
        self.platform = platform
        self.path = path
        self.template = template
        self.runsHindsight = runsHindsight
        self.fullCloneSetting = fullCloneSetting
        self.asksForFullClone = asksForFullClone
    }
}
