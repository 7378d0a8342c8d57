import Foundation
import HindsightTestSupport
import Testing

/// End-to-end `hindsight report` on a small history with fixed dates, so every figure is exact.
@Suite struct ReportCommandTests {
    /// Ten days after the fixture's day 0 (2020-09-23T12:26:40Z).
    static let asOf = "2020-09-23T12:26:40Z"
    static let hostileSubject = "<script>alert(1)</script> | \"quoted\" & `ticks`"
    static let hostilePath = "docs/we|ird <b>.md"

    static func history() throws -> FixtureRepository {
        let repo = try FixtureRepository()
        try repo.write("src/parser.c", (1...10).map { "line \($0)\n" }.joined())
        try repo.write("README.md", "hello\n")
        try repo.write("vendor/lib.c", "vendored\n")
        try repo.write(".mailmap", "Bob Builder <bob@example.com> <bobby@old.example.com>\n")
        _ = try repo.commit("feat: parser", day: 0)
        try repo.write("src/parser.c", (1...10).map { $0 == 4 ? "fixed 4\n" : "line \($0)\n" }.joined())
        _ = try repo.commit("fix: parser crash on empty input", day: 1, author: "Bobby", email: "bobby@old.example.com")
        try repo.remove("src/parser.c")
        try repo.write("src/core/parser.c", (1...10).map { $0 == 4 ? "fixed 4\n" : "line \($0)\n" }.joined())
        _ = try repo.commit("refactor: move the parser", day: 2)
        try repo.write("README.md", "hello\nbump\n")
        _ = try repo.commit("chore(deps): bump", day: 3, author: "dependabot[bot]", email: "support@github.com")
        try repo.write(hostilePath, "odd\n")
        _ = try repo.commit(hostileSubject, day: 4)
        try repo.write("src/core/parser.c", (1...10).map { $0 == 4 ? "fixed 4 again\n" : "line \($0)\n" }.joined())
        let feature = try repo.commit("fix: the parser, again", day: 5)
        try repo.git(["revert", "--no-edit", feature], day: 6)
        return repo
    }

    static func report(_ repo: FixtureRepository, _ arguments: [String]) throws -> ProcessResult {
        try HindsightBinary.run(
            ["report", "--as-of", asOf] + arguments, in: repo.root, environment: repo.environment())
    }

