import ArgumentParser
import Foundation
import HindsightConfig
import HindsightCore
import HindsightKit

extension MCPClientConfig: ExpressibleByArgument {}

/// `hindsight mcp`: a stdio MCP server answering agents from the history index.
struct MCPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: "Serve the history index to coding agents over the Model Context Protocol (stdio).",
        discussion: """
            Tools: file_stability, file_history, what_was_tried, co_changes, hotspots, guards_for, explain_guard, \
            check_diff, and record_lesson when lesson writes are on; resources: the stability report and the \
            AGENTS.md block. Read-only by default: it never writes to the repository, its git index or its work \
            tree, and a call never starts a long mine (refresh: true mines at most 100 new commits). With \
            --allow-lesson-writes, or lessons.mcpWrites: true in .hindsight.yml, record_lesson is listed and \
            writes one new file under .hindsight/lessons/ per call (validated as `hindsight lesson add` \
            validates it, never over another file, never through a symbolic link), to commit with the change; \
            off, it is not listed and a call to it says how to turn it on. --print-config prints the snippet \
            that registers the server with a client. The server is the hindsight-mcp binary installed beside \
            hindsight.
            """
    )

    @OptionGroup var repository: RepositoryOptions

    @Option(
        help: ArgumentHelp(
            "Print the configuration snippet for a client (claude, cursor, vscode, codex) and exit.",
            valueName: "client"))
    var printConfig: MCPClientConfig?

    @Option(
        help: ArgumentHelp("Measure ages from this date instead of HEAD's committer date.", valueName: "date"),
        transform: AsOfDate.parse)
    var asOf: Int64?

    @Flag(
        help:
            "Offer the record_lesson tool, which writes new lesson files under .hindsight/lessons/ (default: off, unless lessons.mcpWrites is true)."
    )
    var allowLessonWrites = false

    func run() throws {
        if let printConfig {
            Terminal.writeOutput(Array(printConfig.snippet.utf8))
            Terminal.writeError(printConfig.instructions + "\n")
            return
        }
        var arguments = ["--repo", repository.path]
        if let config = repository.config { arguments += ["--config", config] }
        if let asOf { arguments += ["--as-of", String(asOf)] }
        if allowLessonWrites { arguments.append("--allow-lesson-writes") }
        try ServerBinary.exec(arguments)
    }
}

/// The `hindsight-mcp` binary, which holds the MCP server (and the SDK's libcurl) so that no other
/// command pays for loading them.
enum ServerBinary {
    static let name = "hindsight-mcp"

    /// Replaces this process with the server; returns only by throwing.
    static func exec(_ arguments: [String]) throws {
        guard let path = locate() else {
            throw RepositoryProblem(
                "\(name) was not found beside hindsight or on PATH. It is built with hindsight (`swift build` builds both); install it next to hindsight."
            )
        }
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        execv(path, argv)
        throw RepositoryProblem("cannot start \(path): \(String(cString: strerror(errno))).")
    }

    /// Beside the running executable (symlinks resolved), else on PATH.
    static func locate() -> String? {
        let own = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let candidates =
            [own.deletingLastPathComponent().appendingPathComponent(name).path]
            + (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/\(name)" }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
