import Foundation
import HindsightTestSupport
import Testing

/// `hindsight doctor` on fixture repositories: each state it reports, with its line, fix and exit status.
@Suite struct DoctorCommandTests {
    /// The JSON document, decoded with every documented key required.
    struct Document: Decodable {
        struct Repository: Decodable {
            var gitDirectory: String
            var workTree: String?
            var head: String?
            var isShallow: Bool
            var promisorRemotes: [String]
        }
        struct Library: Decodable {
            var version: String
            var threads: Bool
            var https: Bool
            var ssh: Bool
            var nsec: Bool
        }
        struct Index: Decodable {
            var path: String
            var exists: Bool
            var schema: String?
            var tip: String?
            var behind: Int?
            var behindMoreThan: Int?
            var options: String?
            var configuredOptions: String
        }
        struct Check: Decodable, Equatable {
            var id: String
            var status: String
            var summary: String
            var fix: String?
        }
        var schemaVersion: Int
        var ok: Bool
        var problems: Int
        var warnings: Int
        var repository: Repository
        var libgit2: Library
        var index: Index
        var checks: [Check]
    }

    static func repository(commits: Int = 1) throws -> FixtureRepository {
        let repo = try FixtureRepository()
        for day in 1...commits {
            try repo.write("src/main.c", "int main(void) { return \(day); }\n")
            try repo.commit("feat: step \(day)", day: day)
        }
        return repo
    }

    static func doctor(
        _ repo: FixtureRepository, _ arguments: [String] = [], in directory: URL? = nil,
        environment extra: [String: String] = [:]
    ) throws -> ProcessResult {
        var environment = repo.environment()
        environment.merge(extra) { $1 }
        return try HindsightBinary.run(["doctor"] + arguments, in: directory ?? repo.root, environment: environment)
    }

    static func json(_ repo: FixtureRepository, in directory: URL? = nil) throws -> Document {
        let result = try doctor(repo, ["--format", "json"], in: directory)
        return try JSONDecoder().decode(Document.self, from: result.standardOutput)
    }

    static func run(_ repo: FixtureRepository, _ arguments: [String]) throws {
        _ = try HindsightBinary.run(arguments, in: repo.root, environment: repo.environment())
            .requireSuccess("hindsight \(arguments.joined(separator: " "))")
    }

    /// The lines of `text` from the one starting with `prefix` (the check and its fix line).
    static func lines(_ text: String, from prefix: String, count: Int = 2) -> [String] {
        let all = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = all.firstIndex(where: { $0.hasPrefix(prefix) }) else { return [] }
        return Array(all[start..<min(all.count, start + count)])
    }