    @Test func jsonFiguresAreExact() throws {
        let repo = try Self.history()
        let result = try Self.report(repo, ["--format", "json"])
        #expect(result.status == 0, "\(result.error)")
        let json = try #require(try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any])
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["commits"] as? Int == 7)
        #expect(summary["fixCommits"] as? Int == 2)
        #expect(summary["reverts"] as? Int == 1)
        #expect(summary["authors"] as? Int == 2)  // Ada and Bob (mailmapped); dependabot is not a person
        let files = try #require(json["files"] as? [[String: Any]])
        #expect(
            Set(files.compactMap { $0["path"] as? String }) == [
                "src/core/parser.c", "README.md", ".mailmap", Self.hostilePath,
            ])
        let parser = try #require(files.first { $0["path"] as? String == "src/core/parser.c" })
        #expect(parser["commits"] as? Int == 5)  // add, fix, move, fix again, revert: history follows the rename
        #expect(parser["linesAdded"] as? Int == 13 && parser["linesDeleted"] as? Int == 3)
        #expect(parser["fixCommits"] as? Int == 2)
        #expect(parser["reverts"] as? Int == 1)
        #expect(parser["class"] as? String == "new")
        #expect(parser["reason"] as? String == "new: first seen 10 days ago (new for 30 days), 5 commits in 10 days")
        let authors = try #require(parser["authors"] as? [[String: Any]])
        #expect(authors.map { $0["name"] as? String } == ["Ada Lovelace", "Bob Builder"])
        #expect(authors.map { $0["commits"] as? Int } == [4, 1])
        let readme = try #require(files.first { $0["path"] as? String == "README.md" })
        #expect((readme["authors"] as? [[String: Any]])?.count == 1)  // the bot's commit counts, its author does not
        #expect(readme["commits"] as? Int == 2)
        let recurring = try #require(json["recurringFixes"] as? [[String: Any]])
        #expect(recurring.count == 1)
        let regions = try #require(recurring.first?["regions"] as? [[String: Any]])
        #expect(regions.first?["startLine"] as? Int == 4 && regions.first?["endLine"] as? Int == 4)
    }

    @Test func historyTextIsEscapedInEveryFormat() throws {
        let repo = try Self.history()
        let directory = repo.root.deletingLastPathComponent()
        for name in ["r.html", "r.md", "r.csv", "r.json"] {
            let result = try Self.report(repo, ["--output", directory.appendingPathComponent(name).path, "-q"])
            #expect(result.status == 0, "\(name): \(result.error)")
        }
        let html = try String(contentsOf: directory.appendingPathComponent("r.html"), encoding: .utf8)
        #expect(!html.contains("<script>alert"))
        #expect(html.components(separatedBy: "<script").count == 2)  // the page's own script only
        #expect(html.contains("we|ird &lt;b&gt;.md"))
        let markdown = try String(contentsOf: directory.appendingPathComponent("r.md"), encoding: .utf8)
        #expect(markdown.contains("we\\|ird &lt;b&gt;.md"))
        #expect(!markdown.contains("<script>"))
        let explained = try Self.report(repo, ["--explain", Self.hostilePath, "--format", "markdown"])
        #expect(explained.output.contains("&lt;script&gt;alert(1)&lt;/script&gt; \\| \"quoted\" &amp; \\`ticks\\`"))
        let csv = try String(contentsOf: directory.appendingPathComponent("r.csv"), encoding: .utf8)
        #expect(csv.contains("\"docs/we|ird <b>.md\"") || csv.contains("docs/we|ird <b>.md,"))
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("r.json")))
                as? [String: Any])
        let paths = (json["files"] as? [[String: Any]])?.compactMap { $0["path"] as? String } ?? []
        #expect(paths.contains(Self.hostilePath))
    }

    @Test func explainListsTheCommitsBehindAFileThroughItsRename() throws {
        let repo = try Self.history()
        let result = try Self.report(repo, ["--explain", "src/core/parser.c", "--format", "json"])
        #expect(result.status == 0, "\(result.error)")
        let json = try #require(try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any])
        let changes = try #require(json["changes"] as? [[String: Any]])
        #expect(
            changes.map { $0["subject"] as? String } == [
                "feat: parser", "fix: parser crash on empty input", "refactor: move the parser",
                "fix: the parser, again",
                "Revert \"fix: the parser, again\"",
            ])
        #expect(
            changes.map { $0["path"] as? String }.prefix(3) == ["src/parser.c", "src/parser.c", "src/core/parser.c"])
        #expect(changes.map { $0["fix"] as? Bool } == [false, true, false, true, false])
        let markdown = try Self.report(repo, ["--explain", "src/core/parser.c", "--format", "markdown"])
        #expect(markdown.output.contains("# src/core/parser.c"))
        #expect(markdown.output.contains("| R from src/parser.c |"))
    }

    @Test func tableFitsTheTerminalAndFiltersWork() throws {
        let repo = try Self.history()
        var environment = repo.environment()
        environment["COLUMNS"] = "60"
        let table = try HindsightBinary.run(
            ["report", "--as-of", Self.asOf, "--format", "table"], in: repo.root, environment: environment)
        #expect(table.status == 0)
        #expect(table.output.split(separator: "\n").allSatisfy { $0.count <= 60 })
        #expect(!table.output.contains("\u{1B}["))
        #expect(table.output.contains("parser.c"))
        let filtered = try Self.report(repo, ["--format", "csv", "--path", "src", "--class", "new"])
        #expect(filtered.output.split(separator: "\r\n").count == 2)  // header and src/core/parser.c
    }

    @Test func htmlShowsTopFilesInFullAndEveryOtherOneLineEach() throws {
        let repo = try Self.history()
        let json = try Self.report(repo, ["--format", "json"])
        let all = try #require(try JSONSerialization.jsonObject(with: json.standardOutput) as? [String: Any])
        let files = try #require(all["files"] as? [[String: Any]]).count
        for (arguments, full) in [([String](), files), (["--top", "2"], 2), (["--top", "0"], files)] {
            let result = try Self.report(repo, ["--format", "html"] + arguments)
            #expect(result.status == 0, "\(result.error)")
            let page = result.output
            let compact = page.components(separatedBy: "<table class=\"sortable more\"")
            let detailed = compact[0].components(separatedBy: "<table class=\"sortable files\">").last ?? ""
            #expect(detailed.components(separatedBy: "<tr class=\"k-").count - 1 == full, "\(arguments)")
            #expect(
                (compact.count > 1 ? compact[1].components(separatedBy: "<tr class=\"k-").count - 1 : 0)
                    == files - full, "\(arguments)")
        }
        #expect(files > 2)
    }

    @Test(arguments: [
        (["--since", "soon"], "--since takes a date"),
        (["--class", "hot"], "unknown class 'hot'"),
        (["--top=-1"], "--top must be"),
        (["--output", "report.pdf"], "cannot tell the format"),
        (["--explain", "nothing.c"], "no history for 'nothing.c'"),
        (["--explain", "README.md", "--format", "html"], "--explain prints table, markdown or json"),
    ])
    func badArgumentsAreUsageErrors(arguments: [String], message: String) throws {
        let repo = try Self.history()
        let result = try Self.report(repo, arguments)
        #expect(result.status == 2)
        #expect(result.error.contains(message), "\(result.error)")
    }

    @Test func outputGoesToDevicesAndAnUnwritablePathIsNamed() throws {
        let repo = try Self.history()
        let device = try Self.report(repo, ["--format", "json", "--output", "/dev/null", "-q"])
        #expect(device.status == 0, "\(device.error)")
        let missing = repo.root.appendingPathComponent("no/such/dir/report.html").path
        let result = try Self.report(repo, ["--output", missing])
        #expect(result.status == 2)
        #expect(result.error.hasPrefix("hindsight: error: cannot write \(missing)"))
        #expect(!result.error.contains("Usage:"))
    }

    @Test func aConfigurationMistakeNamesItsLine() throws {
        let repo = try Self.history()
        try repo.write(".hindsight.yml", "report:\n  halfLifeDays: 90\n  stableDayz: 10\n")
        let result = try Self.report(repo, ["--format", "json"])
        #expect(result.status == 2)
        #expect(result.error.contains("unknown key 'report.stableDayz' in"))
        #expect(result.error.contains(".hindsight.yml:3"))
    }

    @Test func anEmptyRepositoryHasNothingToReportYet() throws {
        let repo = try FixtureRepository()
        let result = try HindsightBinary.run(["report"], in: repo.root, environment: repo.environment())
        #expect(result.status == 0)
        #expect(result.error.contains("nothing to report yet"))
    }
}
