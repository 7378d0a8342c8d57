import Foundation
import HindsightConfig
import HindsightCore
import HindsightGit
import HindsightIndex

/// Brings the index up to date before a command reads it.
enum IndexUpdate {
    /// Mines new commits (with a progress bar when standard error is a terminal and `quiet` is false).
    /// A busy index is read as it is, with a warning.
    static func run(_ repository: RepositoryOptions, configuration: HindsightConfiguration, quiet: Bool) throws {
        let progress = !quiet && Terminal.isErrorInteractive ? ProgressBar() : nil
        do {
            let outcome = try Miner.mine(
                repositoryPath: repository.path, request: MineRequest(options: configuration.history), progress: progress)
            if case .mined(let summary) = outcome, summary.isShallow, !quiet {
                Terminal.printWarning("this is a shallow clone, so history before its cut-off is missing. Run `git fetch --unshallow` to see all of it.")
            }
        } catch IndexError.busy {
            Terminal.printWarning("another hindsight is updating the index; reading it as it was.")
        }
    }

    /// Opens the index of `git`, or nil when the repository has no commits yet.
    static func open(_ git: GitRepository) throws -> IndexStore? {
        let url = Miner.indexURL(for: git)
        guard FileManager.default.fileExists(atPath: url.path) else {
            if try git.resolveCommit() == nil { return nil }
            throw IndexError.missing(path: url.path)
        }
        return try IndexStore(url: url)
    }
}
