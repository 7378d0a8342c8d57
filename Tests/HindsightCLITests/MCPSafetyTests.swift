import Foundation
import HindsightTestSupport
import Testing

/// `hindsight mcp` refuses what it must, keeps serving after bad calls, states how stale the index
/// is, refreshes only when that is quick, and writes nothing.
@Suite struct MCPSafetyTests {
    @Test func badArgumentsGetToolErrorsAndTheServerKeepsServing() throws {
        let history = try MCPServerTests.history()
        try HindsightBinary.run(["mine", "-q"], in: history.repo.root, environment: history.repo.environment())
            .requireSuccess("mine")
        let call = MCPServerTests.call
        let outside = history.repo.root.deletingLastPathComponent().appendingPathComponent("home/secret.txt").path
        let output = try MCPServerTests.session(
            history.repo,
            [
                call("file_stability", ["path": "/etc/passwd"]),
                call("file_history", ["path": "../../etc/passwd"]),
                call("co_changes", ["path": outside]),
                call("file_stability", ["path": String(repeating: "a", count: 2_000)]),
                call("check_diff", ["diff": String(repeating: "x", count: (1 << 20) + 1)]),
                call("hotspots", ["limit": "ten"]),
                call("hotspots", ["limit": 0]),
                call("file_history", ["path": "src/parser.c", "color": "red"]),
                call("what_was_tried", [:]),
                call("check_diff", ["diff": "not a diff at all\n@@ -1 +1 @@\n", "staged": true]),
                call("explain_guard", ["id": "hs-"]),
                call("file_history", ["path": "src"]),
                call("file_stability", ["path": "no/such/file.c"]),
                call("no_such_tool", [:]),
                call(
                    "file_history", ["path": history.repo.root.appendingPathComponent("src/parser.c").path, "limit": 1]),
            ])
        let results = try #require(output["results"] as? [[String: Any]])
        let messages = results.dropLast(2).map(MCPServerTests.text)
        #expect(results.dropLast(2).allSatisfy { $0["isError"] as? Bool == true })
        #expect(
            messages == [
                #"path "/etc/passwd" is outside the repository; give a path relative to its root."#,
                #"path "../../etc/passwd" contains '..'; paths must stay inside the repository."#,
                #"path "\#(outside)" is outside the repository; give a path relative to its root."#,
                "path is 2000 bytes; the cap is 1024 bytes.",
                "diff is 1048577 bytes; the cap is 1048576 bytes.",
                "limit must be a whole number (got a string).",
                "limit must be from 1 to 200 (got 0).",
                #"file_history has no argument "color"; it takes path, limit, refresh."#,
                "what_was_tried needs a path, a text, or both.",
                "check_diff takes either diff (the text of a unified diff) or staged: true, not both and not neither.",
                #"No guard "hs-" in .hindsight/guards.yml; guards_for lists the guards that cover a file."#,
                #""src" is a directory; file_history takes one file (hotspots and file_stability take directories)."#,
                #"No file in history matches "no/such/file.c". Give a path relative to the repository root, a directory, or a glob such as "src/**/*.swift"."#,
            ])
        let unknown = try #require(results[results.count - 2]["error"] as? [String: Any])
        #expect(unknown["code"] as? Int == -32602)
        #expect((unknown["message"] as? String)?.contains("Unknown tool 'no_such_tool'") == true)
        // After all that, an absolute path inside the repository still answers.
        #expect(results.last?["isError"] as? Bool == false)
        #expect(
            MCPServerTests.text(results.last ?? [:]).hasPrefix(
                #""src/parser.c" (alive): 8 commits changed it, newest first:"#))
    }

