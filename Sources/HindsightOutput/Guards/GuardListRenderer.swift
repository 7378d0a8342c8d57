import HindsightCore

/// `hindsight guards list`: the guards one a line with counts and the backtest's lift, or as JSON.
public struct GuardListRenderer: Sendable {
    /// The formats `guards list` prints.
    public enum Format: String, CaseIterable, Sendable {
        case text, json
    }

    /// The format to render.
    public var format: Format

    /// A renderer for `format`.
    public init(format: Format) {
        self.format = format
    }

    /// `shown` (the guards left by the filters) out of `set`, whose file is `file` and `exists` or not.
    public func render(_ shown: [Guard], of set: GuardSet, file: String, exists: Bool) -> String {
        switch format {
        case .text:
            text(shown, total: set.guards.count, file: file, exists: exists)
                + (Self.recordLine(set.record).map { $0 + "\n" } ?? "")
        case .json:
            json(shown, record: set.record, file: file).serialized()
        }
    }

    /// Each kind's lift in the latest backtest, in one line.
    public static func recordLine(_ record: BacktestRecord?) -> String? {
        guard let record else { return nil }
        let below = record.kindsBelowThreshold
        let kinds = record.kinds.sorted { $0.key < $1.key }.filter { $0.value.flagged > 0 }.map { kind, tally in
            "\(TerminalEscaping.safe(kind)) \(GuardText.lift(record.score(tally)))"
                + (below.contains(kind) ? " (notice)" : "")
        }
        return "Backtest lift over random (\(record.commits) commits after \(record.cut.short)): "
            + (kinds.isEmpty ? "no kind flagged a commit." : kinds.joined(separator: ", ") + ".")
    }

    private func text(_ shown: [Guard], total: Int, file: String, exists: Bool) -> String {
        guard exists else {
            return "No guards yet: \(file) does not exist. Run `hindsight guards mine` to mine them from history.\n"
        }
        let safe = TerminalEscaping.safe
        let idWidth = shown.map { safe($0.id).count }.max() ?? 0
        let kindWidth = shown.map { safe($0.kind).count }.max() ?? 0
        let scopes = shown.map { TextShaping.truncated(GuardText.scope($0.scope), 40) }
        let scopeWidth = scopes.map(\.count).max() ?? 0
        var lines: [String] = []
        for (item, scope) in zip(shown, scopes) {
            let columns = [
                TextShaping.padded(safe(item.id), idWidth), TextShaping.padded(item.status.rawValue, 8),
                TextShaping.padded(item.severity.rawValue, 7), TextShaping.padded(safe(item.kind), kindWidth),
                TextShaping.padded(scope, scopeWidth), safe(item.message),
            ]
            lines.append(columns.joined(separator: "  "))
        }
        let counts = GuardStatus.allCases.map { status in
            "\(shown.filter { $0.status == status }.count) \(status.rawValue)"
        }
        let filtered = shown.count == total ? "" : " of \(total)"
        lines.append("\(shown.count)\(filtered) guard\(total == 1 ? "" : "s"): \(counts.joined(separator: ", ")).")
        if !shown.isEmpty {
            lines.append("`hindsight guards explain ID` shows one guard and the commits behind it.")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The JSON shape (schema version 1), keys sorted.
    private func json(_ shown: [Guard], record: BacktestRecord?, file: String) -> JSONValue {
        .object([
            ("backtest", record.map(Self.record) ?? .null),
            (
                "counts",
                .object(
                    GuardStatus.allCases.map { $0.rawValue }.sorted().map { name in
                        (name, .int(shown.count { $0.status.rawValue == name }))
                    })
            ),
            ("file", .string(file)),
            ("guards", .array(shown.map(Self.guardJSON))),
            ("schemaVersion", .int(1)),
        ])
    }

    private static func record(_ record: BacktestRecord) -> JSONValue {
        let below = record.kindsBelowThreshold
        return .object([
            ("commits", .int(record.commits)),
            ("cut", .string(record.cut.hex)),
            ("fixInducing", .int(record.fixInducing)),
            (
                "kinds",
                .array(
                    record.kinds.sorted { $0.key < $1.key }.map { kind, tally in
                        let score = record.score(tally)
                        return .object([
                            ("belowThreshold", .bool(below.contains(kind))), ("flagged", .int(tally.flagged)),
                            ("hits", .int(tally.hits)),
                            ("kind", .string(kind)), ("lift", .number(score.lift)),
                            ("precision", .number(score.precision)),
                            ("recall", .number(score.recall)),
                        ])
                    })
            ),
            ("liftThreshold", .number(record.liftThreshold)),
            ("until", .string(record.until.hex)),
        ])
    }

    private static func guardJSON(_ item: Guard) -> JSONValue {
        .object([
            ("action", .string(item.action)),
            (
                "backtest",
                item.record.map { .object([("flagged", .int($0.flagged)), ("hits", .int($0.hits))]) } ?? .null
            ),
            (
                "evidence",
                .array(
                    item.evidence.map { commit in
                        .object([
                            ("author", .string(commit.author)), ("commit", .string(commit.id.hex)),
                            ("date", .string(CalendarDate.isoDate(commit.time))), ("subject", .string(commit.subject)),
                            ("time", .int(Int(commit.time))),
                        ])
                    })
            ),
            ("id", .string(item.id)),
            ("kind", .string(item.kind)),
            ("match", .string(item.match)),
            ("message", .string(item.message)),
            ("muteReason", item.muteReason.map(JSONValue.string) ?? .null),
            ("scope", .array(item.scope.map { .string($0.string) })),
            ("severity", .string(item.severity.rawValue)),
            ("status", .string(item.status.rawValue)),
        ])
    }
}

/// Guard text shared by the guard renderers.
enum GuardText {
    /// A guard's scope in one line, terminal-safe: its paths, or `(all files)`.
    static func scope(_ scope: [RepoPath]) -> String {
        scope.isEmpty ? "(all files)" : scope.map { TerminalEscaping.safe($0.string) }.joined(separator: ", ")
    }

    /// A lift with two decimals.
    static func lift(_ score: BacktestScore) -> String { ReportText.fixed(score.lift, 2) }
}
