import ArgumentParser
import Foundation
import HindsightCore
import HindsightKit
import HindsightOutput

/// `hindsight fixes` (hidden): every indexed commit as the fix detector classes it, for benchmarks
/// that compare it with hand labels (`bench/fix_agreement.py`).
struct Fixes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fixes",
        abstract: "Print each indexed commit as fix, revert or other (for benchmarks).",
        shouldDisplay: false
    )

    @OptionGroup var repository: RepositoryOptions

    @Flag(help: "Read the index as it is, without mining new commits first.")
    var noMine = false

    func run() throws {
        let workspace = try repository.openWorkspace()
        if !noMine { try IndexUpdate.run(workspace, quiet: true) }
        guard let store = try workspace.index() else { return }
        // The commits as the report classes them: the same settings, window and snapshot.
        let input = try ReportSession(workspace: workspace).input(store)
        var output = ""
        for (index, commit) in input.snapshot.commits.enumerated() where !commit.isMerge {
            let kind = input.isFix[index] ? "fix" : commit.revertedCommit != nil ? "revert" : "other"
            output += "\(commit.id.hex)\t\(kind)\t\(TerminalEscaping.safe(commit.subject))\n"
        }
        Terminal.writeOutput(Array(output.utf8))
    }
}
