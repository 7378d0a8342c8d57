import Foundation
import HindsightTestSupport
import Testing

/// `hindsight export` of three fixture repositories, loaded and queried in DuckDB exactly as
/// docs/fleet.md shows (its Python loader and SQL blocks are run as they stand).
@Suite struct ExportCommandTests {
    static let agentTrailer = "Co-Authored-By: Claude <noreply@anthropic.com>"

    /// a.c's line 2 comes in with day 1's commit and a fix on day 2 changes it: day 1 is fix-inducing.
    /// Day 3 is an agent's.
    static func alpha() throws -> FixtureRepository {
        let repo = try FixtureRepository()
        try repo.write("src/a.c", "int a(void) {\n  return 0;\n}\n")
        _ = try repo.commit("feat: a", day: 0)
        try repo.write("src/a.c", "int a(void) {\n  return 1;\n}\n")
        _ = try repo.commit("feat: a returns one", day: 1)
        try repo.write("src/a.c", "int a(void) {\n  return 2;\n}\n")
        _ = try repo.commit("fix: a returns two", day: 2)
        try repo.write("README.md", "alpha\n")
        _ = try repo.commit("docs: readme\n\n\(agentTrailer)", day: 3)
        return repo
    }

    static func beta() throws -> FixtureRepository {
        let repo = try FixtureRepository()
        for day in 0..<3 {
            try repo.write("lib/b\(day).py", "print(\(day))\n")
            _ = try repo.commit("feat: b\(day)", day: day)
        }
        return repo
    }

    /// Two commits, one an agent's, and a guard file whose backtest record has two kinds that flagged.
    static func gamma() throws -> FixtureRepository {
        let repo = try FixtureRepository()
        try repo.write("web/app.js", "start()\n")
        _ = try repo.commit("feat: app", day: 0)
        try repo.write("web/app.js", "start()\nstop()\n")
        _ = try repo.commit("feat: stop\n\n\(agentTrailer)", day: 1)
        try repo.write(
            ".hindsight/guards.yml",
            """
            version: 1
            backtest:
              cut: \(String(repeating: "a", count: 40))
              until: \(String(repeating: "b", count: 40))
              commits: 100
              fixInducing: 5
              liftThreshold: 2
              kinds:
                co-change:
                  flagged: 10
                  hits: 2
                reintroduced-fix:
                  flagged: 4
                  hits: 0
                stable-file:
                  flagged: 0
                  hits: 0
            guards: []

            """)
        return repo
    }

    @Test func aFleetOfThreeLoadsIntoDuckDBAndAnswersTheDocumentedQueries() throws {
        let python = try CITemplateStepsTests.tool("python3", module: "duckdb")
        let fleet = try FileManager.default.url(
            for: .itemReplacementDirectory, in: .userDomainMask, appropriateFor: FileManager.default.temporaryDirectory,
            create: true)
        defer { try? FileManager.default.removeItem(at: fleet) }
        var reports: [String: [[String: Any]]] = [:]
        for (name, repo) in [("alpha", try Self.alpha()), ("beta", try Self.beta()), ("gamma", try Self.gamma())] {
            let folder = fleet.appendingPathComponent("exports/\(name)").path
            let export = try HindsightBinary.run(
                ["export", "--output", folder, "--repository", "acme/\(name)", "-q"], in: repo.root,
                environment: repo.environment(day: 4))
            #expect(export.status == 0, "\(export.error)")
            let report = try HindsightBinary.run(
                ["report", "--no-mine", "--format", "json", "--top", "0"], in: repo.root,
                environment: repo.environment(day: 4))
            let json = try #require(try JSONSerialization.jsonObject(with: report.standardOutput) as? [String: Any])
            reports["acme/\(name)"] = json["files"] as? [[String: Any]] ?? []
        }
        try "repository,team\nacme/alpha,core\nacme/beta,core\nacme/gamma,web\n".write(
            to: fleet.appendingPathComponent("teams.csv"), atomically: true, encoding: .utf8)
        let results = try Self.runDocumentedQueries(python: python, in: fleet)
        try #require(results.count == 3, "docs/fleet.md has \(results.count) SQL blocks, not 3")

        // 1. The riskiest files: the report's own bug scores, in the documented order.
        var expected: [(String, String, String, Int, Double)] = []
        for (repository, files) in reports {
            for file in files where file["deleted"] as? Bool != true {
                expected.append(
                    (
                        repository, file["path"] as? String ?? "", file["class"] as? String ?? "",
                        file["fixCommits"] as? Int ?? -1, ((file["bugScore"] as? Double ?? -1) * 100).rounded() / 100
                    ))
            }
        }
        expected.sort { ($1.4, $1.3, $0.0, $0.1) < ($0.4, $0.3, $1.0, $1.1) }
        let riskiest = results[0].map { row in
            (
                row[0] as? String ?? "", row[1] as? String ?? "", row[2] as? String ?? "", row[3] as? Int ?? -2,
                row[4] as? Double ?? -2
            )
        }
        #expect(riskiest.map { "\($0)" } == expected.prefix(10).map { "\($0)" })
        #expect(riskiest.first?.1 == "src/a.c" && riskiest.first?.3 == 1, "a.c, fixed once, leads: \(riskiest)")

        // 2. By team: core has alpha's 4 commits (1 agent, 1 fix-inducing) and beta's 3; web has gamma's 2 (1 agent).
        #expect(
            results[1].map { "\($0)" } == [["core", 7, 0.143, 0.143, 0.0], ["web", 2, 0.5, 0.0, 0.0]].map { "\($0)" })

