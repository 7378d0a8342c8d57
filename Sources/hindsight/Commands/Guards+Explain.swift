import ArgumentParser
import Foundation
import HindsightConfig
import HindsightCore

extension Guards {
    /// `hindsight guards explain ID`: everything about one guard, and how to accept or mute it.
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "explain",
            abstract: "Show one guard: what it matches and where, what to do, the commits that taught it, and how to accept or mute it."
        )

        @OptionGroup var repository: RepositoryOptions

        @Argument(help: ArgumentHelp("The guard's id (see `hindsight guards list`).", valueName: "id"))
        var id: String

        func run() throws {
            let document = try Document(repository)
            let item = document.set.guards[try document.index(of: id)]
            let lines = Self.explanation(of: item) + Self.record(of: item, in: document.set.record)
            Terminal.writeOutput(Array(lines.joined(separator: "\n").utf8) + [UInt8(ascii: "\n")])
        }

        /// What the latest backtest says of the guard and of its kind, when `guards mine` ran one.
        static func record(of item: Guard, in record: BacktestRecord?) -> [String] {
            guard let record else { return [] }
            let window = "\(record.commits) commits after \(record.cut.short), \(record.fixInducing) of which later needed a fix"
            var lines = ["", "Backtest (\(window)):"]
            let tally = item.record ?? GuardTally(flagged: 0, hits: 0)
            lines.append("  this guard flagged \(tally.flagged), \(tally.hits) of which needed a fix"
                + (tally.flagged > 0 ? " (lift \(Guards.lift(record.score(tally))))." : "."))
            if let kind = record.kinds[item.kind] {
                let below = record.kindsBelowThreshold.contains(item.kind)
                lines.append("  \(Guards.terminalSafe(item.kind)) guards flagged \(kind.flagged), \(kind.hits) of which needed a fix"
                    + (kind.flagged > 0 ? " (lift \(Guards.lift(record.score(kind))))" : "")
                    + (below ? ": below \(record.liftThreshold), so proposed at notice." : "."))
            }
            lines.append("  `hindsight backtest` replays it in full.")
            return lines
        }

        static func explanation(of item: Guard) -> [String] {
            let safe = Guards.terminalSafe
            let id = safe(item.id)
            var lines = [
                "\(id)  \(safe(item.kind))  \(item.severity.rawValue)  \(item.status.rawValue)",
                "",
                "  message:  \(safe(item.message))",
                "  action:   \(safe(item.action))",
                "  scope:    \(Guards.scopeText(item.scope))",
                "  match:    \(item.match.isEmpty ? "(nothing)" : safe(item.match))",
                "",
                "Taught by \(item.evidence.count) commit\(item.evidence.count == 1 ? "" : "s")\(item.evidence.isEmpty ? "." : ":")",
            ]
            for commit in item.evidence {
                lines.append("  \(commit.shortID)  \(GuardSetFile.evidenceDate(commit.time))  \(safe(commit.subject))  (\(safe(commit.author)))")
            }
            lines.append("")
            switch item.status {
            case .proposed:
                lines += [
                    "Proposed: `hindsight check` runs it, but nobody has reviewed it yet.",
                    "  Keep it:    hindsight guards accept \(id) [--severity error|warning|notice]",
                    "  Silence it: hindsight guards mute \(id) --reason \"why it is wrong here\"",
                ]
            case .accepted:
                lines += [
                    "Accepted: reviewed and kept; `hindsight check` runs it.",
                    "  Change its severity: hindsight guards accept \(id) --severity error|warning|notice",
                    "  Silence it:          hindsight guards mute \(id) --reason \"why it is wrong here\"",
                ]
            case .muted:
                lines += [
                    "Muted\(item.muteReason.map { " (reason: \(safe($0)))" } ?? ""): `hindsight check` does not run it.",
                    "  Run it again: hindsight guards accept \(id)",
                ]
            }
            lines.append("Or edit \(GuardSetFile.relativePath) by hand and commit it.")
            return lines
        }
    }
}
