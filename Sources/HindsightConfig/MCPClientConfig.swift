import Foundation

/// The MCP clients `hindsight mcp --print-config` writes a snippet for, and where each reads it.
public enum MCPClientConfig: String, CaseIterable, Sendable {
    case claude, cursor, vscode, codex

    /// The file the snippet belongs in.
    public var file: String {
        switch self {
        case .claude: ".mcp.json"
        case .cursor: ".cursor/mcp.json"
        case .vscode: ".vscode/mcp.json"
        case .codex: "~/.codex/config.toml"
        }
    }

    /// The snippet that starts `hindsight mcp` from that client, ending with a newline. Cursor and
    /// VS Code may start servers outside the project, so they pass the workspace folder as `--repo`;
    /// Claude Code and Codex start them in the project.
    public var snippet: String {
        switch self {
        case .claude:
            """
            {
              "mcpServers": {
                "hindsight": {
                  "type": "stdio",
                  "command": "hindsight",
                  "args": ["mcp"]
                }
              }
            }

            """
        case .cursor:
            """
            {
              "mcpServers": {
                "hindsight": {
                  "command": "hindsight",
                  "args": ["mcp", "--repo", "${workspaceFolder}"]
                }
              }
            }

            """
        case .vscode:
            """
            {
              "servers": {
                "hindsight": {
                  "type": "stdio",
                  "command": "hindsight",
                  "args": ["mcp", "--repo", "${workspaceFolder}"]
                }
              }
            }

            """
        case .codex:
            """
            [mcp_servers.hindsight]
            command = "hindsight"
            args = ["mcp"]

            """
        }
    }

    /// Where to put the snippet, for standard error.
    public var instructions: String {
        switch self {
        case .codex: "Add this to ~/.codex/config.toml (or .codex/config.toml in a trusted project)."
        default: "Save this as \(file) at the repository's root, or merge its server into the file there."
        }
    }

    /// Whether a project MCP configuration in `workTree` (`.mcp.json`, `.cursor/mcp.json`,
    /// `.vscode/mcp.json`, `.codex/config.toml`) names a `hindsight` server or runs `hindsight mcp`.
    public static func isConfigured(in workTree: URL) -> Bool {
        for relative in [".mcp.json", ".cursor/mcp.json", ".vscode/mcp.json"] {
            guard let data = FileManager.default.contents(atPath: workTree.appendingPathComponent(relative).path),
                let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
            else { continue }
            let servers = (object["mcpServers"] as? [String: Any] ?? [:]).merging(
                object["servers"] as? [String: Any] ?? [:]
            ) { first, _ in first }
            if servers.contains(where: { name, value in name == "hindsight" || runsHindsight(value) }) { return true }
        }
        let codex = workTree.appendingPathComponent(".codex/config.toml").path
        if let text = try? String(contentsOfFile: codex, encoding: .utf8) {
            return text.split(whereSeparator: \.isNewline).contains {
                $0.trimmingCharacters(in: .whitespaces) == "[mcp_servers.hindsight]"
            }
        }
        return false
    }

    /// Whether a server entry's command is hindsight and its first argument `mcp`.
    private static func runsHindsight(_ entry: Any) -> Bool {
        guard let entry = entry as? [String: Any], let command = entry["command"] as? String else { return false }
        let program = URL(fileURLWithPath: command).lastPathComponent
        return program == "hindsight" && (entry["args"] as? [String])?.first == "mcp"
    }
}
