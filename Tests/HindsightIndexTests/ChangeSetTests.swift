import Foundation
import HindsightCore
import HindsightGit
import HindsightTestSupport
import Testing

@Suite struct ChangeSetTests {
    @Test(arguments: ChangeScenario.allCases)
    func stagedChangesMatchGitDiffCached(scenario: ChangeScenario) throws {
        let repo = try ChangeScenario.baseRepository()
        try scenario.apply(to: repo)
        try repo.git(["add", "-A"])
        let expected = try GitPatchOracle.files(repo, ["--cached"])
        let changes = try GitRepository(path: repo.root.path).changeSet(for: .staged, options: HistoryOptions())
        #expect(!expected.isEmpty)
        #expect(changes.files == expected)
        #expect(changes.description == "staged changes")
        #expect(changes.messages.isEmpty)
    }

    @Test(arguments: ChangeScenario.allCases)
    func commitMatchesGitShow(scenario: ChangeScenario) throws {
        let repo = try ChangeScenario.baseRepository()
        try scenario.apply(to: repo)
        let id = try repo.commit("change: \(scenario)\n\nWhy it changed.\n\nHindsight-Allow: churn", day: 1)
        let expected = try GitPatchOracle.files(repo, ["HEAD~1", "HEAD"])
        let changes = try GitRepository(path: repo.root.path).changeSet(for: .commit("HEAD"), options: HistoryOptions())
        #expect(changes.files == expected)
        #expect(changes.description == "commit \(id.prefix(7))")
        #expect(changes.messages == [CommitMessage(parsing: try repo.gitText(["log", "-1", "--format=%B"]))])
    }

