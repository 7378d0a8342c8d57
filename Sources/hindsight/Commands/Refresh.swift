import ArgumentParser
import Foundation
import HindsightCore
import HindsightKit

/// `hindsight refresh`: what the hooks run after each commit, merge, rewrite and checkout.
struct Refresh: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refresh",
        abstract:
            "Bring the index, check's per-file cache and (with context.refresh) the agent context files up to date.",
        discussion: """
            The hooks `hindsight install` writes run this in the background after each commit, merge, \
            rewrite and checkout, so the next `check` reads a current index and a warm cache. It is \
            incremental: after one commit it takes milliseconds, plus about a second for the cache on a \
            history the size of git's.
            """
    )

    @OptionGroup var repository: RepositoryOptions

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    func run() throws {
        let workspace = try repository.openWorkspace()
        try IndexUpdate.run(workspace, quiet: quiet)
        guard let store = try workspace.index() else { return }
        try FileFactsLoader.warm(
            store: store, in: workspace, settings: workspace.analysisSettings(now: try workspace.referenceTime()))
        guard workspace.configuration.context.refresh, workspace.workTree != nil else { return }
        var arguments = ["--repo", repository.path, "--no-mine"] + (quiet ? ["--quiet"] : [])
        if let config = repository.config { arguments += ["--config", config] }
        let context = try Context.parse(arguments)
        try context.run()
    }
}