    @Test func aFreshRepositoryListsItsProblemsWithFixes() throws {
        let repo = try Self.repository()
        let result = try Self.doctor(repo)
        #expect(result.status == 1, "\(result.output)\(result.error)")
        let hooks = repo.root.appendingPathComponent(".git/hooks").path
        let index = repo.root.appendingPathComponent(".git/hindsight/index.sqlite").path
        #expect(
            Self.lines(result.output, from: "problem  no history index") == [
                "problem  no history index yet (\(index))",
                "         fix: run `hindsight mine` once; the hooks `hindsight install` writes keep it current",
            ], "\(result.output)")
        #expect(
            Self.lines(result.output, from: "problem  no hindsight hooks") == [
                "problem  no hindsight hooks in \(hooks): commits are not checked and the index is not refreshed",
                "         fix: run `hindsight install`",
            ], "\(result.output)")
        #expect(result.output.contains("\nok       a full clone\n"))
        #expect(result.output.contains("\nok       no configuration file (.hindsight.yml): the defaults apply\n"))
        #expect(
            result.output.hasSuffix(
                "\n2 problems, 0 warnings: put the problems right, then run `hindsight doctor` again.\n"),
            "\(result.output)")
        #expect(result.error.isEmpty, "\(result.error)")
    }

    @Test func afterInstallAndMineEverythingIsOK() throws {
        let repo = try Self.repository()
        try Self.run(repo, ["install", "--binary", HindsightBinary.url.path])
        try Self.run(repo, ["mine", "--quiet"])
        let result = try Self.doctor(repo)
        #expect(result.status == 0, "\(result.output)\(result.error)")
        let statuses = result.output.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().prefix {
            !$0.isEmpty
        }.map {
            String($0.prefix(9))
        }
        #expect(!statuses.isEmpty && statuses.allSatisfy { $0 == "ok       " }, "\(result.output)")
        let head = String(try repo.head().prefix(7))
        #expect(result.output.contains("\nok       the index is at HEAD, \(head) (1 commit)\n"), "\(result.output)")
        let hooks = repo.root.appendingPathComponent(".git/hooks").path
        #expect(
            result.output.contains(
                "\nok       hooks in \(hooks): commit-msg checks; post-commit, post-merge, post-rewrite, post-checkout refresh the index\n"
            ), "\(result.output)")
        #expect(result.output.hasSuffix("\n\nNo problems.\n"), "\(result.output)")
    }

    @Test func aCommitAfterMiningLeavesTheIndexOneBehind() throws {
        let repo = try Self.repository()
        // Only the check hook: a refresh hook would mine the next commit in the background.
        try Self.run(repo, ["install", "--hooks", "commit-msg", "--binary", HindsightBinary.url.path])
        try Self.run(repo, ["mine", "--quiet"])
        let tip = String(try repo.head().prefix(7))
        try repo.write("README.md", "later\n")
        let head = String(try repo.commit("docs: later", day: 5).prefix(7))
        let result = try Self.doctor(repo)
        #expect(result.status == 0, "warnings only: \(result.output)")
        #expect(
            Self.lines(result.output, from: "warning  the index") == [
                "warning  the index is at \(tip), 1 commit behind HEAD (\(head)): answers and checks leave it out",
                "         fix: run `hindsight mine`; the refresh hooks of `hindsight install` do it after every commit",
            ], "\(result.output)")
        #expect(result.output.contains("missing: post-commit, post-merge, post-rewrite, post-checkout"))
        let document = try Self.json(repo)
        #expect(document.index.behind == 1)
        #expect(document.index.tip?.hasPrefix(tip) == true)
        #expect(document.repository.head?.hasPrefix(head) == true)
        #expect(document.ok && document.problems == 0 && document.warnings == 2)
    }

    @Test func aShallowCloneIsAProblem() throws {
        let repo = try Self.repository(commits: 3)
        let clone = try repo.clone("file://\(repo.root.path)", named: "shallow", options: ["--depth", "1"])
        let result = try Self.doctor(repo, in: clone)
        #expect(result.status == 1)
        #expect(
            Self.lines(result.output, from: "problem  a shallow clone") == [
                "problem  a shallow clone (history cut off at 1 commit): the index learns only from the history present, and `hindsight check` stops with exit 3",
                "         fix: fetch the whole history with `git fetch --unshallow`",
            ], "\(result.output)")
        let document = try Self.json(repo, in: clone)
        #expect(document.repository.isShallow)
        #expect(document.checks.first { $0.id == "clone" }?.status == "problem")
    }

    @Test func aBrokenConfigurationNamesItsFileAndLine() throws {
        let repo = try Self.repository()
        try repo.write(".hindsight.yml", "history:\n  renames: maybe\n")
        let result = try Self.doctor(repo)
        #expect(result.status == 1)
        let lines = Self.lines(result.output, from: "problem  invalid configuration")
        #expect(
            lines.first?.hasPrefix("problem  invalid configuration in .hindsight.yml:2 at 'history.renames'") == true,
            "\(result.output)")
        #expect(lines.last == "         fix: correct the value in .hindsight.yml, or remove the key to use the default")
        try repo.write(".hindsight.yml", "histroy:\n  renames: false\n")
        let unknown = try Self.doctor(repo)
        #expect(unknown.output.contains("\nproblem  unknown key 'histroy' in .hindsight.yml:1\n"), "\(unknown.output)")
    }

    @Test func brokenGuardAndLessonFilesAreNamed() throws {
        let repo = try Self.repository()
        try repo.write(".hindsight/guards.yml", "version: 9\nguards: []\n")
        try repo.write(".hindsight/lessons/ls-broken.md", "---\nid: ls-broken\nkind: maybe\n---\n\ntext\n")
        let result = try Self.doctor(repo)
        #expect(result.status == 1)
        let guards = Self.lines(result.output, from: "problem  invalid configuration in .hindsight/guards.yml")
        #expect(
            guards.first?.hasPrefix("problem  invalid configuration in .hindsight/guards.yml:1 at 'version'") == true,
            "\(result.output)")
        #expect(
            guards.last
                == "         fix: correct the value in .hindsight/guards.yml, or remove the key to use the default")
        let lessons = Self.lines(result.output, from: "problem  invalid lesson file")
        #expect(
            lessons.first?.hasPrefix("problem  invalid lesson file .hindsight/lessons/ls-broken.md") == true,
            "\(result.output)")
        #expect(lessons.last == "         fix: correct .hindsight/lessons/ls-broken.md, or remove it")
    }

    @Test func aForeignHookIsReportedAndNotCountedAsInstalled() throws {
        let repo = try Self.repository()
        let hook = repo.root.appendingPathComponent(".git/hooks/commit-msg")
        try Data("#!/bin/sh\nexit 0\n".utf8).write(to: hook)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook.path)
        let result = try Self.doctor(repo)
        #expect(result.status == 1)
        let hooks = repo.root.appendingPathComponent(".git/hooks").path
        #expect(
            Self.lines(result.output, from: "problem  no hindsight hooks") == [
                "problem  no hindsight hooks in \(hooks) (not hindsight's: commit-msg): commits are not checked and the index is not refreshed",
                "         fix: run `hindsight install` (it keeps each existing hook and runs it first)",
            ], "\(result.output)")
        try Self.run(repo, ["install", "--binary", HindsightBinary.url.path])
        let chained = try Self.doctor(repo)
        #expect(chained.output.contains("; run first, the hooks they replaced: commit-msg\n"), "\(chained.output)")
    }

    @Test func hooksFallingBackToAMissingBinaryAreAProblem() throws {
        let repo = try Self.repository()
        try Self.run(repo, ["install", "--binary", "/nonexistent/hindsight"])
        let result = try Self.doctor(repo, environment: ["PATH": "/usr/bin:/bin"])
        #expect(result.status == 1)
        #expect(
            Self.lines(result.output, from: "problem  the hooks find") == [
                "problem  the hooks find hindsight neither on PATH nor at /nonexistent/hindsight, so commits go ahead unchecked",
                "         fix: put hindsight on PATH, or run `hindsight install --binary PATH-TO-HINDSIGHT` again",
            ], "\(result.output)")
    }

    @Test func aHookManagerWithoutHindsightIsAProblemUntilItRunsIt() throws {
        let repo = try Self.repository()
        try repo.write("lefthook.yml", "pre-commit:\n  commands:\n    lint:\n      run: make lint\n")
        let result = try Self.doctor(repo)
        #expect(
            Self.lines(result.output, from: "problem  lefthook") == [
                "problem  lefthook (lefthook.yml) manages the hooks and does not run hindsight",
                "         fix: run `hindsight install --write` to add hindsight to lefthook.yml, or `hindsight install` to list the lines it would add",
            ], "\(result.output)")
        #expect(!result.output.contains("no hindsight hooks"), "one line for one cause: \(result.output)")
        try repo.write(
            "lefthook.yml", "pre-commit:\n  commands:\n    hindsight:\n      run: hindsight check --staged\n")
        let fixed = try Self.doctor(repo)
        #expect(fixed.output.contains("\nok       lefthook (lefthook.yml) runs hindsight\n"), "\(fixed.output)")
        #expect(fixed.output.contains(": lefthook runs hindsight\n"), "\(fixed.output)")
    }

    @Test func huskyRunsHindsightOnceItsScriptsDo() throws {
        let repo = try Self.repository()
        try repo.write(".husky/pre-commit", "npm test\n")
        #expect(
            try Self.doctor(repo).output.contains(
                "problem  husky (.husky/) manages the hooks and does not run hindsight"))
        try HindsightBinary.run(["install", "--write"], in: repo.root, environment: repo.environment())
            .requireSuccess("install --write")
        let fixed = try Self.doctor(repo)
        #expect(fixed.output.contains("\nok       husky (.husky/) runs hindsight\n"), "\(fixed.output)")
    }

    @Test func ciFilesAreFoundAndTheirCloneDepthChecked() throws {
        let repo = try Self.repository()
        try repo.write(
            ".github/workflows/build.yml", "on: push\njobs:\n  b:\n    steps:\n      - uses: actions/checkout@v4\n")
        let without = try Self.doctor(repo)
        #expect(
            Self.lines(without.output, from: "warning  CI runs") == [
                "warning  CI runs without hindsight (.github/workflows/build.yml): pull requests are not checked",
                "         fix: add the GitHub Actions job hindsight ships, ci-templates/github/pull-request.yml (see ci-templates/README.md)",
            ], "\(without.output)")
        try repo.write(
            ".github/workflows/hindsight.yml",
            "jobs:\n  c:\n    steps:\n      - uses: actions/checkout@v4\n      - run: hindsight check\n")
        let shallow = try Self.doctor(repo)
        #expect(
            Self.lines(shallow.output, from: "warning  GitHub Actions") == [
                "warning  GitHub Actions: .github/workflows/hindsight.yml runs hindsight on a shallow checkout, where `hindsight check` stops with exit 3",
                "         fix: set `fetch-depth: 0` on the actions/checkout step in .github/workflows/hindsight.yml",
            ], "\(shallow.output)")
        try repo.write(
            ".github/workflows/hindsight.yml",
            "jobs:\n  c:\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          fetch-depth: \"0\"\n      - run: hindsight check\n"
        )
        let full = try Self.doctor(repo)
        #expect(full.output.contains("\nok       GitHub Actions: .github/workflows/hindsight.yml runs hindsight\n"))
        #expect(!full.output.contains("CI runs without"), "\(full.output)")
    }

    @Test func aPartialCloneNamesItsPromisorRemote() throws {
        let repo = try Self.repository(commits: 2)
        try repo.git(["config", "uploadpack.allowFilter", "true"])
        let clone = try repo.clone("file://\(repo.root.path)", named: "partial", options: ["--filter=blob:none"])
        let result = try Self.doctor(repo, in: clone)
        #expect(result.status == 1)
        #expect(
            Self.lines(result.output, from: "problem  a partial clone") == [
                "problem  a partial clone (promisor remote origin): libgit2 cannot fetch the objects it lacks, so `hindsight mine` refuses it",
                "         fix: clone the repository again without --filter",
            ], "\(result.output)")
        #expect(try Self.json(repo, in: clone).repository.promisorRemotes == ["origin"])
    }

    /// The schema is read without migrating: a newer one is a problem, an older one a warning, and
    /// doctor leaves either as it found it.
    @Test(arguments: [
        ("INSERT INTO grdb_migrations VALUES ('v99')", "problem  the index at", "was written by a newer hindsight"),
        ("DELETE FROM grdb_migrations WHERE identifier = 'v6'", "warning  the index at", "is from an older hindsight"),
    ])
    func anIndexFromAnotherHindsightIsReportedAndLeftAlone(sql: String, prefix: String, words: String) throws {
        let repo = try Self.repository()
        try Self.run(repo, ["mine", "--quiet"])
        let index = repo.root.appendingPathComponent(".git/hindsight/index.sqlite").path
        let script = "import sqlite3, sys\nc = sqlite3.connect(sys.argv[1])\nc.execute(sys.argv[2])\nc.commit()\n"
        _ = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", script, index, sql], in: repo.root)
            .requireSuccess("python3 sqlite3")
        let count =
            "import sqlite3, sys\nprint(sqlite3.connect(sys.argv[1]).execute('SELECT count(*) FROM grdb_migrations').fetchone()[0])\n"
        let before = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", count, index], in: repo.root).output
        let result = try Self.doctor(repo)
        let line = Self.lines(result.output, from: prefix, count: 1).first ?? ""
        #expect(line == "\(prefix) \(index) \(words)", "\(result.output)")
        #expect(try ProcessRunner.run("/usr/bin/env", ["python3", "-c", count, index], in: repo.root).output == before)
    }

    @Test func aDamagedIndexIsAProblemWithTheRebuildFix() throws {
        let repo = try Self.repository()
        try repo.write(".git/hindsight/index.sqlite", String(repeating: "not a database ", count: 100))
        let result = try Self.doctor(repo)
        #expect(result.status == 1)
        let lines = Self.lines(result.output, from: "problem  the index at")
        #expect(lines.first?.contains("index.sqlite is damaged (") == true, "\(result.output)")
        #expect(lines.last == "         fix: run `hindsight mine --rebuild` to build it again")
    }

    @Test func jsonDecodesWithEveryKeyAndEscapesUntrustedNames() throws {
        let repo = try Self.repository()
        let name = "odd \"name\"\n\u{1b}[31m.yml"
        try repo.write(name, "history: [\n")
        let result = try Self.doctor(repo, ["--format", "json", "--config", name])
        #expect(result.status == 1)
        let document = try JSONDecoder().decode(Document.self, from: result.standardOutput)
        #expect(document.schemaVersion == 1)
        #expect(!document.ok && document.problems == 3 && document.warnings == 0)
        #expect(document.index.exists == false && document.index.schema == nil)
        #expect(document.index.configuredOptions == "renames=50%/limit=1000")
        #expect(document.repository.workTree == repo.root.path)
        #expect(!document.libgit2.version.isEmpty && document.libgit2.threads)
        let configuration = try #require(document.checks.first { $0.id == "configuration" })
        #expect(configuration.status == "problem")
        #expect(configuration.summary.hasPrefix("invalid configuration in \(name)"), "\(configuration.summary)")
        #expect(configuration.fix?.contains(name) == true)
        #expect(Set(document.checks.map(\.status)).isSubset(of: ["ok", "warning", "problem"]))
        let text = try Self.doctor(repo, ["--config", name])
        #expect(text.output.contains("invalid configuration in odd \"name\"\\n\\e[31m.yml"), "\(text.output)")
        #expect(!text.output.contains("\u{1b}"))
    }
}
