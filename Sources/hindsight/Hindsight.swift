import ArgumentParser
import Foundation
import HindsightCore

/// The `hindsight` command line.
@main
struct Hindsight: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hindsight",
        abstract: "Learn from a repository's history: what is stable, what keeps breaking, what changes together.",
        discussion: """
            Exit statuses: 0 ok · 1 findings at or above the fail level (for doctor, a problem) · \
            2 usage or configuration error · 3 repository problem (not a repository, corrupt object or index, busy index) · 4 internal error.
            """,
        version: HindsightRelease.version,
        subcommands: [
            Report.self, Check.self, Guards.self, Backtest.self, Context.self, Install.self, Uninstall.self,
            LessonCommand.self, Health.self, Export.self, Refresh.self, Mine.self, History.self, MCPCommand.self,
            Fixes.self, Doctor.self,
        ]
    )

    // ArgumentParser exits 64 on usage errors and 1 on others; our contract is 2, 3 and 4, so main is ours.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as any UserFacingError {
            Terminal.printError(error.description)
            Foundation.exit(error.exitStatus.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                let commands = configuration.subcommands.filter { $0.configuration.shouldDisplay }.map {
                    $0._commandName
                }
                Terminal.printError(
                    UsageErrorStyle.restyled(
                        fullMessage(for: error), arguments: Array(CommandLine.arguments.dropFirst()), commands: commands
                    ),
                    prefixed: false)
                Foundation.exit(ExitStatus.usage.rawValue)
            }
            if code == .success || error is ExitCode { exit(withError: error) }
            Terminal.printError("internal error: \(error). Please report it.")
            Foundation.exit(ExitStatus.internalError.rawValue)
        }
    }
}