    /// What the backtest's SZZ reads per commit: git show's lines, by path after the change.
    @Test(arguments: ChangeScenario.allCases)
    func changedLinesMatchGitShow(scenario: ChangeScenario) throws {
        let repo = try ChangeScenario.baseRepository()
        try scenario.apply(to: repo)
        _ = try repo.commit("change: \(scenario)", day: 1)
        let expected = try GitPatchOracle.files(repo, ["HEAD~1", "HEAD"])
        let git = try GitRepository(path: repo.root.path)
        let id = try #require(try git.resolveCommit())
        let lines = try git.changedLines(of: id, options: HistoryOptions())
        #expect(Set(lines.keys) == Set(expected.map(\.path)))
        for file in expected {
            #expect(
                lines[file.path]
                    == ChangedLines(
                        oldPath: file.oldPath, added: file.added.map(\.text), removed: file.removed.map(\.text)))
        }
    }

    @Test func linesCarryGitsNumbersAndTextWithoutNewline() throws {
        let repo = try ChangeScenario.baseRepository()
        try ChangeScenario.modification.apply(to: repo)
        try repo.git(["add", "-A"])
        let file = try #require(
            try GitRepository(path: repo.root.path).changeSet(for: .staged, options: HistoryOptions()).files.first)
        #expect(file.path == RepoPath("src/app.swift"))
        #expect(file.removed.first == DiffLine(number: 3, text: "app line 3"))
        #expect(file.added.first == DiffLine(number: 3, text: "app line 3, edited"))
        #expect(file.added.last == DiffLine(number: 31, text: "appended 2"))
    }

    /// The hunks rebuilt from line numbers are git's: the same `@@ -o,r +n,a @@` headers.
    @Test func hunksRebuiltFromLineNumbersMatchGitsHeaders() throws {
        let repo = try FixtureRepository()
        let old = (1...30).map { "line \($0)" }
        try repo.write("a.txt", old.joined(separator: "\n") + "\n")
        try repo.commit("start", day: 0)
        var new = old
        new.replaceSubrange(24...24, with: ["line 25, edited"])
        new.removeSubrange(19...20)
        new.insert(contentsOf: ["inserted 1", "inserted 2"], at: 15)
        new.replaceSubrange(7...8, with: ["eight", "nine", "nine and a half"])
        new.remove(at: 2)
        new.insert("first", at: 0)
        try repo.write("a.txt", new.joined(separator: "\n") + "\n")
        try repo.commit("edit", day: 1)
        let patch = try GitPatchOracle.run(repo, GitPatchOracle.patchCommand(["HEAD~1", "HEAD"])).output
        let expected = patch.split(separator: "\n").filter { $0.hasPrefix("@@ ") }.map { header in
            // "@@ -o[,r] +n[,a] @@": a missing count is 1; an empty side gives the line before it.
            let sides = header.split(separator: " ")[1...2].map { side in
                let parts = side.dropFirst().split(separator: ",").compactMap { Int($0) }
                return (start: parts[0], count: parts.count > 1 ? parts[1] : 1)
            }
            return
                "-\(sides[0].count == 0 ? "" : "\(sides[0].start)")x\(sides[0].count) +\(sides[1].count == 0 ? "" : "\(sides[1].start)")x\(sides[1].count)"
        }
        let file = try #require(
            try GitRepository(path: repo.root.path).changeSet(for: .commit("HEAD"), options: HistoryOptions()).files
                .first)
        let rebuilt = file.hunks.map { hunk in
            "-\(hunk.removed.first.map { "\($0.number)" } ?? "")x\(hunk.removed.count) +\(hunk.added.first.map { "\($0.number)" } ?? "")x\(hunk.added.count)"
        }
        #expect(expected.count == 6, "an insertion, a deletion, a replacement, an insertion, a deletion, an edit")
        #expect(rebuilt == expected)
    }

    @Test func rootCommitAndUnbornHeadDiffAgainstTheEmptyTree() throws {
        let repo = try FixtureRepository()
        try repo.write("first.txt", "one\ntwo\n")
        try repo.write("bin/blob.dat", data: Data([0, 1, 2, 3]))
        try repo.git(["add", "-A"])
        let staged = try GitRepository(path: repo.root.path).changeSet(for: .staged, options: HistoryOptions())
        #expect(staged.files == (try GitPatchOracle.files(repo, ["--cached"])))
        #expect(staged.files.map(\.status) == [.added, .added])
        try repo.commit("root", day: 0)
        let root = try GitRepository(path: repo.root.path).changeSet(for: .commit("HEAD"), options: HistoryOptions())
        #expect(root.files == staged.files)
    }

    @Test func renamesOffListsADeletionAndAnAddition() throws {
        let repo = try ChangeScenario.baseRepository()
        try ChangeScenario.renameWithEdits.apply(to: repo)
        try repo.git(["add", "-A"])
        let changes = try GitRepository(path: repo.root.path)
            .changeSet(for: .staged, options: HistoryOptions(detectRenames: false))
        #expect(changes.files == (try GitPatchOracle.files(repo, ["--cached"], renames: false)))
        #expect(changes.files.map(\.status) == [.deleted, .added])
    }

    /// Like git, the limit applies to the files left after exact renames: one exact and two inexact
    /// renames stay one rename at limit 1 (2 × 2 > 1²) and three at limit 2. The inexact pairs have
    /// new basenames: git ≥ 2.33 pairs equal basenames before applying the limit, which we do not.
    @Test(arguments: [(1, 1), (2, 3)])
    func exactRenamesArePairedBeyondTheRenameLimit(limit: Int, renames: Int) throws {
        let repo = try ChangeScenario.baseRepository()
        let app = try String(contentsOf: repo.root.appendingPathComponent("src/app.swift"), encoding: .utf8)
        try repo.remove("src/app.swift")
        try repo.write("sources/app.swift", app)
        let guide = try String(contentsOf: repo.root.appendingPathComponent("docs/guide.md"), encoding: .utf8)
        try repo.remove("docs/guide.md")
        try repo.write(
            "manual/handbook.md", guide.replacingOccurrences(of: "guide line 7\n", with: "guide line seven\n"))
        try ChangeScenario.renameWithEdits.apply(to: repo)
        try repo.git(["add", "-A"])
        let changes = try GitRepository(path: repo.root.path)
            .changeSet(for: .staged, options: HistoryOptions(renameLimit: limit))
        #expect(changes.files == (try GitPatchOracle.files(repo, ["--cached"], config: ["diff.renameLimit=\(limit)"])))
        #expect(changes.files.filter { $0.status == .renamed }.count == renames)
    }

    @Test func intentToAddIsNotStaged() throws {
        let repo = try ChangeScenario.baseRepository()
        try repo.write("later.txt", "not yet\n")
        try repo.git(["add", "-N", "later.txt"])
        let changes = try GitRepository(path: repo.root.path).changeSet(for: .staged, options: HistoryOptions())
        #expect(changes.files == (try GitPatchOracle.files(repo, ["--cached"])))
        #expect(changes.files.isEmpty)
    }

    @Test func binaryAttributeHidesTheLines() throws {
        let repo = try ChangeScenario.baseRepository()
        try repo.write(".gitattributes", "*.csv -diff\n")
        try repo.write("data.csv", "a,b\n1,2\n")
        try repo.commit("data", day: 1)
        try repo.write("data.csv", "a,b\n1,3\n")
        try repo.git(["add", "-A"])
        let changes = try GitRepository(path: repo.root.path).changeSet(for: .staged, options: HistoryOptions())
        #expect(changes.files == (try GitPatchOracle.files(repo, ["--cached"])))
        #expect(changes.files.map(\.isBinary) == [true])
    }

    @Test func submoduleCommitChangesReadAsGitShowsThem() throws {
        let repo = try ChangeScenario.baseRepository()
        let first = try repo.head()
        try repo.git(["update-index", "--add", "--cacheinfo", "160000,\(first),vendor/lib"])
        try repo.commit("add a submodule", day: 1, stageAll: false)
        let second = try repo.commit("empty", day: 2, stageAll: false)
        try repo.git(["update-index", "--cacheinfo", "160000,\(second),vendor/lib"])
        let changes = try GitRepository(path: repo.root.path).changeSet(for: .staged, options: HistoryOptions())
        #expect(changes.files == (try GitPatchOracle.files(repo, ["--cached"])))
        #expect(changes.files.first?.added == [DiffLine(number: 1, text: "Subproject commit \(second)")])
    }

    @Test func unmergedPathsAreLeftOut() throws {
        let repo = try ChangeScenario.baseRepository()
        try repo.git(["checkout", "-q", "-b", "other"])
        try repo.write("src/app.swift", "theirs\n")
        try repo.commit("theirs", day: 1)
        try repo.git(["checkout", "-q", "main"])
        try repo.write("src/app.swift", "ours\n")
        try ChangeScenario.addition.apply(to: repo)
        try repo.commit("ours", day: 2)
        try ChangeScenario.deletion.apply(to: repo)
        try repo.git(["rm", "-q", "docs/guide.md"])
        let merge = try GitPatchOracle.run(repo, ["merge", "-q", "other"], requireSuccess: false)
        #expect(merge.status != 0)
        let changes = try GitRepository(path: repo.root.path).changeSet(for: .staged, options: HistoryOptions())
        #expect(changes.files.map(\.path) == [RepoPath("docs/guide.md")])
    }

    @Test func bareRepositoryHasNoStagedChanges() throws {
        let origin = try ChangeScenario.baseRepository()
        let bare = try origin.clone(origin.root.path, named: "bare.git", options: ["--bare"])
        let repository = try GitRepository(path: bare.path)
        let error = #expect(throws: GitError.self) { try repository.changeSet(for: .staged, options: HistoryOptions()) }
        #expect(error?.description.contains("bare") == true)
        #expect(try repository.changeSet(for: .commit("HEAD"), options: HistoryOptions()).files.count == 8)
    }

    @Test func rangeMatchesGitDiffAndLog() throws {
        let repo = try ChangeScenario.baseRepository()
        try repo.git(["tag", "v1"])
        try ChangeScenario.modification.apply(to: repo)
        try repo.commit("feat: edit the app\n\nWith a body.", day: 1)
        try ChangeScenario.renameWithEdits.apply(to: repo)
        try repo.commit("fix: move the notes\n\nFixes: 1234567\nHindsight-Allow: rename", day: 2)
        try ChangeScenario.binary.apply(to: repo)
        try repo.commit("chore: new logo", day: 3)

        let changes = try GitRepository(path: repo.root.path)
            .changeSet(for: .range(from: "v1", to: "main"), options: HistoryOptions())
        #expect(changes.description == "v1..main")
        #expect(changes.files == (try GitPatchOracle.files(repo, ["v1", "main"])))
        #expect(changes.messages == (try GitPatchOracle.messages(repo, "v1..main")))
        #expect(changes.messages.count == 3)
    }

    @Test func baseMatchesTheMergeBaseDiff() throws {
        let repo = try ChangeScenario.baseRepository()
        try ChangeScenario.deletion.apply(to: repo)
        try repo.commit("docs: drop the guide", day: 1)
        try repo.git(["checkout", "-q", "-b", "feature"])
        try ChangeScenario.modification.apply(to: repo)
        try repo.commit("feat: on the branch", day: 2)
        try ChangeScenario.unicode.apply(to: repo)
        try repo.commit("feat: more on the branch", day: 3)
        try repo.git(["checkout", "-q", "main"])
        try ChangeScenario.pathWithSpaces.apply(to: repo)
        try repo.commit("main moves on", day: 4)
        try repo.git(["checkout", "-q", "feature"])

        let mergeBase = try repo.gitText(["merge-base", "main", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let changes = try GitRepository(path: repo.root.path).changeSet(for: .base("main"), options: HistoryOptions())
        #expect(changes.description == "main...HEAD")
        #expect(changes.files == (try GitPatchOracle.files(repo, [mergeBase, "HEAD"])))
        #expect(changes.messages == (try GitPatchOracle.messages(repo, "main..HEAD")))
        #expect(changes.messages.map(\.subject) == ["feat: more on the branch", "feat: on the branch"])
    }

    @Test func baseWithoutSharedHistoryIsAClearError() throws {
        let repo = try ChangeScenario.baseRepository()
        try repo.git(["checkout", "-q", "--orphan", "unrelated"])
        try repo.commit("unrelated root", day: 1)
        let repository = try GitRepository(path: repo.root.path)
        let error = #expect(throws: GitError.self) {
            try repository.changeSet(for: .base("main"), options: HistoryOptions())
        }
        #expect(error?.description.contains("share no history") == true)
    }

    @Test func shallowCloneWithoutTheMergeBaseSaysHowToFetchMore() throws {
        let origin = try ChangeScenario.baseRepository()
        try ChangeScenario.deletion.apply(to: origin)
        try origin.commit("main 1", day: 1)
        try origin.git(["checkout", "-q", "-b", "feature", "HEAD~1"])
        try ChangeScenario.addition.apply(to: origin)
        try origin.commit("feature 1", day: 2)
        try origin.git(["checkout", "-q", "main"])
        let clone = try origin.clone(
            "file://\(origin.root.path)", named: "shallow",
            options: ["--depth", "1", "--no-single-branch", "--branch", "feature"])
        let repository = try GitRepository(path: clone.path)
        for target in [CheckTarget.base("origin/main"), .range(from: "origin/main", to: "HEAD")] {
            let error = #expect(throws: GitError.self) {
                try repository.changeSet(for: target, options: HistoryOptions())
            }
            #expect(error?.description.contains("--unshallow") == true, "\(target): \(String(describing: error))")
        }
    }

    @Test func unknownRevisionsAreNamed() throws {
        let repo = try ChangeScenario.baseRepository()
        let repository = try GitRepository(path: repo.root.path)
        #expect(throws: GitError.unknownRevision("no-such-branch")) {
            try repository.changeSet(for: .commit("no-such-branch"), options: HistoryOptions())
        }
        #expect(throws: GitError.unknownRevision("nope")) {
            try repository.changeSet(for: .range(from: "nope", to: "HEAD"), options: HistoryOptions())
        }
    }

    @Test func readingChangesLeavesIndexAndWorkTreeAlone() throws {
        let repo = try ChangeScenario.baseRepository()
        try ChangeScenario.modification.apply(to: repo)
        try repo.commit("one", day: 1)
        try ChangeScenario.everythingAtOnce.apply(to: repo)
        try repo.git(["add", "docs", "old name.txt"])
        let indexURL = repo.root.appendingPathComponent(".git/index")
        let before = (
            try Data(contentsOf: indexURL),
            try repo.gitText(["--no-optional-locks", "status", "--porcelain=v1", "-uall"]),
            try repo.gitText(["count-objects"])
        )
        let repository = try GitRepository(path: repo.root.path)
        for target in [CheckTarget.staged, .commit("HEAD"), .range(from: "HEAD~1", to: "HEAD"), .base("HEAD~1")] {
            _ = try repository.changeSet(for: target, options: HistoryOptions())
        }
        let after = (
            try Data(contentsOf: indexURL),
            try repo.gitText(["--no-optional-locks", "status", "--porcelain=v1", "-uall"]),
            try repo.gitText(["count-objects"])
        )
        #expect(before == after)
    }

    @Test func explicitIndexFileIsReadInsteadOfTheRepositoryIndex() throws {
        let repo = try ChangeScenario.baseRepository()
        let alternate = repo.home.appendingPathComponent("alternate-index")
        try FileManager.default.copyItem(at: repo.root.appendingPathComponent(".git/index"), to: alternate)
        try ChangeScenario.modification.apply(to: repo)
        try ChangeScenario.deletion.apply(to: repo)
        try GitPatchOracle.run(repo, ["add", "-A"], environment: ["GIT_INDEX_FILE": alternate.path])

        let repository = try GitRepository(path: repo.root.path)
        let changes = try repository.changeSet(for: .staged, options: HistoryOptions(), indexFile: alternate)
        let expected = try GitPatchOracle.files(repo, ["--cached"], environment: ["GIT_INDEX_FILE": alternate.path])
        #expect(changes.files.count == 2)
        #expect(changes.files == expected)
        #expect(try repository.changeSet(for: .staged, options: HistoryOptions()).files.isEmpty)
    }

    /// `git commit -a` and `git commit <paths>` hand the pre-commit hook a temporary index; the hook
    /// records it and what `git diff --cached` shows there, then rejects the commit.
    @Test(arguments: [["-a"], ["--", "src/app.swift"]])
    func preCommitHookSeesTheTemporaryIndex(commitArguments: [String]) throws {
        let repo = try ChangeScenario.baseRepository()
        try ChangeScenario.modification.apply(to: repo)
        try ChangeScenario.deletion.apply(to: repo)
        let record = repo.home.appendingPathComponent("hook")
        try FileManager.default.createDirectory(at: record, withIntermediateDirectories: true)
        let hooks = repo.root.appendingPathComponent(".git/hooks")
        try FileManager.default.createDirectory(at: hooks, withIntermediateDirectories: true)
        let hook = hooks.appendingPathComponent("pre-commit")
        try """
        #!/bin/sh
        cp "$GIT_INDEX_FILE" '\(record.path)/index'
        printf '%s' "$GIT_INDEX_FILE" > '\(record.path)/index-path'
        \(GitPatchOracle.patchCommand(["--cached"]).joined(separator: " ")) > '\(record.path)/patch'
        \(GitPatchOracle.namesCommand(["--cached"]).joined(separator: " ")) > '\(record.path)/names'
        exit 1
        """.write(to: hook, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook.path)

        let commit = try GitPatchOracle.run(
            repo, ["commit", "-q", "-m", "rejected"] + commitArguments, requireSuccess: false)
        #expect(commit.status != 0)
        let hookIndex = try String(contentsOf: record.appendingPathComponent("index-path"), encoding: .utf8)
        #expect(!hookIndex.hasSuffix(".git/index"))
        let expected = GitPatchOracle.files(
            patch: try Data(contentsOf: record.appendingPathComponent("patch")),
            names: try Data(contentsOf: record.appendingPathComponent("names")))

        let repository = try GitRepository(path: repo.root.path)
        let changes = try repository.changeSet(
            for: .staged, options: HistoryOptions(), indexFile: record.appendingPathComponent("index"))
        #expect(!expected.isEmpty)
        #expect(changes.files == expected)
        #expect(try repository.changeSet(for: .staged, options: HistoryOptions()).files.isEmpty)
    }
}

