import ArgumentParser
import Foundation
import HindsightCore

/// `hindsight refresh`: what the hooks run after each commit, merge, rewrite and checkout.
struct Refresh: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refresh",
        abstract: "Bring the index, check's per-file cache and (with context.refresh) the agent context files up to date.",
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
        let git = try repository.openRepository()
        let configuration = try repository.configuration(for: git)
        try IndexUpdate.run(repository, configuration: configuration, quiet: quiet)
        guard let store = try IndexUpdate.open(git) else { return }
        // Loading the rules' facts for no file computes and caches them when the cache is stale.
        let settings = configuration.report.analysisSettings(now: Int64(Date().timeIntervalSince1970))
        _ = try GuardContextLoader.load(
            store: store, settings: settings, touching: ChangeSet(description: "refresh", files: []), severities: [:])
        guard configuration.context.refresh, git.workTree != nil else { return }
        var arguments = ["--repo", repository.path, "--no-mine"] + (quiet ? ["--quiet"] : [])
        if let config = repository.config { arguments += ["--config", config] }
        let context = try Context.parse(arguments)
        try context.run()
    }
}
