import HindsightCore

/// The `check:` settings of `.hindsight.yml`.
public struct CheckConfiguration: Equatable, Sendable {
    /// The guard kinds there are, as configuration names them.
    public static let kinds = GuardKind.all.map(\.id)

    /// The lowest severity that fails `check` (nil: never fail).
    public var failOn: Severity? = .error
    /// Paths never checked.
    public var exclude: [String] = []
    /// Severity per guard kind, overriding the kind's default.
    public var severities: [String: Severity] = [:]
    /// Where Hindsight's documentation is published (the repository it is built from, at that
    /// version), for SARIF's links; `HINDSIGHT_DOCS_URL` overrides it.
    public var docsURL: String?

    /// The defaults.
    public init() {}

    /// The check options these settings give.
    public var options: CheckOptions { CheckOptions(exclude: exclude.map(GlobPattern.init)) }

    mutating func read(_ node: ConfigNode) throws(ConfigError) {
        let entries = try node.entries(known: ["failOn", "exclude", "severity", "docsURL"])
        if let value = entries["failOn"] { failOn = try Self.level(value, allowingNever: true) }
        if let value = entries["exclude"] { exclude = try value.strings() }
        if let value = entries["docsURL"] {
            let text = try value.string()
            guard DocumentationSite(base: text) != nil else {
                throw value.invalid(
                    "expected an http(s) URL such as https://github.com/OWNER/REPO/blob/v1.0, got '\(text)'")
            }
            docsURL = text
        }
        if let value = entries["severity"] {
            for (kind, level) in try value.entries(known: Self.kinds) {
                severities[kind] = try Self.level(level, allowingNever: false)
            }
        }
    }

    private static func level(_ node: ConfigNode, allowingNever: Bool) throws(ConfigError) -> Severity? {
        let text = try node.string()
        if allowingNever, text == "never" { return nil }
        guard let severity = Severity(rawValue: text) else {
            throw node.invalid(
                "expected error, warning\(allowingNever ? ", notice or never" : " or notice"), got '\(text)'")
        }
        return severity
    }
}
