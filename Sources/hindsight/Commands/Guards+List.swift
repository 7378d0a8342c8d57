import ArgumentParser
import HindsightConfig
import HindsightCore
import HindsightKit
import HindsightOutput

extension GuardListRenderer.Format: ExpressibleByArgument {}
extension GuardStatus: ExpressibleByArgument {
    /// Any case: `Proposed` is `proposed`.
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

extension Guards {
    /// `hindsight guards list`: the guards, one a line, with counts.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the guards in .hindsight/guards.yml: id, status, severity, kind, scope and message."
        )

        @OptionGroup var repository: RepositoryOptions

        @Option(help: ArgumentHelp("Only guards with this status (proposed, accepted or muted).", valueName: "status"))
        var status: GuardStatus?

        @Option(
            help: ArgumentHelp(
                "Only guards of this kind (\(GuardKind.all.filter { $0.source == .mined }.map(\.id).joined(separator: ", "))).",
                valueName: "kind"))
        var kind: String?

        @Option(help: ArgumentHelp("Output format.", valueName: "format"))
        var format: GuardListRenderer.Format = .text

        func run() throws {
            let document = try GuardDocument(repository.openRepository())
            let shown = document.set.guards.filter { item in
                (status.map { item.status == $0 } ?? true) && (kind.map { item.kind == $0 } ?? true)
            }
            let text = GuardListRenderer(format: format).render(
                shown, of: document.set, file: GuardSetFile.relativePath, exists: document.exists)
            Terminal.writeOutput(Array(text.utf8))
        }
    }
}
