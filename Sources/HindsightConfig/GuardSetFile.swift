import Foundation
import HindsightCore

/// `.hindsight/guards.yml`: the guards mined from history, as people review, edit and commit them.
public enum GuardSetFile {
    /// Where the file sits, relative to the work tree's root.
    public static let relativePath = ".hindsight/guards.yml"

    /// The `version:` this hindsight writes and reads.
    public static let version = 1

    /// Loads the guards at `url`; a missing file is an empty set.
    /// - Throws: `ConfigError` naming the key and line of anything that cannot be read.
    public static func load(from url: URL) throws(ConfigError) -> GuardSet {
        guard FileManager.default.fileExists(atPath: url.path) else { return GuardSet() }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .invalid(
                path: url.path, key: "", line: nil, detail: "cannot read the file (\(error.localizedDescription))")
        }
        return try load(contents: data, path: url.path)
    }

    /// The guards in `data`, a guards file's bytes; `path` names it in errors.
    public static func load(contents data: Data, path: String) throws(ConfigError) -> GuardSet {
        guard let text = String(validating: data, as: UTF8.self) else {
            throw .invalid(path: path, key: "", line: nil, detail: "not UTF-8 text")
        }
        return try parse(text, path: path)
    }

    /// Parses the text of a guards file; `path` names it in errors. Unknown keys, bad values and
    /// duplicate ids are errors, each naming its key and line.
    public static func parse(_ text: String, path: String) throws(ConfigError) -> GuardSet {
        try GuardSetReader(path: path, text: text).read()
    }

    /// The file's text for `set`: a header saying what the file is, then YAML that reads back to
    /// exactly `set`. The same set always gives the same bytes.
    public static func render(_ set: GuardSet) -> String {
        var lines = header
        lines.append("version: \(version)")
        if let record = set.record { lines += render(record) }
        if let model = set.riskModel { lines += render(model) }
        if set.guards.isEmpty {
            lines.append("guards: []")
        } else {
            lines.append("guards:")
            for (index, item) in set.guards.enumerated() {
                if index > 0 { lines.append("") }
                lines += render(item)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes `set` to `url` atomically (a temporary file in the same directory, renamed over it),
    /// creating the directory; leaves the file untouched when its bytes would not change.
    /// - Returns: Whether the file was written.
    @discardableResult
    public static func save(_ set: GuardSet, to url: URL) throws -> Bool {
        let data = Data(render(set).utf8)
        if let existing = try? Data(contentsOf: url), existing == data { return false }
        try AtomicFile.write(data, to: url, createDirectory: true)
        return true
    }

    /// The set in pieces for the index's guard cache: each guard's entry, with the cache keys it
    /// can fire on (none: any change), and the text every check needs (the record and the risk model). A reintroduced-fix guard fires only on
    /// its scope's paths, a recurring-pattern guard only on added lines calling its match, and a
    /// reverted-change guard only on changes adding three of its lines, so they are keyed by those;
    /// `parse(entries:record:)` reads any selection back.
    public static func cachePieces(
        _ set: GuardSet
    ) -> (entries: [(id: String, keys: [RepoPath], text: String)], record: String?) {
        let entries = set.guards.map { item -> (String, [RepoPath], String) in
            let keys: [RepoPath] =
                switch GuardKind.named(item.kind)?.cacheKey {
                case .scopePaths: item.scope
                case .call: [callKey(item.match)]
                case .matchLines: item.match.split(separator: "\n").map { lineKey(Substring($0)) }
                case .anyChange, nil: []
                }
            // Accepted guards are also kept under one key, for `context`, which lists only those.
            return (
                item.id, keys + (item.status == .accepted ? [acceptedKey] : []),
                render(item).joined(separator: "\n") + "\n"
            )
        }
        let shared = (set.record.map(render) ?? []) + (set.riskModel.map(render) ?? [])
        return (entries, shared.isEmpty ? nil : shared.joined(separator: "\n") + "\n")
    }

    /// The cache keys a change can trip: its paths (old and new) and the calls its added lines make.
    public static func cacheKeys(of change: ChangeSet) -> Set<RepoPath> {
        var keys = Set<RepoPath>()
        for file in change.files {
            keys.insert(file.path)
            if let old = file.oldPath { keys.insert(old) }
            for line in file.added {
                for call in callTokens(in: line.text) { keys.insert(callKey(call)) }
                keys.insert(lineKey(Substring(normalizedLine(line.text))))
            }
        }
        return keys
    }

    /// The cache key every accepted guard is also kept under: NUL (which no git path holds) and a word.
    public static let acceptedKey = RepoPath(bytes: [0] + Array("status:accepted".utf8))

    /// A call's cache key: NUL (which no git path holds) and the call, so it never meets a path.
    private static func callKey(_ call: String) -> RepoPath { RepoPath(bytes: [0] + Array("call:\(call)".utf8)) }

    /// A (normalized) line's cache key: NUL and the line's hash, short whatever the line's length;
    /// a collision only reads one more guard, whose own test then decides.
    private static func lineKey(_ line: Substring) -> RepoPath {
        var hash = FNV1a64()
        hash.add(line.utf8)
        return RepoPath(bytes: [0] + Array("line:\(String(hash.value, radix: 16))".utf8))
    }

    /// The guards of some of a file's `cachePieces` entries, with its record.
    public static func parse(entries: [String], record: String?) throws(ConfigError) -> GuardSet {
        let text =
            "version: \(version)\n" + (record ?? "")
            + (entries.isEmpty ? "guards: []\n" : "guards:\n" + entries.joined())
        return try parse(text, path: relativePath + " (cached)")
    }

    /// The UTC date the file writes for an evidence commit's time (`yyyy-mm-dd`); it reads back as
    /// that day's midnight.
    public static func evidenceDate(_ time: Int64) -> String { GuardDate.string(from: time) }

    // MARK: - Rendering

    static let header = [
        "# Hindsight guards: checks mined from this repository's history by `hindsight guards mine`.",
        "# Review this file like code and commit it. `hindsight check` runs every guard here except muted ones.",
        "#",
        "#   hindsight guards list                         the guards, one a line",
        "#   hindsight guards explain ID                   one guard and the commits that taught it",
        "#   hindsight guards accept ID [--severity error] keep it (status: accepted), optionally raising its severity",
        "#   hindsight guards mute ID --reason \"...\"       never run it (status: muted), saying why",
        "#",
        "# You may also edit status (proposed, accepted, muted), severity (error, warning, notice), message,",
        "# action, scope and muteReason by hand: `hindsight guards mine` keeps them and only refreshes evidence.",
        "# Comments other than this header are not kept when hindsight rewrites the file.",
        "",
    ]

    private static func render(_ item: Guard) -> [String] {
        var lines = [
            "  - id: \(yamlScalar(item.id))",
            "    kind: \(yamlScalar(item.kind))",
            "    status: \(item.status.rawValue)",
        ]
        if let reason = item.muteReason { lines.append("    muteReason: \(yamlScalar(reason))") }
        lines.append("    severity: \(item.severity.rawValue)")
        lines += list(
            "scope",
            item.scope.map { path in
                path.isValidUTF8 ? [yamlScalar(path.string)] : ["base64: \(Data(path.bytes).base64EncodedString())"]
            })
        lines += [
            "    match: \(yamlScalar(item.match))",
            "    message: \(yamlScalar(item.message))",
            "    action: \(yamlScalar(item.action))",
        ]
        lines += list(
            "evidence",
            item.evidence.map { commit in
                [
                    "commit: \(commitScalar(commit.id))",
                    "date: \(evidenceDate(commit.time))",
                    "subject: \(yamlScalar(commit.subject))",
                    "author: \(yamlScalar(commit.author))",
                ]
            })
        if let tally = item.record {
            lines += ["    backtest:", "      flagged: \(tally.flagged)", "      hits: \(tally.hits)"]
        }
        return lines
    }

    private static func render(_ record: BacktestRecord) -> [String] {
        var lines = [
            "backtest:",
            "  cut: \(commitScalar(record.cut))",
            "  until: \(commitScalar(record.until))",
            "  commits: \(record.commits)",
            "  fixInducing: \(record.fixInducing)",
            "  liftThreshold: \(record.liftThreshold)",
        ]
        if let budget = record.alarmBudget { lines.append("  alarmBudget: \(decimal(budget))") }
        if !record.overBudget.isEmpty {
            lines.append("  overBudget: [\(record.overBudget.sorted().map(yamlScalar).joined(separator: ", "))]")
        }
        if let shipped = record.shipped {
            lines += ["  shipped:", "    flagged: \(shipped.flagged)", "    hits: \(shipped.hits)"]
        }
        lines.append(record.kinds.isEmpty ? "  kinds: {}" : "  kinds:")
        for (kind, tally) in record.kinds.sorted(by: { $0.key < $1.key }) {
            lines += ["    \(yamlScalar(kind)):", "      flagged: \(tally.flagged)", "      hits: \(tally.hits)"]
        }
        return lines
    }

    /// A commit id as YAML reads it back as text: quoted when all digits.
    static func commitScalar(_ id: CommitID) -> String {
        id.hex.contains(where: \.isLetter) ? id.hex : "\"\(id.hex)\""
    }

    /// A block list under `key` at the guard's indentation; each element is its lines.
    private static func list(_ key: String, _ elements: [[String]]) -> [String] {
        guard !elements.isEmpty else { return ["    \(key): []"] }
        var lines = ["    \(key):"]
        for element in elements {
            for (index, line) in element.enumerated() { lines.append((index == 0 ? "      - " : "        ") + line) }
        }
        return lines
    }
}
