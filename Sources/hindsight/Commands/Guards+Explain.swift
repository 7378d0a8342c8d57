import ArgumentParser
import HindsightConfig
import HindsightKit
import HindsightOutput

extension Guards {
    /// `hindsight guards explain ID`: everything about one guard, and how to accept or mute it.
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "explain",
            abstract:
                "Show one guard: what it matches and where, what to do, the commits that taught it, and how to accept or mute it."
        )

        @OptionGroup var repository: RepositoryOptions

        @Argument(help: ArgumentHelp("The guard's id (see `hindsight guards list`).", valueName: "id"))
        var id: String

        func run() throws {
            let document = try GuardDocument(repository.openRepository())
            let item = document.set.guards[try document.index(of: id)]
            let text = GuardExplanationRenderer(file: GuardSetFile.relativePath).render(
                item, record: document.set.record)
            Terminal.writeOutput(Array(text.utf8))
        }
    }
}
