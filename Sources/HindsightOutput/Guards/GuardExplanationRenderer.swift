import HindsightCore

/// `hindsight guards explain ID`: everything about one guard, the latest backtest's word on it, and
/// how to accept or mute it; untrusted text made safe for a terminal.
public struct GuardExplanationRenderer: Sendable {
    /// The guard file's path, as the text names it.
    public var file: String

    /// A renderer naming `file` (`.hindsight/guards.yml`).
    public init(file: String) {
        self.file = file
    }

    /// The explanation of `item`, with what `record` (the latest backtest) says of it and its kind.
    public func render(_ item: Guard, record: BacktestRecord?) -> String {
        (explanation(of: item) + Self.record(of: item, in: record)).joined(separator: "\n") + "\n"
    }

    private func explanation(of item: Guard) -> [String] {
        let safe = TerminalEscaping.safe
        let id = safe(item.id)
        var lines = [
            "\(id)  \(safe(item.kind))  \(item.severity.rawValue)  \(item.status.rawValue)",
            "",
            "  message:  \(safe(item.message))",
            "  action:   \(safe(item.action))",
            "  scope:    \(GuardText.scope(item.scope))",
            "  match:    \(item.match.isEmpty ? "(nothing)" : safe(item.match))",
            "",
            "Taught by \(TextShaping.count(item.evidence.count, "commit"))\(item.evidence.isEmpty ? "." : ":")",
        ]
        for commit in item.evidence {
            lines.append(
                "  \(commit.shortID)  \(CalendarDate.isoDate(commit.time))  \(safe(commit.subject))  (\(safe(commit.author)))"
            )
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
        lines.append("Or edit \(file) by hand and commit it.")
        return lines
    }

    /// What the latest backtest says of the guard and of its kind, when `guards mine` ran one.
    private static func record(of item: Guard, in record: BacktestRecord?) -> [String] {
        guard let record else { return [] }
        let window =
            "\(record.commits) commits after \(record.cut.short), \(record.fixInducing) of which later needed a fix"
        var lines = ["", "Backtest (\(window)):"]
        let tally = item.record ?? GuardTally(flagged: 0, hits: 0)
        lines.append(
            "  this guard flagged \(tally.flagged), \(tally.hits) of which needed a fix"
                + (tally.flagged > 0 ? " (lift \(GuardText.lift(record.score(tally))))." : "."))
        if let kind = record.kinds[item.kind] {
            let below = record.kindsBelowThreshold.contains(item.kind)
            lines.append(
                "  \(TerminalEscaping.safe(item.kind)) guards flagged \(kind.flagged), \(kind.hits) of which needed a fix"
                    + (kind.flagged > 0 ? " (lift \(GuardText.lift(record.score(kind))))" : "")
                    + (below ? ": below \(record.liftThreshold), so proposed at notice." : "."))
        }
        lines.append("  `hindsight backtest` replays it in full.")
        return lines
    }
}
