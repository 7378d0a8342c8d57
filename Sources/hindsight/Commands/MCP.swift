import ArgumentParser
import Foundation
import HindsightCore
import HindsightMCP

extension MCPClientConfig: ExpressibleByArgument {}

/// `hindsight mcp`: a stdio MCP server answering agents from the history index.
struct MCPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: "Serve the history index to coding agents over the Model Context Protocol (stdio).",
        discussion: """
            Tools: file_stability, file_history, what_was_tried, co_changes, hotspots, guards_for, explain_guard, \
            check_diff; resources: the stability report and the AGENTS.md block. Read-only: it never writes \
            to the repository, its git index or its work tree, and a call never starts a long mine (refresh: true \
            mines at most 100 new commits). --print-config prints the snippet that registers the server with a client.
            """
    )

    @OptionGroup var repository: RepositoryOptions

    @Option(help: ArgumentHelp("Print the configuration snippet for a client (claude, cursor, vscode, codex) and exit.", valueName: "client"))
    var printConfig: MCPClientConfig?

    @Option(help: ArgumentHelp("Measure ages from this date instead of now (for reproducible answers).", valueName: "date"))
    var asOf: String?

    func validate() throws {
        if let asOf, case .since = TimeWindow(parsing: asOf) {} else if let asOf {
            throw ValidationError("--as-of takes a date like 2024-01-31 or 2024-01-31T12:00:00Z (got '\(asOf)').")
        }
    }

    func run() throws {
        if let printConfig {
            Terminal.writeOutput(Array(printConfig.snippet.utf8))
            Terminal.writeError(printConfig.instructions + "\n")
            return
        }
        let clock = asOf.flatMap(TimeWindow.init(parsing:))?.start(now: 0)
        try MCPServer.serve(MCPServerOptions(repositoryPath: repository.path, configurationFile: repository.config, asOf: clock))
    }
}
