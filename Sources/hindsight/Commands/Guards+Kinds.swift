import ArgumentParser
import HindsightCore
import HindsightOutput

extension GuardKindsRenderer.Format: ExpressibleByArgument {}

extension Guards {
    /// `hindsight guards kinds`: every kind of guard, with examples of what it flags and lets through.
    struct Kinds: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "kinds",
            abstract:
                "Describe every guard kind: what it flags, where its guards come from, its severity, and examples.",
            discussion: """
                Each kind shows a change it flags, with the exact message, and a near miss it lets through. \
                The same examples run as tests, so what is printed here is what `hindsight check` does.
                """
        )

        @Option(help: ArgumentHelp("Output format.", valueName: "format"))
        var format: GuardKindsRenderer.Format = .text

        func run() {
            Terminal.writeOutput(Array(GuardKindsRenderer(format: format).render(GuardKind.all).utf8))
        }
    }
}
