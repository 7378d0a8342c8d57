import HindsightCore

/// Turns a `check` result into one findings format.
public protocol FindingsRenderer: Sendable {
    /// The whole document for `result`.
    func render(_ result: CheckResult) -> String
}

/// The formats `check --format` accepts.
public enum FindingsFormat: String, CaseIterable, Sendable {
    case text, json, sarif, junit, github, gitlab, checkstyle

    /// The renderer for this format; `useColor` matters to `text` only, `site` to `sarif` only.
    public func renderer(useColor: Bool = false, site: DocumentationSite? = nil) -> any FindingsRenderer {
        switch self {
        case .text: TextFindingsRenderer(useColor: useColor)
        case .json: JSONFindingsRenderer()
        case .sarif: SARIFFindingsRenderer(site: site)
        case .junit: JUnitFindingsRenderer()
        case .github: GitHubFindingsRenderer()
        case .gitlab: GitLabFindingsRenderer()
        case .checkstyle: CheckstyleFindingsRenderer()
        }
    }
}
