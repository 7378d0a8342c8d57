import Foundation
import HindsightConfig
import HindsightTestSupport
import Testing

/// The snippets `--print-config` prints are each client's own format, and `context` finds the server
/// in a project's configuration.
@Suite struct MCPClientConfigTests {
    @Test func jsonSnippetsParseAndStartHindsightMCP() throws {
        for (client, key) in [(MCPClientConfig.claude, "mcpServers"), (.cursor, "mcpServers"), (.vscode, "servers")] {
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(client.snippet.utf8)) as? [String: Any])
            let server = try #require((object[key] as? [String: Any])?["hindsight"] as? [String: Any], "\(client)")
            #expect(server["command"] as? String == "hindsight")
            #expect((server["args"] as? [String])?.first == "mcp")
        }
        #expect(MCPClientConfig.vscode.snippet.contains(#""type": "stdio""#))
        #expect(MCPClientConfig.claude.file == ".mcp.json")
        #expect(MCPClientConfig.cursor.file == ".cursor/mcp.json")
        #expect(MCPClientConfig.vscode.file == ".vscode/mcp.json")
    }

    @Test func theCodexSnippetIsATomlTable() {
        #expect(MCPClientConfig.codex.snippet == "[mcp_servers.hindsight]\ncommand = \"hindsight\"\nargs = [\"mcp\"]\n")
        #expect(MCPClientConfig.codex.file == "~/.codex/config.toml")
    }

    @Test func aProjectConfigurationNamingTheServerIsFound() throws {
        let repo = try FixtureRepository()
        #expect(!MCPClientConfig.isConfigured(in: repo.root))
        try repo.write(".vscode/mcp.json", #"{"servers": {"other": {"command": "node", "args": ["x.js"]}}}"#)
        #expect(!MCPClientConfig.isConfigured(in: repo.root))
        try repo.write(
            ".cursor/mcp.json",
            #"{"mcpServers": {"history": {"command": "/usr/local/bin/hindsight", "args": ["mcp"]}}}"#)
        #expect(MCPClientConfig.isConfigured(in: repo.root))
        try repo.remove(".cursor/mcp.json")
        try repo.write(".mcp.json", MCPClientConfig.claude.snippet)
        #expect(MCPClientConfig.isConfigured(in: repo.root))
        try repo.remove(".mcp.json")
        try repo.write(".codex/config.toml", "model = \"x\"\n\n" + MCPClientConfig.codex.snippet)
        #expect(MCPClientConfig.isConfigured(in: repo.root))
        try repo.write(".codex/config.toml", "not toml at all [")
        try repo.write(".mcp.json", "{ broken json")
        #expect(!MCPClientConfig.isConfigured(in: repo.root))
    }
}
