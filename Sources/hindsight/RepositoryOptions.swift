import ArgumentParser
import HindsightGit
import HindsightKit

/// Options every command that reads a repository shares.
struct RepositoryOptions: ParsableArguments {
    @Option(
        name: .customLong("repo"),
        help: ArgumentHelp("The repository to read (any directory inside it).", valueName: "path"))
    var path = "."

    @Option(
        help: ArgumentHelp("Configuration file (default: .hindsight.yml at the work tree's root).", valueName: "file"))
    var config: String?

    /// Opens the repository alone, for commands that need no configuration.
    func openRepository() throws -> GitRepository {
        try GitRepository(path: path)
    }

    /// Opens the repository with its configuration (`--config`, else `.hindsight.yml`, else defaults).
    func openWorkspace(fromEnvironment: Bool = false) throws -> Workspace {
        try Workspace(path: path, configurationFile: config, fromEnvironment: fromEnvironment)
    }
}
