import ArgumentParser
import Foundation
import HindsightConfig
import HindsightCore
import HindsightKit
import HindsightOutput

/// `hindsight guards`: review the guards mined from history into `.hindsight/guards.yml`.
struct Guards: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "guards",
        abstract: "Review the guards mined from history: list, explain, accept or mute them.",
        discussion: """
            Guards live in \(GuardSetFile.relativePath) at the work tree's root: `hindsight guards mine` \
            proposes them from history, people review and commit the file like code, and `hindsight check` \
            runs every guard except muted ones. An ID may be shortened to a unique prefix of at least \
            \(GuardDocument.shortestPrefix) characters.
            """,
        subcommands: subcommands,
        defaultSubcommand: List.self
    )

    /// Every `guards` subcommand; `guards mine` is registered in Guards+Registry.swift.
    static let subcommands: [any ParsableCommand.Type] =
        [Guards.List.self, Guards.Explain.self, Guards.Accept.self, Guards.Mute.self, Guards.Kinds.self]
        + minedSubcommands
}

extension Guards {
    /// `text` with control characters, line separators and bidirectional marks escaped, so history
    /// text cannot move the cursor, recolour or reorder what a terminal shows.
    static func terminalSafe(_ text: String) -> String { TerminalEscaping.safe(text) }

    /// Parses `--severity`.
    static func severity(_ text: String) throws -> Severity {
        guard let severity = Severity(rawValue: text.lowercased()) else {
            throw ValidationError("expected error, warning or notice")
        }
        return severity
    }
}
