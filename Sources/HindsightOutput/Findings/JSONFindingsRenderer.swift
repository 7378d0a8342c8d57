import HindsightCore

/// Renders check findings as one JSON document with keys in a fixed order, for scripts and agents.
public struct JSONFindingsRenderer: FindingsRenderer {
    /// The version of this shape; it changes only when a key changes meaning or disappears.
    public static let schemaVersion = 1

    /// A JSON findings renderer.
    public init() {}

    /// The whole document for `result`.
    public func render(_ result: CheckResult) -> String {
        document(result).serialized()
    }

    /// The document as a value, for callers that embed it (the MCP server's `check_diff`).
    public func document(_ result: CheckResult) -> JSONValue {
        .object([
            ("schemaVersion", .int(Self.schemaVersion)),
            ("target", .string(result.target)),
            ("indexTip", .commit(result.indexTip)),
            ("indexNote", result.indexNote.map(JSONValue.string) ?? .null),
            ("findings", .array(result.findings.map(Self.finding))),
            ("suppressed", .int(result.suppressed)),
            ("preexisting", .int(result.preexisting)),
            ("rules", .array(result.rules.map(Self.rule))),
        ])
    }

    /// One finding as the document lists it.
    public static func finding(_ finding: Finding) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("rule", .string(finding.ruleID)),
            ("kind", .string(finding.kind)),
            ("severity", .string(finding.severity.rawValue)),
        ]
        fields += JSONValue.pathFields("path", finding.path)
        fields += [
            ("line", finding.line.map(JSONValue.int) ?? .null),
            ("message", .string(finding.message)),
            ("action", .string(finding.action)),
            ("evidence", .array(finding.evidence.map(commit))),
            ("suppression", .string(finding.suppression)),
            ("fingerprint", .string(finding.fingerprint)),
        ]
        return .object(fields)
    }

    /// One evidence commit: id, time, author, subject.
    public static func commit(_ commit: CommitRef) -> JSONValue {
        .object([
            ("id", .string(commit.id.hex)),
            ("time", .time(commit.time)),
            ("author", .string(commit.author)),
            ("subject", .string(commit.subject)),
        ])
    }

    static func rule(_ rule: RuleDescriptor) -> JSONValue {
        .object([
            ("id", .string(rule.id)),
            ("kind", .string(rule.kind)),
            ("severity", .string(rule.severity.rawValue)),
            ("summary", .string(rule.summary)),
            ("help", .string(rule.help)),
        ])
    }
}
