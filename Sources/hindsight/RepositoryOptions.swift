import ArgumentParser
import Foundation
import HindsightConfig
import HindsightCore
import HindsightGit

/// Options every command that reads a repository shares.
struct RepositoryOptions: ParsableArguments {
    @Option(name: .customLong("repo"), help: ArgumentHelp("The repository to read (any directory inside it).", valueName: "path"))
    var path = "."

    @Option(help: ArgumentHelp("Configuration file (default: .hindsight.yml at the work tree's root).", valueName: "file"))
    var config: String?

    /// Opens the repository.
    func openRepository() throws -> GitRepository {
        try GitRepository(path: path)
    }

    /// The configuration for `repository`: `--config`, else `.hindsight.yml` in its work tree, else defaults.
    func configuration(for repository: GitRepository) throws -> HindsightConfiguration {
        if let config {
            return try HindsightConfiguration.load(from: URL(fileURLWithPath: config), isRequired: true)
        }
        guard let workTree = repository.workTree else { return HindsightConfiguration() }
        return try HindsightConfiguration.load(from: workTree.appendingPathComponent(HindsightConfiguration.fileName))
    }
}
