import Foundation
import HindsightTestSupport
import Testing
import Yams

/// `hindsight install` and `uninstall` through real `git commit`s in fixture repositories.
@Suite struct InstallCommandTests {
    static let guards = GuardFixtures.strcpyError

    static func repository() throws -> FixtureRepository {
        let repo = try FixtureRepository()
        try repo.write(".hindsight/guards.yml", guards)
        try repo.write("src/copy.c", "void copy(void) {}\n")
        try repo.commit("feat: copy", day: 1)
        return repo
    }

    /// `git commit` with hooks (the fixture's own helper passes --no-verify), PATH without hindsight.
    static func commit(
        _ repo: FixtureRepository, _ arguments: [String], in directory: URL? = nil,
        environment extra: [String: String] = [:]
    ) throws -> ProcessResult {
        var environment = repo.environment(day: 2)
        environment["PATH"] = "/usr/bin:/bin"
        environment.merge(extra) { $1 }
        return try ProcessRunner.run(
            "/usr/bin/env", ["git", "commit", "-q"] + arguments, in: directory ?? repo.root, environment: environment)
    }

    static func install(
        _ repo: FixtureRepository, _ arguments: [String] = [], in directory: URL? = nil
    ) throws -> ProcessResult {
        try HindsightBinary.run(
            ["install", "--binary", HindsightBinary.url.path] + arguments, in: directory ?? repo.root,
            environment: repo.environment())
    }

    static func stageStrcpy(_ repo: FixtureRepository, in root: URL? = nil) throws {
        let url = (root ?? repo.root).appendingPathComponent("src/copy.c")
        try Data("void copy(char *d) { strcpy(d, \"x\"); }\n".utf8).write(to: url)
        try ProcessRunner.run(
            "/usr/bin/env", ["git", "add", "src/copy.c"], in: root ?? repo.root, environment: repo.environment()
        )
        .requireSuccess("git add")
    }

