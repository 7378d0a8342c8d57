import HindsightCore

/// The `reportingDescriptor`s a SARIF run lists: only the rules its results reference, in id
/// order (so a rule keeps its index while the set of results stays the same), each with GitHub's
/// required and recommended fields.
struct SARIFRules {
    /// GitHub cuts `shortDescription` and `fullDescription` at this many characters.
    static let descriptionLimit = 1024

    /// The listed rules, in index order.
    let descriptors: [RuleDescriptor]
    /// Each listed rule's index in `descriptors`.
    let indexes: [String: Int]

    /// The rules `result`'s findings reference; a finding whose rule the check did not list gets a
    /// descriptor from its kind, so every result has a rule.
    init(referencedBy result: CheckResult) {
        var listed: [String: RuleDescriptor] = [:]
        for rule in result.rules where listed[rule.id] == nil { listed[rule.id] = rule }
        var referenced: [String: RuleDescriptor] = [:]
        for finding in result.findings where referenced[finding.ruleID] == nil {
            referenced[finding.ruleID] = listed[finding.ruleID] ?? Self.descriptor(standingFor: finding)
        }
        descriptors = referenced.values.sorted { $0.id < $1.id }
        indexes = Dictionary(uniqueKeysWithValues: descriptors.enumerated().map { ($1.id, $0) })
    }

    /// Every listed rule as SARIF, linking to `site` when it is known.
    func json(site: DocumentationSite?) -> JSONValue {
        .array(descriptors.map { Self.json($0, site: site) })
    }

    private static func json(_ rule: RuleDescriptor, site: DocumentationSite?) -> JSONValue {
        let help = rule.help.isEmpty ? rule.summary : rule.help
        let kindHelp = GuardKind.named(rule.kind)?.help
        var fields: [(String, JSONValue)] = [
            ("id", .string(rule.id)),
            ("name", .string(friendlyName(rule.kind))),
            ("shortDescription", .object([("text", .string(limited(rule.summary)))])),
            ("fullDescription", .object([("text", .string(limited(help)))])),
            (
                "help",
                .object([
                    (
                        "text",
                        .string(
                            [help, kindHelp ?? "", explainHint(rule)].filter { !$0.isEmpty }.joined(separator: "\n\n"))
                    ),
                    ("markdown", .string(SARIFRuleHelp.markdown(rule, kindHelp: kindHelp, site: site))),
                ])
            ),
        ]
        if let page = site?.page(forKind: rule.kind) { fields.append(("helpUri", .string(page))) }
        fields.append(
            ("defaultConfiguration", .object([("level", .string(SARIFFindingsRenderer.level(rule.severity)))])))
        fields.append(
            (
                "properties",
                .object([
                    ("tags", .array([.string("hindsight"), .string(rule.kind)])),
                    ("problem.severity", .string(problemSeverity(rule.severity))),
                ])
            ))
        return .object(fields)
    }

    /// `kind` as the single Pascal-case identifier SARIF asks a rule's friendly name to be.
    static func friendlyName(_ kind: String) -> String {
        kind.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined()
    }

    /// The guard file's guards carry the commits that taught them; say how to see them.
    static func explainHint(_ rule: RuleDescriptor) -> String {
        rule.id.hasPrefix("hs-") ? "`hindsight guards explain \(rule.id)` shows the commits that taught it." : ""
    }

    /// `text` within GitHub's description limit, cut with an ellipsis.
    static func limited(_ text: String) -> String {
        text.count <= descriptionLimit ? text : String(text.prefix(descriptionLimit - 1)) + "…"
    }

    private static func problemSeverity(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .notice: "recommendation"
        }
    }

    private static func descriptor(standingFor finding: Finding) -> RuleDescriptor {
        let kind = GuardKind.named(finding.kind)
        return RuleDescriptor(
            id: finding.ruleID, kind: finding.kind, summary: kind?.summary ?? "A Hindsight \(finding.kind) finding.",
            help: kind == nil ? finding.action : "", severity: kind?.defaultSeverity ?? finding.severity)
    }
}
