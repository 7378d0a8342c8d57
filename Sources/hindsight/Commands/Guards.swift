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
            \(Document.shortestPrefix) characters.
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
    /// The guards file of the repository `--repo` names, loaded for one command.
    struct Document {
        /// IDs shorter than this never match by prefix (`hs` would match everything).
        static let shortestPrefix = GuardSet.shortestPrefix

        /// The file (it may not exist yet).
        let url: URL
        /// Its guards; empty when the file does not exist.
        var set: GuardSet
        /// The guards as loaded.
        private let loaded: GuardSet

        /// Loads `.hindsight/guards.yml` from the root of the repository's work tree.
        init(_ repository: RepositoryOptions) throws {
            let git = try repository.openRepository()
            guard let workTree = git.workTree else {
                throw UsageError(
                    "the repository has no work tree (it is bare), so it has no \(GuardSetFile.relativePath). Run this in a clone."
                )
            }
            url = workTree.appendingPathComponent(GuardSetFile.relativePath)
            set = try GuardSetFile.load(from: url)
            loaded = set
        }

        /// Whether the file exists.
        var exists: Bool { FileManager.default.fileExists(atPath: url.path) }

        /// The position in `set.guards` of the guard `id` names: the exact id, or a unique prefix.
        func index(of id: String) throws -> Int {
            let matches = set.indices(matching: id)
            if matches.count == 1, let only = matches.first { return only }
            let shown = Guards.terminalSafe(id)
            if matches.count > 1 {
                let ids = matches.prefix(5).map { set.guards[$0].id }.joined(separator: ", ")
                throw UsageError(
                    "'\(shown)' matches \(matches.count) guards (\(ids)\(matches.count > 5 ? ", …" : "")). Give more of the id."
                )
            }
            guard exists else {
                throw UsageError(
                    "no guard '\(shown)': \(GuardSetFile.relativePath) does not exist yet. Run `hindsight guards mine` first."
                )
            }
            throw UsageError(
                "no guard '\(shown)' in \(GuardSetFile.relativePath). Run `hindsight guards list` to see the ids.")
        }

        /// Writes the guards back atomically when they changed; returns whether the file changed.
        func save() throws -> Bool {
            guard set != loaded else { return false }
            do {
                return try GuardSetFile.save(set, to: url)
            } catch {
                throw UsageError(
                    "cannot write \(url.path) (\(error.localizedDescription)). Check that its directory is writable.")
            }
        }
    }

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
