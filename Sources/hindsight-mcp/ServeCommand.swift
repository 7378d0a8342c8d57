import ArgumentParser
import Foundation
import HindsightCore
import HindsightMCP

/// `hindsight-mcp`: the MCP server `hindsight mcp` starts. A binary of its own because the MCP SDK
/// links FoundationNetworking and so libcurl, whose loading would add about 8 ms to every other
/// hindsight run (each git hook, each `check`).
@main
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hindsight-mcp",
        abstract:
            "Serve the history index over the Model Context Protocol on standard input and output (run by `hindsight mcp`).",
        version: HindsightRelease.version
    )

    @Option(
        name: .customLong("repo"),
        help: ArgumentHelp("The repository to read (any directory inside it).", valueName: "path"))
    var path = "."

    @Option(
        help: ArgumentHelp("Configuration file (default: .hindsight.yml at the work tree's root).", valueName: "file"))
    var config: String?

    @Option(help: ArgumentHelp("Measure ages from this moment, in seconds since the epoch.", valueName: "seconds"))
    var asOf: Int64?

    @Flag(
        help: "Offer record_lesson, which writes new lesson files under .hindsight/lessons/ (or set lessons.mcpWrites)."
    )
    var allowLessonWrites = false

    // The statuses of `hindsight`: 2 usage, 3 repository, 4 internal.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as any UserFacingError {
            FileHandle.standardError.write(Data("hindsight mcp: \(error.description)\n".utf8))
            Foundation.exit(error.exitStatus.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success || error is ExitCode { exit(withError: error) }
            FileHandle.standardError.write(Data("hindsight mcp: \(fullMessage(for: error))\n".utf8))
            Foundation.exit(code == .validationFailure ? ExitStatus.usage.rawValue : ExitStatus.internalError.rawValue)
        }
    }

    func run() throws {
        try MCPServer.serve(
            MCPServerOptions(
                repositoryPath: path, configurationFile: config, asOf: asOf, allowsLessonWrites: allowLessonWrites))
    }
}