    @Test func answersSayHowFarBehindTheIndexIsAndRefreshOnlyWhenAsked() throws {
        let history = try MCPServerTests.history()
        let repo = history.repo
        try HindsightBinary.run(["mine", "-q"], in: repo.root, environment: repo.environment()).requireSuccess("mine")
        try repo.write("src/parser.h", "int parse(void); /* later */\n")
        let later = try repo.commit("feat: later", day: 112)
        let output = try MCPServerTests.session(
            repo,
            [
                MCPServerTests.call("hotspots", ["limit": 1]),
                MCPServerTests.call("hotspots", ["limit": 1, "refresh": true]),
                MCPServerTests.call("file_history", ["path": "src/parser.h", "limit": 1]),
            ])
        let results = try #require(output["results"] as? [[String: Any]])
        let indexes = results.compactMap { ($0["structuredContent"] as? [String: Any])?["index"] as? [String: Any] }
        #expect(indexes.count == 3)
        #expect(indexes[0]["commit"] as? String == history.id("hostile"))
        #expect(indexes[0]["head"] as? String == later)
        #expect(indexes[0]["behind"] as? Int == 1)
        #expect(
            MCPServerTests.text(results[0]).contains(
                "Index: at `\(history.id("hostile").prefix(10))`, 1 commit behind HEAD `\(later.prefix(10))`; answers leave those out."
            ))
        #expect(indexes[1]["commit"] as? String == later)
        #expect(indexes[1]["behind"] as? Int == 0)
        #expect(indexes[1]["refresh"] as? String == "Refreshed: mined 1 new commit.")
        #expect(MCPServerTests.text(results[2]).contains("feat: later"))
    }

    @Test func theServerWritesNothingAndNeverStartsAFirstMine() throws {
        let history = try MCPServerTests.history()
        let repo = history.repo
        // guards mine mined the index; remove it.
        try FileManager.default.removeItem(at: repo.root.appendingPathComponent(".git/hindsight"))
        try repo.write("src/parser.c", "staged edit\n")
        try repo.git(["add", "src/parser.c"])
        let gitIndex = repo.root.appendingPathComponent(".git/index")
        let before = try (repo.gitText(["--no-optional-locks", "status", "--porcelain"]), Data(contentsOf: gitIndex))
        let output = try MCPServerTests.session(
            repo,
            [
                MCPServerTests.call("hotspots", ["refresh": true]),
                MCPServerTests.call("check_diff", ["staged": true]),
            ])
        let results = try #require(output["results"] as? [[String: Any]])
        #expect(
            MCPServerTests.text(results[0]).hasPrefix(
                "This repository has no history index yet. Run `hindsight mine` once"))
        #expect(results[0]["isError"] as? Bool == true)
        #expect(!FileManager.default.fileExists(atPath: repo.root.appendingPathComponent(".git/hindsight").path))
        #expect(try repo.gitText(["--no-optional-locks", "status", "--porcelain"]) == before.0)
        #expect(try Data(contentsOf: gitIndex) == before.1)
    }

    /// Below the client library: a line that is not JSON, and one over the size cap, get JSON-RPC
    /// errors; the next request is answered; at end of input every request read is answered.
    @Test func malformedAndOversizedMessagesGetErrorsAndTheServerGoesOn() throws {
        let history = try MCPServerTests.history()
        try HindsightBinary.run(["mine", "-q"], in: history.repo.root, environment: history.repo.environment())
            .requireSuccess("mine")
        let oversized =
            #"{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"check_diff","arguments":{"diff":""#
            + String(repeating: "x", count: 9 << 20) + #""}}}"#
        let lines = [
            #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}"#,
            #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
            "this is not json",
            oversized,
            #"{"jsonrpc":"2.0","id":8,"method":"tools/call","params":{"name":"hotspots","arguments":{"limit":1}}}"#,
        ]
        let result = try ProcessRunner.run(
            HindsightBinary.url.path, ["mcp", "--as-of", "2021-01-04"], in: history.repo.root,
            environment: history.repo.environment(day: 113), input: Data((lines.joined(separator: "\n") + "\n").utf8))
        #expect(result.status == 0, "\(result.error)")
        let replies = try result.output.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        let byID = Dictionary(
            replies.compactMap { reply in (reply["id"] as? Int).map { ($0, reply) } },
            uniquingKeysWith: { first, _ in first })
        #expect(Set(byID.keys) == [1, 7, 8])
        #expect(replies.contains { (($0["error"] as? [String: Any])?["code"] as? Int) == -32700 })
        let tooLarge = try #require(byID[7]?["error"] as? [String: Any])
        #expect(tooLarge["code"] as? Int == -32600)
        #expect((tooLarge["message"] as? String)?.hasPrefix("message too large: the cap is 8 MiB") == true)
        let answer = try #require(byID[8]?["result"] as? [String: Any])
        #expect(answer["isError"] == nil && answer["structuredContent"] != nil)
    }

    @Test func printConfigGivesEachClientsSnippet() throws {
        let repo = try FixtureRepository()
        for (client, file) in [
            ("claude", ".mcp.json"), ("cursor", ".cursor/mcp.json"), ("vscode", ".vscode/mcp.json"),
            ("codex", "config.toml"),
        ] {
            let result = try HindsightBinary.run(
                ["mcp", "--print-config", client], in: repo.root, environment: repo.environment())
            #expect(result.status == 0)
            #expect(
                result.output.contains(#""hindsight""#) || result.output.contains("[mcp_servers.hindsight]"),
                "\(client)")
            #expect(result.error.contains(file), "\(client): \(result.error)")
        }
        let vscode = try HindsightBinary.run(
            ["mcp", "--print-config", "vscode"], in: repo.root, environment: repo.environment())
        #expect(
            vscode.output == """
                {
                  "servers": {
                    "hindsight": {
                      "type": "stdio",
                      "command": "hindsight",
                      "args": ["mcp", "--repo", "${workspaceFolder}"]
                    }
                  }
                }

                """)
        let wrong = try HindsightBinary.run(
            ["mcp", "--print-config", "emacs"], in: repo.root, environment: repo.environment())
        #expect(wrong.status == 2)
        #expect(wrong.error.contains("claude, cursor, vscode, codex"), "\(wrong.error)")
    }

    @Test func notARepositoryFailsBeforeServing() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "hindsight-mcp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try HindsightBinary.run(
            ["mcp"], in: directory, environment: ["PATH": "/usr/bin:/bin", "HOME": directory.path])
        #expect(result.status == 3)
        #expect(result.error.contains("not a git repository"), "\(result.error)")
    }
}
