import Foundation
import HindsightTestSupport
import Testing

/// End-to-end: `hindsight report` leaves vendored and fixture trees out of the files and lists them.
@Suite struct ReportTreesCommandTests {
    /// Ten days after the fixture's day 0.
    static let asOf = "2020-09-23T12:26:40Z"

    /// An app with a library imported in one commit (its own license), test data, and a copy of a
    /// submodule that `.gitmodules` still names.
    static func history() throws -> FixtureRepository {
        let repo = try FixtureRepository()
        try repo.write("LICENSE", "MIT License\n\nCopyright (c) the app\n")
        try repo.write("src/app.c", "int main(void) { return 0; }\n")
        _ = try repo.commit("feat: app", day: 0)
        for name in ["LICENSE", "lib.c", "lib.h", "util.c"] {
            try repo.write("deps/lib/\(name)", "\(name) from upstream\n")
        }
        _ = try repo.commit("deps: import lib 1.0", day: 1)
        try repo.write("tests/fixtures/input.json", "{}\n")
        try repo.write("tests/app_test.c", "test\n")
        _ = try repo.commit("test: app", day: 2)
        try repo.write("deps/lib/lib.c", "lib.c from upstream\npatched\n")
        try repo.write("src/app.c", "int main(void) { return 1; }\n")
        _ = try repo.commit("fix: crash in lib", day: 3)
        try repo.write("tests/fixtures/input.json", "{\"a\": 1}\n")
        _ = try repo.commit("test: more data", day: 4)
        try repo.write(".gitmodules", "[submodule \"ext\"]\n\tpath = ext/copied\n\turl = https://example.com/x.git\n")
        try repo.write("ext/copied/x.c", "x\n")
        _ = try repo.commit("build: vendor ext", day: 5)
        return repo
    }

    static func json(_ repo: FixtureRepository, _ arguments: [String] = []) throws -> [String: Any] {
        let result = try HindsightBinary.run(
            ["report", "--as-of", asOf, "--format", "json"] + arguments, in: repo.root, environment: repo.environment())
        #expect(result.status == 0, "\(result.error)")
        return try #require(try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any])
    }

    static func paths(_ json: [String: Any]) -> Set<String> {
        Set((json["files"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String })
    }

    @Test func theTreesAreListedAndTheirFilesLeftOut() throws {
        let repo = try Self.history()
        let json = try Self.json(repo)
        #expect(Self.paths(json) == [".gitmodules", "LICENSE", "src/app.c", "tests/app_test.c"])
        #expect((json["summary"] as? [String: Any])?["files"] as? Int == 4)
        #expect((json["directories"] as? [[String: Any]])?.compactMap { $0["path"] as? String } == ["src", "tests"])
        let trees = try #require(json["recognisedTrees"] as? [[String: Any]])
        #expect(trees.compactMap { $0["path"] as? String } == ["deps/lib", "ext/copied", "tests/fixtures"])
        #expect(trees.compactMap { $0["kind"] as? String } == ["vendored", "vendored", "fixture"])
        #expect(
            trees.compactMap { $0["reason"] as? String } == [
                "own license deps/lib/LICENSE, arrived in bulk (4 of 4 files in 1 commit)", "submodule in .gitmodules",
                "test data directory name `fixtures`",
            ])
        #expect(trees.compactMap { $0["files"] as? Int } == [4, 1, 1])
        #expect(trees.compactMap { $0["commits"] as? Int } == [2, 1, 2])
        #expect(trees.first?["lastChanged"] as? String == "2020-09-16T12:26:40Z")
        #expect((json["settings"] as? [String: Any])?["recogniseTrees"] as? Bool == true)
        // The fix to src/app.c and deps/lib/lib.c is still a fix; only the app's file carries it.
        #expect((json["summary"] as? [String: Any])?["fixCommits"] as? Int == 1)
        let app = (json["files"] as? [[String: Any]])?.first { $0["path"] as? String == "src/app.c" }
        #expect(app?["fixCommits"] as? Int == 1)
    }

    @Test func theFlagAndTheSettingPutTheFilesBack() throws {
        let repo = try Self.history()
        let everything: Set<String> = [
            ".gitmodules", "LICENSE", "src/app.c", "tests/app_test.c", "deps/lib/LICENSE", "deps/lib/lib.c",
            "deps/lib/lib.h", "deps/lib/util.c", "tests/fixtures/input.json", "ext/copied/x.c",
        ]
        let flagged = try Self.json(repo, ["--include-vendored"])
        #expect(Self.paths(flagged) == everything)
        #expect((flagged["recognisedTrees"] as? [Any])?.isEmpty == true)
        #expect((flagged["settings"] as? [String: Any])?["recogniseTrees"] as? Bool == false)
        try repo.write(".hindsight.yml", "report:\n  recogniseTrees: false\n")
        #expect(Self.paths(try Self.json(repo)) == everything)
    }

    @Test func textFormatsShowTheSectionAndExplainNamesTheFlag() throws {
        let repo = try Self.history()
        let markdown = try HindsightBinary.run(
            ["report", "--as-of", Self.asOf, "--format", "markdown"], in: repo.root, environment: repo.environment())
        #expect(markdown.output.contains("## Vendored and fixture trees"))
        #expect(markdown.output.contains("| deps/lib/ | vendored | 4 | 2 | 2020-09-16 |"))
        let explained = try HindsightBinary.run(
            ["report", "--as-of", Self.asOf, "--explain", "deps/lib/lib.c"], in: repo.root,
            environment: repo.environment())
        #expect(explained.status == 2)
        #expect(explained.error.contains("--include-vendored"), "\(explained.error)")
    }
}
