import ArgumentParser
import Foundation
import HindsightCore
import HindsightGit
import HindsightIndex
import HindsightKit
import HindsightOutput

extension HistoryFormat: ExpressibleByArgument {}

/// `hindsight history`: print the index, one row per (commit, file).
struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Print the history index: one row per (commit, changed file).",
        discussion: """
            Columns: commit id, status (A added, M modified, D deleted, R renamed, T type changed), lines added, lines deleted (`-` for binary files), \
            old path (renames only), path. Rows come newest commit first, so they can be compared with \
            `git log --numstat`. With PATH, only files now at or below PATH (following renames) or \
            recorded there. The index is brought up to date first unless --no-update.
            """
    )

    @OptionGroup var repository: RepositoryOptions

    @Option(help: "Output format.")
    var format: HistoryFormat = .tsv

    @Flag(
        name: .customShort("z"),
        help: "Separate fields and rows with NUL and leave paths unquoted, as git's -z does (tsv only).")
    var nulSeparated = false

    @Flag(help: "Print the index as it is, without mining new commits first.")
    var noUpdate = false

    @Argument(
        help: ArgumentHelp(
            "Show only files at or below this path (relative to the current directory).", valueName: "path"))
    var path: String?

    func validate() throws {
        if nulSeparated && format != .tsv { throw ValidationError("-z goes with --format tsv only.") }
    }

    func run() throws {
        let workspace = try repository.openWorkspace()
        let filter = try path.map { try RepositoryPath.resolve($0, base: repository.path, in: workspace.git) }
        if !noUpdate { try IndexUpdate.run(workspace, quiet: true) }
        guard let store = try workspace.index() else { return }
        let live = try store.tip().map { try workspace.git.filePaths(in: $0) }
        let rows = try store.history(under: filter, livePaths: live)
        var output: [UInt8] = []
        format.renderer(nulSeparated: nulSeparated).render(rows, tip: try store.tip(), into: &output)
        Terminal.writeOutput(output)
    }
}
