import HindsightCore

/// Renders check findings as SARIF 2.1.0 that GitHub code scanning accepts as it is: one run, the
/// rules its results reference (with help and, when the documentation site is known, links), a
/// region on every location, and stable `partialFingerprints` so uploads track findings across runs.
public struct SARIFFindingsRenderer: FindingsRenderer {
    /// The version `tool.driver` reports (`version` and, as Semantic Versioning, `semanticVersion`).
    public let toolVersion: String
    /// Where rules and the tool link to, or nil to leave `helpUri` and `informationUri` out.
    public let site: DocumentationSite?

    /// A SARIF renderer for this build of Hindsight, linking to `site` when given.
    public init(toolVersion: String = HindsightRelease.version, site: DocumentationSite? = nil) {
        self.toolVersion = toolVersion
        self.site = site
    }

    /// The whole document for `result`.
    public func render(_ result: CheckResult) -> String {
        let rules = SARIFRules(referencedBy: result)
        var driver: [(String, JSONValue)] = [
            ("name", .string("hindsight")), ("version", .string(toolVersion)),
            ("semanticVersion", .string(toolVersion)),
        ]
        if let site { driver.append(("informationUri", .string(site.home))) }
        driver.append(("rules", rules.json(site: site)))
        let run: JSONValue = .object([
            ("tool", .object([("driver", .object(driver))])),
            ("results", .array(result.findings.map { Self.result($0, ruleIndex: rules.indexes[$0.ruleID]) })),
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

    /// Where `finding` is. A finding about the whole file (a co-change, a stable file) is placed
    /// on its first line: GitHub shows no alert without a `startLine`.
    private static func location(_ finding: Finding) -> JSONValue {
        let line = finding.line.map { max($0, 1) } ?? 1
        return .object([
            (
                "physicalLocation",
                .object([
                    (
                        "artifactLocation",
                        .object([("uri", .string(uri(finding.path))), ("uriBaseId", .string("%SRCROOT%"))])
                    ),
                    ("region", .object([("startLine", .int(line))])),
                ])
            )
        ])
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
