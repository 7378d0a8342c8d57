import Foundation
import HindsightCore
import Yams

/// Reads the YAML of `.hindsight/guards.yml` into a `GuardSet`, naming the key and line of each mistake.
struct GuardSetReader {
    let path: String
    let text: String
    /// The source lines, to recover what Yams loses (see `string(_:)`).
    private let lines: [Substring]

    init(path: String, text: String) {
        self.path = path
        self.text = text
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    static let topKeys = ["version", "backtest", "riskModel", "guards"]
    static let guardKeys = [
        "id", "kind", "status", "muteReason", "severity", "scope", "match", "message", "action", "evidence", "backtest",
    ]
    static let recordKeys = [
        "cut", "until", "commits", "fixInducing", "liftThreshold", "alarmBudget", "overBudget", "shipped", "kinds",
    ]
    static let requiredGuardKeys = ["id", "kind", "severity", "match", "message", "action"]
    static let evidenceKeys = ["commit", "date", "subject", "author"]

    func read() throws(ConfigError) -> GuardSet {
        let root = try ConfigNode.root(of: text, path: path)
        guard let root else { return GuardSet() }
        let top = try ConfigNode(node: root, key: "", file: path).entries(known: Self.topKeys)
        if let version = top["version"] {
            guard version.node.int == GuardSetFile.version else {
                throw version.invalid(
                    "this hindsight reads version \(GuardSetFile.version), got '\(version.node.string ?? "a collection")'; upgrade hindsight"
                )
            }
        }
        let record = try top["backtest"].map(readRecord)
        let model = try top["riskModel"].flatMap(readRiskModel)
        guard let list = top["guards"], !list.isNull else { return GuardSet(record: record, riskModel: model) }
        guard let sequence = list.node.sequence else { throw list.invalid("expected a list of guards") }
        var guards: [Guard] = []
        var firstLine: [String: Int?] = [:]
        for (index, element) in sequence.enumerated() {
            let node = ConfigNode(node: element, key: "guards[\(index)]", file: path)
            let (item, idNode) = try readGuard(node)
            if let line = firstLine[item.id] {
                throw idNode.invalid(
                    "duplicate id '\(item.id)'\(line.map { " (first at line \($0))" } ?? ""); keep one of them")
            }
            firstLine[item.id] = idNode.line
            guards.append(item)
        }
        return GuardSet(guards: guards, record: record, riskModel: model)
    }

    private func readRecord(_ node: ConfigNode) throws(ConfigError) -> BacktestRecord {
        let entries = try node.entries(known: Self.recordKeys)
        func commit(_ key: String) throws(ConfigError) -> CommitID {
            guard let value = entries[key] else {
                throw node.invalid("missing '\(key)' (a backtest record names its cut and until commits)")
            }
            let hex = try value.string()
            guard let id = CommitID(hex: hex) else { throw value.invalid("expected a full commit id, got '\(hex)'") }
            return id
        }
        var kinds: [String: GuardTally] = [:]
        if let list = entries["kinds"], !list.isNull {
            for (kind, value) in try list.entries(known: CheckConfiguration.kinds) {
                kinds[kind] = try readTally(value)
            }
        }
        var record = BacktestRecord(
            cut: try commit("cut"), until: try commit("until"),
            commits: try entries["commits"]?.int(in: 0...Int.max) ?? 0,
            fixInducing: try entries["fixInducing"]?.int(in: 0...Int.max) ?? 0,
            liftThreshold: try entries["liftThreshold"]?.number(in: 0...1_000) ?? 2, kinds: kinds)
        record.alarmBudget = try entries["alarmBudget"]?.number(in: 0...1)
        record.shipped = try entries["shipped"].map(readTally)
        for element in try elements(of: entries["overBudget"], expecting: "a list of guard kinds") {
            let kind = try element.string()
            guard CheckConfiguration.kinds.contains(kind) else {
                throw element.invalid(
                    "expected a guard kind (\(CheckConfiguration.kinds.joined(separator: ", "))), got '\(kind)'")
            }
            record.overBudget.insert(kind)
        }
        return record
    }

    private func readTally(_ node: ConfigNode) throws(ConfigError) -> GuardTally {
        let entries = try node.entries(known: ["flagged", "hits"])
        return GuardTally(
            flagged: try entries["flagged"]?.int(in: 0...Int.max) ?? 0,
            hits: try entries["hits"]?.int(in: 0...Int.max) ?? 0)
    }

    private func readGuard(_ node: ConfigNode) throws(ConfigError) -> (Guard, ConfigNode) {
        guard node.node.mapping != nil else {
            throw node.invalid("expected a guard (a mapping with \(Self.requiredGuardKeys.joined(separator: ", ")))")
        }
        let entries = try node.entries(known: Self.guardKeys)
        for key in Self.requiredGuardKeys where entries[key] == nil {
            throw node.invalid("missing '\(key)' (every guard needs \(Self.requiredGuardKeys.joined(separator: ", ")))")
        }
        func text(_ key: String) throws(ConfigError) -> String { try entries[key].map(string) ?? "" }
        let idNode = entries["id"] ?? node
        let id = try text("id")
        guard !id.isEmpty, !id.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 }) else {
            throw idNode.invalid("expected an id without spaces, like hs-0123456789ab")
        }
        let kind = try text("kind")
        guard !kind.isEmpty else {
            throw (entries["kind"] ?? node).invalid("expected a guard kind, like reintroduced-fix")
        }
        var status = GuardStatus.proposed
        if let value = entries["status"] {
            let raw = try value.string()
            guard let parsed = GuardStatus(rawValue: raw) else {
                throw value.invalid("expected proposed, accepted or muted, got '\(raw)'")
            }
            status = parsed
        }
        let severityNode = entries["severity"] ?? node
        let rawSeverity = try severityNode.string()
        guard let severity = Severity(rawValue: rawSeverity) else {
            throw severityNode.invalid("expected error, warning or notice, got '\(rawSeverity)'")
        }
        var item = Guard(
            id: id, kind: kind, status: status, severity: severity, scope: try readScope(entries["scope"]),
            match: try text("match"), message: try text("message"), action: try text("action"),
            evidence: try readEvidence(entries["evidence"]),
            muteReason: try optionalText(entries["muteReason"])
        )
        item.record = try entries["backtest"].map(readTally)
        return (item, idNode)
    }

    private func optionalText(_ node: ConfigNode?) throws(ConfigError) -> String? {
        guard let node, !node.isNull else { return nil }
        return try string(node)
    }

    private func readScope(_ node: ConfigNode?) throws(ConfigError) -> [RepoPath] {
        var paths: [RepoPath] = []
        for element in try elements(of: node, expecting: "a list of paths") {
            if element.node.mapping != nil {
                let encoded = try element.entries(known: ["base64"])["base64"]
                guard let encoded, let bytes = Data(base64Encoded: try encoded.string()) else {
                    throw element.invalid("expected a path, or base64: and the bytes of a path that is not UTF-8")
                }
                paths.append(RepoPath(bytes: Array(bytes)))
            } else {
                paths.append(RepoPath(try string(element)))
            }
        }
        return paths
    }

    func readEvidence(_ node: ConfigNode?) throws(ConfigError) -> [CommitRef] {
        var commits: [CommitRef] = []
        for element in try elements(of: node, expecting: "a list of commits") {
            commits.append(try readCommit(element).commit)
        }
        return commits
    }

    /// One commit of an evidence list (`commit:`, `date:`, `subject:`, `author:`), with the entries
    /// of the element, which may also hold `extraKeys`.
    func readCommit(
        _ element: ConfigNode, extraKeys: [String] = []
    ) throws(ConfigError) -> (commit: CommitRef, entries: [String: ConfigNode]) {
        let entries = try element.entries(known: Self.evidenceKeys + extraKeys)
        guard let commitNode = entries["commit"], let dateNode = entries["date"] else {
            throw element.invalid("expected commit: and date: (and subject:, author:)")
        }
        let hex = try commitNode.string()
        guard let id = CommitID(hex: hex) else {
            throw commitNode.invalid("expected a full commit id (40 or 64 hex digits), got '\(hex)'")
        }
        let date = try dateNode.string()
        guard let time = GuardDate.time(from: date) else {
            throw dateNode.invalid("expected a date like 2024-01-31, got '\(date)'")
        }
        let commit = CommitRef(
            id: id, time: time, subject: try entries["subject"].map(string) ?? "",
            author: try entries["author"].map(string) ?? "")
        return (commit, entries)
    }

    /// A scalar's text, exactly. Foundation drops a leading U+FEFF when Yams decodes a scalar, so a
    /// double-quoted value that starts with one in the source (`"\\uFEFF…"`) gets it back.
    func string(_ node: ConfigNode) throws(ConfigError) -> String {
        let value = try node.string()
        guard case .scalar(let scalar) = node.node, scalar.style == .doubleQuoted,
            value.unicodeScalars.first != "\u{FEFF}",
            let mark = node.node.mark, (1...lines.count).contains(mark.line), mark.column >= 1
        else { return value }
        let source = String(
            String.UnicodeScalarView(lines[mark.line - 1].unicodeScalars.dropFirst(mark.column - 1).prefix(11)))
        let hasMark = ["\"\u{FEFF}", "\"\\ufeff", "\"\\U0000feff"].contains {
            source.lowercased().hasPrefix($0.lowercased())
        }
        return hasMark ? "\u{FEFF}" + value : value
    }

    /// The elements of an optional list; absent or null is empty.
    func elements(of node: ConfigNode?, expecting what: String) throws(ConfigError) -> [ConfigNode] {
        guard let node, !node.isNull else { return [] }
        guard let sequence = node.node.sequence else { throw node.invalid("expected \(what)") }
        return sequence.enumerated().map { ConfigNode(node: $1, key: "\(node.key)[\($0)]", file: node.file) }
    }
}

extension ConfigNode {
    /// Whether the value is an empty or null plain scalar (`key:`, `key: ~`, `key: null`).
    var isNull: Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }
}

/// Evidence dates: `yyyy-mm-dd` in UTC, read back as that day's midnight.
enum GuardDate {
    /// The UTC calendar date of `time` (seconds since the epoch).
    static func string(from time: Int64) -> String { CalendarDate.isoDate(time) }

    /// Midnight UTC of a `yyyy-mm-dd` date, or nil when it is not one.
    static func time(from text: String) -> Int64? { CalendarDate.midnight(ofISODate: text) }
}
