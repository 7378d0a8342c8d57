import ArgumentParser
import Foundation
import HindsightConfig
import HindsightCore

extension Guards {
    /// `hindsight guards list`: the guards, one a line, with counts.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the guards in .hindsight/guards.yml: id, status, severity, kind, scope and message."
        )

        /// The formats `guards list` prints.
        enum Format: String, CaseIterable, ExpressibleByArgument {
            case text, json
        }

        @OptionGroup var repository: RepositoryOptions

        @Option(help: ArgumentHelp("Only guards with this status (proposed, accepted or muted).", valueName: "status"),
                transform: List.status)
        var status: GuardStatus?

        @Option(help: ArgumentHelp("Only guards of this kind (reintroduced-fix, reverted-change, …).", valueName: "kind"))
        var kind: String?

        @Option(help: ArgumentHelp("Output format.", valueName: "format"))
        var format: Format = .text

        func run() throws {
            let document = try Document(repository)
            let shown = document.set.guards.filter { item in
                (status.map { item.status == $0 } ?? true) && (kind.map { item.kind == $0 } ?? true)
            }
            switch format {
            case .text:
                let record = Self.recordLine(document.set.record).map { $0 + "\n" } ?? ""
                Terminal.writeOutput(Array((text(shown, total: document.set.guards.count, exists: document.exists) + record).utf8))
            case .json: Terminal.writeOutput(Array(try json(shown, record: document.set.record)) + [UInt8(ascii: "\n")])
            }
        }

        static func status(_ text: String) throws -> GuardStatus {
            guard let status = GuardStatus(rawValue: text.lowercased()) else {
                throw ValidationError("expected proposed, accepted or muted")
            }
            return status
        }

        private func text(_ shown: [Guard], total: Int, exists: Bool) -> String {
            guard exists else {
                return "No guards yet: \(GuardSetFile.relativePath) does not exist. Run `hindsight guards mine` to mine them from history.\n"
            }
            let idWidth = shown.map { Guards.terminalSafe($0.id).count }.max() ?? 0
            let kindWidth = shown.map { Guards.terminalSafe($0.kind).count }.max() ?? 0
            let scopes = shown.map { Guards.elided(Guards.scopeText($0.scope), 40) }
            let scopeWidth = scopes.map(\.count).max() ?? 0
            var lines: [String] = []
            for (item, scope) in zip(shown, scopes) {
                let columns = [
                    Guards.padded(Guards.terminalSafe(item.id), idWidth), Guards.padded(item.status.rawValue, 8), Guards.padded(item.severity.rawValue, 7),
                    Guards.padded(Guards.terminalSafe(item.kind), kindWidth), Guards.padded(scope, scopeWidth),
                    Guards.terminalSafe(item.message),
                ]
                lines.append(columns.joined(separator: "  "))
            }
            let counts = GuardStatus.allCases.map { status in "\(shown.filter { $0.status == status }.count) \(status.rawValue)" }
            let filtered = shown.count == total ? "" : " of \(total)"
            lines.append("\(shown.count)\(filtered) guard\(total == 1 ? "" : "s"): \(counts.joined(separator: ", ")).")
            if !shown.isEmpty {
                lines.append("`hindsight guards explain ID` shows one guard and the commits behind it.")
            }
            return lines.joined(separator: "\n") + "\n"
        }

        /// Each kind's lift in the latest backtest, in one line.
        static func recordLine(_ record: BacktestRecord?) -> String? {
            guard let record else { return nil }
            let below = record.kindsBelowThreshold
            let kinds = record.kinds.sorted { $0.key < $1.key }.filter { $0.value.flagged > 0 }.map { kind, tally in
                "\(Guards.terminalSafe(kind)) \(Guards.lift(record.score(tally)))" + (below.contains(kind) ? " (notice)" : "")
            }
            return "Backtest lift over random (\(record.commits) commits after \(record.cut.short)): "
                + (kinds.isEmpty ? "no kind flagged a commit." : kinds.joined(separator: ", ") + ".")
        }

        private func json(_ shown: [Guard], record: BacktestRecord?) throws -> Data {
            let counts = Dictionary(uniqueKeysWithValues: GuardStatus.allCases.map { status in
                (status.rawValue, shown.filter { $0.status == status }.count)
            })
            let list = GuardList(
                schemaVersion: 1, file: GuardSetFile.relativePath, counts: counts, backtest: record.map(RecordJSON.init),
                guards: shown.map(GuardJSON.init))
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return try encoder.encode(list)
        }
    }

    /// `text` padded with spaces to `width` characters.
    static func padded(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    /// A lift with two decimals.
    static func lift(_ score: BacktestScore) -> String { String(format: "%.2f", score.lift) }

    /// `text` cut to `width` characters with `…` at the end.
    static func elided(_ text: String, _ width: Int) -> String {
        text.count <= width ? text : String(text.prefix(width - 1)) + "…"
    }
}

/// The JSON `guards list` prints.
private struct GuardList: Encodable {
    let schemaVersion: Int
    let file: String
    let counts: [String: Int]
    let backtest: RecordJSON?
    let guards: [GuardJSON]
}

/// The latest backtest's record, as `guards list --format json` prints it.
private struct RecordJSON: Encodable {
    struct Kind: Encodable {
        let kind: String
        let flagged, hits: Int
        let recall, precision, lift: Double
        let belowThreshold: Bool
    }

    let cut, until: String
    let commits, fixInducing: Int
    let liftThreshold: Double
    let kinds: [Kind]

    init(_ record: BacktestRecord) {
        cut = record.cut.hex
        until = record.until.hex
        commits = record.commits
        fixInducing = record.fixInducing
        liftThreshold = record.liftThreshold
        let below = record.kindsBelowThreshold
        kinds = record.kinds.sorted { $0.key < $1.key }.map { kind, tally in
            let score = record.score(tally)
            return Kind(kind: kind, flagged: tally.flagged, hits: tally.hits, recall: score.recall, precision: score.precision,
                        lift: score.lift, belowThreshold: below.contains(kind))
        }
    }
}

private struct GuardJSON: Encodable {
    struct Commit: Encodable {
        let commit: String
        let date: String
        let time: Int64
        let subject: String
        let author: String
    }

    let id, kind, status, severity, match, message, action: String
    let scope: [String]
    let muteReason: String?
    let evidence: [Commit]
    let backtest: Tally?

    struct Tally: Encodable {
        let flagged, hits: Int
    }

    init(_ item: Guard) {
        id = item.id
        kind = item.kind
        status = item.status.rawValue
        severity = item.severity.rawValue
        match = item.match
        message = item.message
        action = item.action
        scope = item.scope.map(\.string)
        muteReason = item.muteReason
        backtest = item.record.map { Tally(flagged: $0.flagged, hits: $0.hits) }
        evidence = item.evidence.map {
            Commit(commit: $0.id.hex, date: GuardSetFile.evidenceDate($0.time), time: $0.time, subject: $0.subject, author: $0.author)
        }
    }
}