// MARK: - Fixtures

/// One kind of change, applied to `baseRepository()`'s work tree (not staged).
enum ChangeScenario: String, CaseIterable, CustomTestStringConvertible {
    case modification, addition, deletion, renameWithEdits, binary, pathWithSpaces, unicode, typeChange, modeChange
    case everythingAtOnce

    var testDescription: String { rawValue }

    /// A committed repository with one file for each scenario to change.
    static func baseRepository() throws -> FixtureRepository {
        let repo = try FixtureRepository()
        try repo.write("src/app.swift", numbered("app", 30))
        try repo.write("docs/guide.md", numbered("guide", 20))
        try repo.write("old name.txt", numbered("moved", 40))
        try repo.write(
            "assets/logo.bin", data: Data([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3] + Array(repeating: 0x41, count: 64)))
        try repo.write("notes/ünïcødé.txt", "première ligne\nzweite Zeile\n第三行\n")
        try repo.write("dir with space/file name.txt", "a\nb\nc\n")
        try repo.write("tool.sh", "#!/bin/sh\necho hi\n")
        try repo.write("link-me", "plain file\n")
        try repo.commit("initial", day: 0)
        return repo
    }

    func apply(to repo: FixtureRepository) throws {
        switch self {
        case .modification:
            var lines = Self.lines("app", 30)
            lines[2] += ", edited"
            for index in 9...11 { lines[index] = "rewritten \(index + 1)" }
            lines.remove(at: 19)
            lines += ["appended 1", "appended 2"]
            try repo.write("src/app.swift", lines.joined(separator: "\n") + "\n")
        case .addition:
            try repo.write("src/new.swift", "let a = 1\nlet b = 2\nno newline at the end")
        case .deletion:
            try repo.remove("docs/guide.md")
        case .renameWithEdits:
            var lines = Self.lines("moved", 40)
            lines[4] = "edited after the move"
            lines[29] = "edited again"
            try repo.remove("old name.txt")
            try repo.write("renamed/new name.txt", lines.joined(separator: "\n") + "\n")
        case .binary:
            try repo.write(
                "assets/logo.bin", data: Data([0x89, 0x50, 0x4e, 0x47, 0, 9, 9, 9] + Array(repeating: 0x42, count: 64)))
        case .pathWithSpaces:
            try repo.write("dir with space/file name.txt", "a\nB\nc\nd\n")
            try repo.write("dir with space/another one.txt", "hello there\n")
        case .unicode:
            try repo.write("notes/ünïcødé.txt", "première ligne\nzweite Zeile geändert\n第三行\n🎉 fête\n")
            try repo.write("notes/日本語.txt", "こんにちは\n")
        case .typeChange:
            try repo.remove("link-me")
            try FileManager.default.createSymbolicLink(
                atPath: repo.root.appendingPathComponent("link-me").path, withDestinationPath: "src/app.swift")
        case .modeChange:
            try FileManager.default.setAttributes(
                [.posixPermissions: 0o755], ofItemAtPath: repo.root.appendingPathComponent("tool.sh").path)
        case .everythingAtOnce:
            for scenario in Self.allCases where scenario != .everythingAtOnce { try scenario.apply(to: repo) }
        }
    }

