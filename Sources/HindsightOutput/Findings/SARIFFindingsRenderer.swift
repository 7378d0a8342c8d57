import HindsightCore

/// Renders check findings as SARIF 2.1.0 for code scanning: one run, every guard and rule that ran
/// as a `reportingDescriptor`, stable `partialFingerprints` so uploads track findings across runs.
public struct SARIFFindingsRenderer: FindingsRenderer {
    /// The version `tool.driver.version` reports, or nil to leave it out.
    public let toolVersion: String?

    /// A SARIF renderer; pass the hindsight version to have code scanning show it.
    public init(toolVersion: String? = nil) {
        self.toolVersion = toolVersion
    }

    /// The whole document for `result`.
    public func render(_ result: CheckResult) -> String {
        var ruleIndex: [String: Int] = [:]
        for (index, rule) in result.rules.enumerated() where ruleIndex[rule.id] == nil { ruleIndex[rule.id] = index }
        var driver: [(String, JSONValue)] = [("name", .string("hindsight"))]
        if let toolVersion { driver.append(("version", .string(toolVersion))) }
        driver.append(("rules", .array(result.rules.map(Self.rule))))
        let run: JSONValue = .object([
            ("tool", .object([("driver", .object(driver))])),
            ("results", .array(result.findings.map { Self.result($0, ruleIndex: ruleIndex[$0.ruleID]) })),
            (
                "properties",
                .object([
                    ("target", .string(result.target)),
                    ("indexTip", .commit(result.indexTip)),
                    ("indexNote", result.indexNote.map(JSONValue.string) ?? .null),
                    ("suppressed", .int(result.suppressed)),
                    ("preexisting", .int(result.preexisting)),
                ])
            ),
        ])
        return JSONValue.object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([run])),
        ]).serialized()
    }

    /// SARIF's name for a severity.
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .notice: "note"
        }
    }

    private static func rule(_ rule: RuleDescriptor) -> JSONValue {
        let help = rule.help.isEmpty ? rule.summary : rule.help
        return .object([
            ("id", .string(rule.id)),
            ("name", .string(rule.kind)),
            ("shortDescription", .object([("text", .string(rule.summary))])),
            ("fullDescription", .object([("text", .string(help))])),
            ("help", .object([("text", .string(help))])),
            ("defaultConfiguration", .object([("level", .string(level(rule.severity)))])),
        ])
    }

    private static func result(_ finding: Finding, ruleIndex: Int?) -> JSONValue {
        var fields: [(String, JSONValue)] = [("ruleId", .string(finding.ruleID))]
        if let ruleIndex { fields.append(("ruleIndex", .int(ruleIndex))) }
        fields.append(("level", .string(level(finding.severity))))
        let text = finding.action.isEmpty ? finding.message : finding.message + " — " + finding.action
        fields.append(("message", .object([("text", .string(text))])))
        if !finding.path.bytes.isEmpty { fields.append(("locations", .array([location(finding)]))) }
        fields.append(("partialFingerprints", .object([("hindsight/v1", .string(finding.fingerprint))])))
        fields.append(
            (
                "properties",
                .object([
                    ("kind", .string(finding.kind)),
                    ("suppression", .string(finding.suppression)),
                    ("evidence", .array(finding.evidence.map { .string($0.id.hex) })),
                ])
            ))
        return .object(fields)
    }

    private static func location(_ finding: Finding) -> JSONValue {
        var physical: [(String, JSONValue)] = [
            ("artifactLocation", .object([("uri", .string(uri(finding.path))), ("uriBaseId", .string("%SRCROOT%"))]))
        ]
        if let line = finding.line, line >= 1 { physical.append(("region", .object([("startLine", .int(line))]))) }
        return .object([("physicalLocation", .object(physical))])
    }

    /// `path` as a relative URI reference: bytes other than unreserved characters and `/` are
    /// percent-encoded, so spaces, `%`, `:`, `#`, `?` and non-UTF-8 bytes survive the round trip.
    static func uri(_ path: RepoPath) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var encoded: [UInt8] = []
        for byte in path.bytes {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"), UInt8(ascii: "/"):
                encoded.append(byte)
            default:
                encoded += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0f)]]
            }
        }
        return String(decoding: encoded, as: UTF8.self)
    }
}
