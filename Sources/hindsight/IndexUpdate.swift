import Foundation
import HindsightIndex
import HindsightKit

/// Brings the index up to date before a command reads it.
enum IndexUpdate {
    /// Mines new commits (with a progress bar when standard error is a terminal and `quiet` is false).
    /// A busy index is read as it is, with a warning.
    static func run(_ workspace: Workspace, quiet: Bool) throws {
        let progress = !quiet && Terminal.isErrorInteractive ? ProgressBar() : nil
        do {
            if case .mined(let summary) = try workspace.mine(progress: progress), summary.isShallow, !quiet {
                Terminal.printWarning(
                    "this is a shallow clone, so history before its cut-off is missing. Run `git fetch --unshallow` to see all of it."
                )
            }
        } catch IndexError.busy {
            Terminal.printWarning("another hindsight is updating the index; reading it as it was.")
        }
    }
}