    private static func lines(_ prefix: String, _ count: Int) -> [String] {
        (1...count).map { "\(prefix) line \($0)" }
    }

    private static func numbered(_ prefix: String, _ count: Int) -> String {
        lines(prefix, count).joined(separator: "\n") + "\n"
    }
}

/// What the git CLI shows for a diff, in `ChangedFile`'s shape: `--name-status -z` for statuses and
/// paths, `-U0` patch hunks for line numbers and text.
enum GitPatchOracle {
    static func patchCommand(_ arguments: [String], renames: Bool = true, config: [String] = []) -> [String] {
        ["git", "-c", "core.quotePath=false"] + config.flatMap { ["-c", $0] }
            + ["diff", "-U0", "--no-color", "--no-ext-diff", renames ? "-M" : "--no-renames"] + arguments
    }

    static func namesCommand(_ arguments: [String], renames: Bool = true, config: [String] = []) -> [String] {
        ["git"] + config.flatMap { ["-c", $0] } + ["diff", "--name-status", "-z", renames ? "-M" : "--no-renames"]
            + arguments
    }

    /// Runs git in the fixture with extra environment for the child only.
    @discardableResult
    static func run(
        _ repo: FixtureRepository, _ arguments: [String], environment: [String: String] = [:],
        requireSuccess: Bool = true
    ) throws -> ProcessResult {
        let result = try ProcessRunner.run(
            "/usr/bin/env", arguments.first == "git" ? arguments : ["git"] + arguments, in: repo.root,
            environment: repo.environment().merging(environment) { $1 })
        return requireSuccess ? try result.requireSuccess(arguments.joined(separator: " ")) : result
    }

