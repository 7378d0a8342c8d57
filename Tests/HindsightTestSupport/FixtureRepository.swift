import Foundation

/// A throwaway git repository built by a test with fixed names and dates, removed when released.
public final class FixtureRepository: @unchecked Sendable {
    // @unchecked: used by one test at a time; its only state is immutable paths.

    /// The work tree's root.
    public let root: URL
    /// A private HOME and config, so the user's git settings never leak into fixtures.
    public let home: URL
    private let container: URL

    /// Epoch seconds of day 0 (2020-09-13T12:26:40Z); `day: n` adds n days.
    public static let epoch = 1_600_000_000

    /// Creates an empty repository on branch `main`.
    public init(bare: Bool = false) throws {
        container = FileManager.default.temporaryDirectory
            .appendingPathComponent("hindsight-fixture-\(UUID().uuidString)", isDirectory: true)
        root = container.appendingPathComponent("repo", isDirectory: true)
        home = container.appendingPathComponent("home", isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try git(["init", "-q", "-b", "main"] + (bare ? ["--bare"] : []))
    }

    deinit { try? FileManager.default.removeItem(at: container) }

    /// The environment every git call in a fixture runs with.
    public func environment(
        day: Int = 0, author: String = "Ada Lovelace", email: String = "ada@example.com"
    ) -> [String: String] {
        let date = "@\(Self.epoch + day * 86_400) +0000"
        // Neither git's variables, a CI's (which switch `check` to the pull request) nor Hindsight's
        // own (HINDSIGHT_ALLOW, HINDSIGHT_DOCS_URL, …) leak in.
        let ciKeys: Set<String> = [
            "CI", "GITHUB_ACTIONS", "GITHUB_BASE_REF", "GITHUB_STEP_SUMMARY", "GITLAB_CI", "BITBUCKET_BUILD_NUMBER",
            "TF_BUILD",
            "CIRCLECI", "JENKINS_URL",
        ]
        var environment = ProcessInfo.processInfo.environment.filter {
            !$0.key.hasPrefix("GIT_") && !$0.key.hasPrefix("HINDSIGHT_") && !ciKeys.contains($0.key)
        }
        environment.merge([
            "HOME": home.path, "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null",
            "GIT_AUTHOR_NAME": author, "GIT_AUTHOR_EMAIL": email, "GIT_AUTHOR_DATE": date,
            "GIT_COMMITTER_NAME": author, "GIT_COMMITTER_EMAIL": email, "GIT_COMMITTER_DATE": date,
            "LC_ALL": "C",
        ]) { $1 }
        return environment
    }

    /// Runs git in the fixture and returns its standard output.
    @discardableResult
    public func git(_ arguments: [String], day: Int = 0, input: Data? = nil) throws -> Data {
        try ProcessRunner.run(
            "/usr/bin/env", ["git"] + arguments, in: root, environment: environment(day: day), input: input
        )
        .requireSuccess("git \(arguments.joined(separator: " "))").standardOutput
    }

    /// Runs git and returns its output as text.
    public func gitText(_ arguments: [String], day: Int = 0) throws -> String {
        String(decoding: try git(arguments, day: day), as: UTF8.self)
    }

    /// Writes a file (creating folders) with the given text.
    public func write(_ path: String, _ text: String) throws {
        try write(path, data: Data(text.utf8))
    }

    /// Writes a file (creating folders) with the given bytes.
    public func write(_ path: String, data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    /// Deletes a file from the work tree.
    public func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }

    /// Stages a file whose path is arbitrary bytes (not necessarily UTF-8), bypassing the file system.
    public func stage(pathBytes: [UInt8], content: Data) throws {
        let blob = String(decoding: try git(["hash-object", "-w", "--stdin"], input: content), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        var line = Data("100644 \(blob)\t".utf8)
        line.append(contentsOf: pathBytes)
        line.append(0)
        try git(["update-index", "-z", "--index-info"], input: line)
    }

    /// Stages everything and commits with a fixed date `day` days after the epoch; `authorDay`
    /// gives the author date apart, as a rebase or cherry-pick keeps it.
    @discardableResult
    public func commit(
        _ message: String, day: Int, author: String = "Ada Lovelace", email: String = "ada@example.com",
        stageAll: Bool = true, authorDay: Int? = nil
    ) throws -> String {
        if stageAll { try git(["add", "-A"], day: day) }
        var environment = environment(day: day, author: author, email: email)
        if let authorDay { environment["GIT_AUTHOR_DATE"] = "@\(Self.epoch + authorDay * 86_400) +0000" }
        try ProcessRunner.run(
            "/usr/bin/env", ["git", "commit", "-q", "--allow-empty", "--no-verify", "-m", message], in: root,
            environment: environment
        ).requireSuccess("git commit")
        return try head()
    }

    /// Clones `source` (a path or URL) into `name` under this fixture's home with `git clone -q`
    /// plus `options` (`--depth 3`, `--bare`…), and returns the clone's directory.
    public func clone(_ source: String, named name: String, options: [String] = []) throws -> URL {
        let destination = home.appendingPathComponent(name)
        try ProcessRunner.run(
            "/usr/bin/env", ["git", "clone", "-q"] + options + [source, destination.path], in: home,
            environment: environment()
        ).requireSuccess("git clone \(options.joined(separator: " "))")
        return destination
    }

    /// The id HEAD points at.
    public func head() throws -> String {
        try gitText(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

extension FixtureRepository {
    /// Appends `count` commits through `git fast-import` (fast, fixed dates): each rewrites a few of
    /// `files` text files with a line that names the commit, so every commit has non-trivial numstat rows.
    public func importLinearHistory(commits count: Int, files: Int = 40, linesPerFile: Int = 60) throws {
        var stream = ""
        for index in 0..<count {
            let date = Self.epoch + index * 600
            let message = "edit \(index)\n"
            stream += "commit refs/heads/main\n"
            stream += "committer Ada Lovelace <ada@example.com> \(date) +0000\n"
            stream += "data \(message.utf8.count)\n\(message)"
            for file in Set([index % files, (index * 7) % files, (index * 13 + 5) % files]).sorted() {
                let lines = (0..<linesPerFile).map { line in
                    line % 9 == index % 9 ? "line \(line) changed in \(index)" : "line \(line) of file \(file)"
                }
                let content = lines.joined(separator: "\n") + "\n"
                stream += "M 100644 inline src/dir\(file % 5)/file\(file).txt\ndata \(content.utf8.count)\n\(content)"
            }
        }
        try git(["fast-import", "--quiet"], input: Data(stream.utf8))
        try git(["reset", "-q", "--hard", "main"])
    }
}