        // 3. Guard lift: co-change 2/10 against a 5/100 base rate is 4; kinds that flagged nothing are left out.
        #expect(
            results[2].map { "\($0)" }
                == [["acme/gamma", "co-change", 10, 2, 4.0], ["acme/gamma", "reintroduced-fix", 4, 0, 0.0]].map {
                    "\($0)"
                })
    }

    @Test func theManifestNamesEveryColumnAndCredentialsStayOut() throws {
        let repo = try Self.beta()
        try repo.git(["remote", "add", "origin", "https://bot:s3cret@GitHub.com/Acme/Beta.git"])
        let folder = repo.home.appendingPathComponent("export")
        let export = try HindsightBinary.run(
            ["export", "--output", folder.path, "--format", "jsonl"], in: repo.root,
            environment: repo.environment(day: 4))
        #expect(export.status == 0, "\(export.error)")
        #expect(export.error.contains("wrote 7 tables and manifest.json for github.com/acme/beta"), "\(export.error)")
        let manifest = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("manifest.json")))
                as? [String: Any])
        #expect(manifest["schemaVersion"] as? Int == 1)
        #expect(manifest["repository"] as? String == "github.com/acme/beta")
        let tables = try #require(manifest["tables"] as? [[String: Any]])
        #expect(
            tables.compactMap { $0["name"] as? String } == [
                "files", "commits", "fix_inducing", "guards", "guard_kinds", "lessons", "health",
            ])
        let commits = try String(contentsOf: folder.appendingPathComponent("commits.jsonl"), encoding: .utf8)
        let rows = commits.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(rows.count == 3)
        let columns = (tables[1]["columns"] as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []
        #expect(
            rows.allSatisfy { Set($0.keys) == Set(columns) && $0["repository"] as? String == "github.com/acme/beta" })
        #expect(rows.first?["author_time"] as? String == "2020-09-13 12:26:40")
        let everything = try FileManager.default.contentsOfDirectory(atPath: folder.path).map {
            try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)
        }.joined()
        #expect(!everything.contains("s3cret") && !everything.contains("bot:"))
        try "not a folder".write(to: repo.home.appendingPathComponent("file"), atomically: true, encoding: .utf8)
        let refused = try HindsightBinary.run(
            ["export", "--output", repo.home.appendingPathComponent("file").path], in: repo.root,
            environment: repo.environment(day: 4))
        #expect(refused.status == 2 && refused.error.contains("is a file, not a folder"), "\(refused.error)")
    }

    /// Runs docs/fleet.md's Python block, then each SQL block, in `folder`; each block's rows.
    static func runDocumentedQueries(python: String, in folder: URL) throws -> [[[Any]]] {
        let page = try String(
            contentsOf: CITemplateStepsTests.packageRoot.appendingPathComponent("docs/fleet.md"), encoding: .utf8)
        func blocks(_ language: String) -> [String] {
            page.components(separatedBy: "```\(language)\n").dropFirst().compactMap {
                $0.components(separatedBy: "```").first
            }
        }
        let loader = try #require(blocks("python").first, "docs/fleet.md has no Python loader")
        let queries = blocks("sql")
        let script =
            loader
            + "\nimport sys\nfor query in json.load(sys.stdin):\n    print(json.dumps(con.execute(query).fetchall()))\n"
        let input = try JSONSerialization.data(withJSONObject: queries)
        let run = try ProcessRunner.run(python, ["-c", script], in: folder, input: input)
        try #require(run.status == 0, "\(run.error)")
        return run.output.split(separator: "\n").map {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [[Any]]) ?? []
        }
    }
}