    static func files(
        _ repo: FixtureRepository, _ arguments: [String], renames: Bool = true, config: [String] = [],
        environment: [String: String] = [:]
    ) throws -> [ChangedFile] {
        let patch = try run(repo, patchCommand(arguments, renames: renames, config: config), environment: environment)
        let names = try run(repo, namesCommand(arguments, renames: renames, config: config), environment: environment)
        return files(patch: patch.standardOutput, names: names.standardOutput)
    }

    /// The messages `git log` lists for `range`, in its order.
    static func messages(_ repo: FixtureRepository, _ range: String) throws -> [CommitMessage] {
        let output = try run(repo, ["log", "-z", "--format=%B", range]).output
        return output.split(separator: "\0").map { CommitMessage(parsing: String($0)) }
    }

    static func files(patch: Data, names: Data) -> [ChangedFile] {
        var blocks = patchBlocks(Array(patch))[...]
        var files: [ChangedFile] = []
        var tokens = Array(names).split(separator: 0, omittingEmptySubsequences: false).dropLast()[...]
        while let status = tokens.popFirst().map({ String(decoding: $0, as: UTF8.self) }) {
            let isRename = status.hasPrefix("R")
            let oldPath = isRename ? tokens.popFirst().map { RepoPath(bytes: Array($0)) } : nil
            guard let path = tokens.popFirst().map({ RepoPath(bytes: Array($0)) }),
                let change = ChangeStatus(rawValue: String(status.prefix(1)))
            else { break }
            // git prints a type change as a deletion and a creation.
            let parts = (0..<(change == .typeChanged ? 2 : 1)).compactMap { _ in blocks.popFirst() }
            files.append(
                ChangedFile(
                    status: change, oldPath: oldPath, path: path, isBinary: parts.contains { $0.isBinary },
                    added: parts.flatMap(\.added), removed: parts.flatMap(\.removed)))
        }
        return files
    }

