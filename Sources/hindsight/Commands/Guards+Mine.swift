import ArgumentParser
import Foundation
import HindsightConfig
import HindsightCore
import HindsightGit
import HindsightIndex

extension Guards {
    /// `hindsight guards mine`: propose guards from history, keeping every human edit.
    struct Mine: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mine",
            abstract: "Propose guards from history into .hindsight/guards.yml, keeping every human edit.",
            discussion: """
                Reads the removed lines of the latest fix commits (a fix word or Conventional fix: in the \
                subject, or a Fixes: trailer) and proposes a reintroduced-fix guard for each distinctive \
                line a fix removed (at most 20 from a file) that has not come back, and a recurring-pattern guard for each \
                call that three or more fixes across two or more files removed, and a reverted-change guard for \
                each reverted commit (unless re-landed). Existing guards keep their status, \
                severity, wording and mute reason; only their evidence is refreshed. The file is written \
                only when it changes.
                """
        )

        @OptionGroup var repository: RepositoryOptions

        @Option(help: ArgumentHelp("Read at most this many of the latest fix commits.", valueName: "n"))
        var maxFixes = 500

        @Flag(help: "Read the index as it is, without mining new commits first.")
        var noMine = false

        @Flag(name: .shortAndLong, help: "Print nothing but errors.")
        var quiet = false

        func validate() throws {
            guard maxFixes >= 1 else { throw ValidationError("--max-fixes must be at least 1 (got \(maxFixes)).") }
        }

        func run() throws {
            let git = try repository.openRepository()
            guard let workTree = git.workTree else {
                throw UsageError("guards live in the work tree's \(GuardSetFile.relativePath), and this repository is bare. Run it in a clone with a work tree.")
            }
            let configuration = try repository.configuration(for: git)
            if !noMine { try IndexUpdate.run(repository, configuration: configuration, quiet: quiet) }
            guard let store = try IndexUpdate.open(git), try store.tip() != nil else {
                if !quiet { print("nothing to mine yet: the repository has no commits.") }
                return
            }
            let input = AnalysisInput(
                snapshot: try store.snapshot(),
                settings: configuration.report.analysisSettings(now: Int64(Date().timeIntervalSince1970)))
            let miner = GuardMiner(git: git, configuration: configuration, maxFixes: maxFixes)
            let (mined, fixesRead) = try miner.mine(input, severities: configuration.check.severities)
            let url = workTree.appendingPathComponent(GuardSetFile.relativePath)
            let existing = try GuardSetFile.load(from: url)
            let known = Set(existing.guards.map(\.id))
            let wrote = try GuardSetFile.save(existing.merging(mined: mined), to: url)
            guard !quiet else { return }
            let added = mined.count { !known.contains($0.id) }
            print("read \(fixesRead) fix commits: \(mined.count) guards (\(added) new, \(mined.count - added) refreshed); "
                + (wrote ? "wrote \(GuardSetFile.relativePath)." : "\(GuardSetFile.relativePath) is unchanged."))
        }
    }
}