    @Test func aGuardBlocksTheCommitAndACleanOneGoesThrough() throws {
        let repo = try Self.repository()
        #expect(try Self.install(repo).status == 0)
        try Self.stageStrcpy(repo)
        let head = try repo.head()
        let blocked = try Self.commit(repo, ["-m", "feat: strcpy"])
        #expect(blocked.status != 0)
        #expect((blocked.output + blocked.error).contains("recurring-pattern"), "\(blocked.output)\(blocked.error)")
        #expect(try repo.head() == head)
        let skipped = try Self.commit(repo, ["-m", "feat: strcpy anyway"], environment: ["HINDSIGHT_SKIP": "1"])
        #expect(skipped.status == 0, "\(skipped.error)")
        try repo.write("README.md", "clean\n")
        try repo.git(["add", "README.md"])
        let clean = try Self.commit(repo, ["-m", "docs: readme"])
        #expect(clean.status == 0, "\(clean.error)")
        #expect(
            clean.output.isEmpty && clean.error.isEmpty, "a clean check prints nothing: \(clean.output)\(clean.error)")
    }

    /// The advice a blocked commit gives works where it is given: from commit-msg, the trailer and
    /// HINDSIGHT_ALLOW; from pre-commit, which cannot see the message, only HINDSIGHT_ALLOW.
    @Test func theSuggestedTrailerLetsTheCommitThroughFromCommitMsg() throws {
        let repo = try Self.repository()
        #expect(try Self.install(repo).status == 0)
        try Self.stageStrcpy(repo)
        let head = try repo.head()
        let blocked = try Self.commit(repo, ["-m", "feat: strcpy"])
        #expect(blocked.status != 0)
        #expect(
            blocked.error.contains(
                "silence: add the trailer `Hindsight-Allow: hs-00000000c0de` to the commit message, commit with "
                    + "`HINDSIGHT_ALLOW=hs-00000000c0de`, or `hindsight guards mute hs-00000000c0de --reason …`"),
            "\(blocked.error)")
        #expect(try repo.head() == head)
        let wrong = try Self.commit(repo, ["-m", "feat: strcpy", "-m", "Hindsight-Allow: hs-0000000000ff"])
        #expect(wrong.status != 0, "another guard's id lets nothing through")
        let allowed = try Self.commit(repo, ["-m", "feat: strcpy", "-m", "Hindsight-Allow: hs-00000000c0de"])
        #expect(allowed.status == 0, "\(allowed.error)")
        #expect(try repo.head() != head)
        try repo.write("src/copy.c", "void copy(char *d) { strcpy(d, \"y\"); }\n")
        try repo.git(["add", "src/copy.c"])
        let byKind = try Self.commit(
            repo, ["-m", "feat: y"], environment: ["HINDSIGHT_ALLOW": "co-change, recurring-pattern"])
        #expect(byKind.status == 0, "\(byKind.error)")
    }

    /// `git merge` runs commit-msg too; the merged branch's commits were checked as they were made.
    @Test func aMergeIsNotCheckedAgainFromCommitMsg() throws {
        let repo = try Self.repository()
        #expect(try Self.install(repo).status == 0)
        try repo.git(["checkout", "-q", "-b", "side"])
        try Self.stageStrcpy(repo)
        #expect(try Self.commit(repo, ["-m", "feat: strcpy"], environment: ["HINDSIGHT_SKIP": "1"]).status == 0)
        try repo.git(["checkout", "-q", "-"])
        var environment = repo.environment(day: 3)
        environment["PATH"] = "/usr/bin:/bin"
        let merged = try ProcessRunner.run(
            "/usr/bin/env", ["git", "merge", "-q", "--no-ff", "-m", "Merge branch side", "side"], in: repo.root,
            environment: environment)
        #expect(merged.status == 0, "\(merged.error)")
        try repo.write("src/copy.c", "void copy(char *d) { strcpy(d, \"z\"); }\n")
        try repo.git(["add", "src/copy.c"])
        #expect(try Self.commit(repo, ["-m", "feat: z"]).status != 0, "a plain commit is still checked")
    }

    @Test func fromPreCommitOnlyWhatWorksThereIsSuggested() throws {
        let repo = try Self.repository()
        #expect(try Self.install(repo, ["--hooks", "pre-commit"]).status == 0)
        try Self.stageStrcpy(repo)
        let blocked = try Self.commit(repo, ["-m", "feat: strcpy", "-m", "Hindsight-Allow: hs-00000000c0de"])
        #expect(blocked.status != 0, "pre-commit runs before the message exists")
        #expect(
            blocked.error.contains(
                "silence: commit with `HINDSIGHT_ALLOW=hs-00000000c0de git commit …`, or `hindsight guards mute"),
            "\(blocked.error)")
        #expect(!blocked.error.contains("Hindsight-Allow:"), "the trailer does not work here: \(blocked.error)")
        let allowed = try Self.commit(
            repo, ["-m", "feat: strcpy"], environment: ["HINDSIGHT_ALLOW": "hs-00000000c0de"])
        #expect(allowed.status == 0, "\(allowed.error)")
    }

    /// Installing the defaults over an earlier version's pre-commit check moves the check to commit-msg.
    @Test func theDefaultsReplaceHindsightsOwnPreCommitHook() throws {
        let repo = try Self.repository()
        #expect(try Self.install(repo, ["--hooks", "pre-commit"]).status == 0)
        let again = try Self.install(repo)
        #expect(again.status == 0)
        #expect(again.error.contains("hooks/pre-commit (commit-msg runs the check now"), "\(again.error)")
        let hooks = repo.root.appendingPathComponent(".git/hooks")
        #expect(!FileManager.default.fileExists(atPath: hooks.appendingPathComponent("pre-commit").path))
        #expect(FileManager.default.isExecutableFile(atPath: hooks.appendingPathComponent("commit-msg").path))
    }

    @Test func commitDashAChecksTheTemporaryIndexGitHandsTheHook() throws {
        let repo = try Self.repository()
        #expect(try Self.install(repo).status == 0)
        try repo.write("src/copy.c", "void copy(char *d) { strcpy(d, \"x\"); }\n")
        let blocked = try Self.commit(repo, ["-a", "-m", "feat: strcpy"])
        #expect(blocked.status != 0)
        #expect((blocked.output + blocked.error).contains("recurring-pattern"), "\(blocked.output)\(blocked.error)")
    }

    @Test func anExistingHookRunsFirstCanBlockAndComesBackByteForByte() throws {
        let repo = try Self.repository()
        let hook = repo.root.appendingPathComponent(".git/hooks/commit-msg")
        let original = Data("#!/bin/sh\necho 'legacy says no' >&2\nexit 1".utf8)  // no final newline
        try original.write(to: hook)
        try FileManager.default.setAttributes([.posixPermissions: 0o750], ofItemAtPath: hook.path)
        let installed = try Self.install(repo)
        #expect(installed.error.contains("the hook that was there runs first"), "\(installed.error)")
        try repo.write("README.md", "clean\n")
        try repo.git(["add", "README.md"])
        let blocked = try Self.commit(repo, ["-m", "docs: readme"])
        #expect(blocked.status != 0)
        #expect(blocked.error.contains("legacy says no"), "\(blocked.error)")
        let again = try Self.install(repo)
        #expect(again.error.components(separatedBy: "is already installed").count == 6, "\(again.error)")
        #expect(try HindsightBinary.run(["uninstall"], in: repo.root, environment: repo.environment()).status == 0)
        #expect(FileManager.default.contents(atPath: hook.path) == original)
        let mode = try FileManager.default.attributesOfItem(atPath: hook.path)[.posixPermissions] as? Int
        #expect(mode == 0o750)
        let hooks = try FileManager.default.contentsOfDirectory(
            atPath: repo.root.appendingPathComponent(".git/hooks").path)
        #expect(hooks.filter { !$0.hasSuffix(".sample") } == ["commit-msg"])
    }

    /// pre-commit's framework renames an existing hook `pre-commit.legacy` and runs it under that name.
    @Test func theChainedHookStillRunsWhenAnotherManagerRenamesOurs() throws {
        let repo = try Self.repository()
        let hooks = repo.root.appendingPathComponent(".git/hooks")
        let marker = repo.home.appendingPathComponent("original-ran")
        try Data("#!/bin/sh\ntouch '\(marker.path)'\n".utf8).write(to: hooks.appendingPathComponent("pre-commit"))
        try FileManager.default.setAttributes(
            [.posixPermissions: 0o755], ofItemAtPath: hooks.appendingPathComponent("pre-commit").path)
        #expect(try Self.install(repo, ["--hooks", "pre-commit"]).status == 0)
        try FileManager.default.moveItem(
            at: hooks.appendingPathComponent("pre-commit"), to: hooks.appendingPathComponent("pre-commit.legacy"))
        var environment = repo.environment()
        environment["HINDSIGHT_SKIP"] = "1"
        let ran = try ProcessRunner.run(
            hooks.appendingPathComponent("pre-commit.legacy").path, [], in: repo.root, environment: environment)
        #expect(ran.status == 0, "\(ran.error)")
        #expect(FileManager.default.fileExists(atPath: marker.path))
    }

    @Test func coreHooksPathIsHonoured() throws {
        let repo = try Self.repository()
        try repo.git(["config", "core.hooksPath", ".githooks"])
        #expect(try Self.install(repo, ["--hooks", "pre-commit"]).status == 0)
        #expect(
            FileManager.default.isExecutableFile(atPath: repo.root.appendingPathComponent(".githooks/pre-commit").path))
        #expect(!FileManager.default.fileExists(atPath: repo.root.appendingPathComponent(".git/hooks/pre-commit").path))
        try Self.stageStrcpy(repo)
        #expect(try Self.commit(repo, ["-m", "feat: strcpy"]).status != 0)
    }

    @Test func aLinkedWorktreeUsesTheCommonHooks() throws {
        let repo = try Self.repository()
        let worktree = repo.home.appendingPathComponent("wt")
        try repo.git(["worktree", "add", "-q", "-b", "side", worktree.path])
        #expect(try Self.install(repo, [], in: worktree).status == 0)
        #expect(
            FileManager.default.isExecutableFile(atPath: repo.root.appendingPathComponent(".git/hooks/commit-msg").path)
        )
        try Self.stageStrcpy(repo, in: worktree)
        let blocked = try Self.commit(repo, ["-m", "feat: strcpy"], in: worktree)
        #expect(blocked.status != 0)
        #expect((blocked.output + blocked.error).contains("recurring-pattern"), "\(blocked.output)\(blocked.error)")
    }

    @Test func aMissingBinaryWarnsAndCommitsUnlessFailClosed() throws {
        let repo = try Self.repository()
        let missing = ["install", "--binary", "/nonexistent/hindsight", "--hooks", "pre-commit"]
        #expect(try HindsightBinary.run(missing, in: repo.root, environment: repo.environment()).status == 0)
        try Self.stageStrcpy(repo)
        let open = try Self.commit(repo, ["-m", "feat: strcpy"])
        #expect(open.status == 0, "\(open.error)")
        #expect(
            open.error.contains(
                "hindsight: not found on PATH or at /nonexistent/hindsight; committing without the check."))
        #expect(
            try HindsightBinary.run(missing + ["--fail-closed"], in: repo.root, environment: repo.environment()).status
                == 0)
        try repo.write("README.md", "clean\n")
        try repo.git(["add", "README.md"])
        let closed = try Self.commit(repo, ["-m", "docs: readme"])
        #expect(closed.status != 0)
        #expect(closed.error.contains("commit blocked (installed --fail-closed)"), "\(closed.error)")
    }

    @Test func theRefreshHookMinesTheNewCommitInTheBackground() throws {
        let repo = try Self.repository()
        #expect(try Self.install(repo).status == 0)
        try repo.write("README.md", "clean\n")
        try repo.git(["add", "README.md"])
        #expect(try Self.commit(repo, ["-m", "docs: readme"]).status == 0)
        let head = try repo.head()
        var mined = false
        for _ in 0..<100 where !mined {
            let history = try HindsightBinary.run(
                ["history", "--no-update"], in: repo.root, environment: repo.environment())
            mined = history.status == 0 && history.output.hasPrefix(head)
            if !mined { usleep(100_000) }
        }
        #expect(mined, "the index never reached \(head)")
    }

    @Test func theHooksFolderHoldsExactlyWhatTheInstallerWrites() throws {
        let repo = try Self.repository()
        let result = try HindsightBinary.run(
            ["install", "--binary", "/usr/local/bin/hindsight"], in: repo.root, environment: repo.environment())
        #expect(result.status == 0)
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("hooks")
        for name in ["commit-msg", "post-commit", "post-merge", "post-rewrite", "post-checkout"] {
            let written = FileManager.default.contents(
                atPath: repo.root.appendingPathComponent(".git/hooks/\(name)").path)
            #expect(
                written != nil
                    && written == FileManager.default.contents(atPath: folder.appendingPathComponent(name).path),
                "hooks/\(name) differs from what `hindsight install` writes")
        }
        let preCommit = try HindsightBinary.run(
            ["install", "--binary", "/usr/local/bin/hindsight", "--hooks", "pre-commit"], in: repo.root,
            environment: repo.environment())
        #expect(preCommit.status == 0)
        #expect(
            FileManager.default.contents(atPath: repo.root.appendingPathComponent(".git/hooks/pre-commit").path)
                == FileManager.default.contents(atPath: folder.appendingPathComponent("pre-commit").path),
            "hooks/pre-commit differs from what `hindsight install --hooks pre-commit` writes")
    }

    @Test func huskyGetsCommitMsgAndPostCommitScriptsInsteadOfHooks() throws {
        let repo = try Self.repository()
        try repo.write(".husky/pre-commit", "npm test\n")
        let printed = try Self.install(repo)
        #expect(printed.status == 0)
        #expect(printed.error.contains("found husky"), "\(printed.error)")
        #expect(printed.output.contains("2 + hindsight check --staged --message-file \"$1\"\n"), "\(printed.output)")
        #expect(!FileManager.default.fileExists(atPath: repo.root.appendingPathComponent(".git/hooks/commit-msg").path))
        #expect(try Self.install(repo, ["--write"]).status == 0)
        #expect(try Self.text(repo, ".husky/pre-commit") == "npm test\n")
        #expect(
            try Self.text(repo, ".husky/commit-msg")
                == "# hindsight:begin\nhindsight check --staged --message-file \"$1\"\n# hindsight:end\n")
        #expect(try Self.text(repo, ".husky/post-commit").contains("hindsight refresh --quiet"))
        let again = try Self.install(repo, ["--write"])
        #expect(again.error == ".husky/commit-msg already runs hindsight\n.husky/post-commit already runs hindsight\n")
    }

    @Test func lefthookWithAPreCommitKeyIsMergedAndAnOldBlockReplaced() throws {
        let repo = try Self.repository()
        let old = """
            pre-commit:
              commands:
                lint:
                  run: make lint

            # hindsight:begin
            post-commit:
              commands:
                hindsight-refresh:
                  run: hindsight refresh --quiet >/dev/null 2>&1 &
            # hindsight:end

            """
        try repo.write("lefthook.yml", old)
        let written = try Self.install(repo, ["--write"])
        #expect(written.status == 0, "\(written.error)")
        let text = try Self.text(repo, "lefthook.yml")
        #expect(text.hasPrefix("pre-commit:\n  commands:\n    lint:\n      run: make lint\n"), "\(text)")
        #expect(!text.contains("# hindsight:begin") && !text.contains(">/dev/null 2>&1 &\n# hindsight:end"), "\(text)")
        let parsed = try #require(try Yams.load(yaml: text) as? [String: [String: [String: [String: String]]]])
        #expect(
            parsed["commit-msg"]?["commands"]?["hindsight"]?["run"] == "hindsight check --staged --message-file {1}")
        #expect(parsed["pre-commit"]?["commands"]?["lint"]?["run"] == "make lint")
        #expect(parsed["post-commit"]?["commands"]?["hindsight-refresh"] != nil)
    }

    @Test func thePreCommitFrameworkGetsALocalHookIndentedLikeItsFile() throws {
        let repo = try Self.repository()
        let config =
            "repos:\n-   repo: https://github.com/pre-commit/pre-commit-hooks\n    rev: v4.6.0\n    hooks:\n    -   id: trailing-whitespace\n"
        try repo.write(".pre-commit-config.yaml", config)
        let result = try Self.install(repo, ["--write"])
        #expect(result.status == 0)
        #expect(result.error.contains("then run `pre-commit install --hook-type commit-msg --hook-type post-commit`"))
        let written = try Self.text(repo, ".pre-commit-config.yaml")
        #expect(written.hasPrefix(config))
        let repos = try #require((try Yams.load(yaml: written) as? [String: Any])?["repos"] as? [[String: Any]])
        #expect(repos.count == 2)
        let hooks = repos.last?["hooks"] as? [[String: Any]] ?? []
        #expect(repos.last?["repo"] as? String == "local")
        #expect(hooks.compactMap { $0["id"] as? String } == ["hindsight-check", "hindsight-refresh"])
        #expect(hooks.first?["entry"] as? String == "hindsight check --staged --message-file")
        #expect(hooks.first?["pass_filenames"] as? Bool == true)
        #expect(hooks.first?["stages"] as? [String] == ["commit-msg"])
        let unsafe = "repos: [{repo: meta, hooks: [{id: check-hooks-apply}]}]\n"
        try repo.write(".pre-commit-config.yaml", unsafe)
        let refused = try Self.install(repo, ["--write"])
        #expect(refused.status == 2, "\(refused.error)")
        #expect(refused.error.contains("Add by hand, under `repos:`, add:\n  - repo: local\n"), "\(refused.error)")
        #expect(try Self.text(repo, ".pre-commit-config.yaml") == unsafe)
    }

    static func text(_ repo: FixtureRepository, _ path: String) throws -> String {
        String(
            decoding: FileManager.default.contents(atPath: repo.root.appendingPathComponent(path).path) ?? Data(),
            as: UTF8.self)
    }

    @Test func aBareRepositoryIsRefused() throws {
        let repo = try FixtureRepository(bare: true)
        let result = try HindsightBinary.run(["install"], in: repo.root, environment: repo.environment())
        #expect(result.status == 2)
        #expect(result.error.contains("bare repository"), "\(result.error)")
    }
}
