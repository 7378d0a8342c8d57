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
            case .text: Terminal.writeOutput(Array(text(shown, total: document.set.guards.count, exists: document.exists).utf8))
            case .json: Terminal.writeOutput(Array(try json(shown)) + [UInt8(ascii: "\n")])
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

        private func json(_ shown: [Guard]) throws -> Data {
            let counts = Dictionary(uniqueKeysWithValues: GuardStatus.allCases.map { status in
                (status.rawValue, shown.filter { $0.status == status }.count)
            })
            let list = GuardList(schemaVersion: 1, file: GuardSetFile.relativePath, counts: counts, guards: shown.map(GuardJSON.init))
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return try encoder.encode(list)
        }
    }

    /// `text` padded with spaces to `width` characters.
    static func padded(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

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
    let guards: [GuardJSON]
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
        evidence = item.evidence.map {
            Commit(commit: $0.id.hex, date: GuardSetFile.evidenceDate($0.time), time: $0.time, subject: $0.subject, author: $0.author)
        }
    }
}