    private struct Block {
        var isBinary = false
        var added: [DiffLine] = []
        var removed: [DiffLine] = []
    }

    private static func patchBlocks(_ patch: [UInt8]) -> [Block] {
        var blocks: [Block] = []
        var inHunk = false
        var oldLine = 0
        var newLine = 0
        for line in patch.split(separator: 0x0a, omittingEmptySubsequences: false) {
            let text = String(decoding: line, as: UTF8.self)
            if text.hasPrefix("diff --git ") {
                blocks.append(Block())
                inHunk = false
            } else if text.hasPrefix("@@ ") {
                let fields = text.split(separator: " ")
                oldLine = Int(fields[1].dropFirst().split(separator: ",")[0]) ?? 0
                newLine = Int(fields[2].dropFirst().split(separator: ",")[0]) ?? 0
                inHunk = true
            } else if !inHunk {
                if text.hasPrefix("Binary files ") { blocks[blocks.count - 1].isBinary = true }
            } else if line.first == UInt8(ascii: "+") {
                blocks[blocks.count - 1].added.append(
                    DiffLine(number: newLine, text: String(decoding: line.dropFirst(), as: UTF8.self)))
                newLine += 1
            } else if line.first == UInt8(ascii: "-") {
                blocks[blocks.count - 1].removed.append(
                    DiffLine(number: oldLine, text: String(decoding: line.dropFirst(), as: UTF8.self)))
                oldLine += 1
            }
        }
        return blocks
    }
}
