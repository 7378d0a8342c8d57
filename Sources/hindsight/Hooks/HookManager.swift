import Foundation
import HindsightKit
import HindsightOutput

/// A hook manager a repository already uses (husky, lefthook, the pre-commit framework). Each owns
/// the git hooks it installs, so hindsight runs from it rather than beside it: `install` prints the
/// snippet that does so, or with `--write` adds it to the manager's file in a marked block.
struct HookManager: Sendable {
    /// Its name, as printed.
    let name: String
    /// The file (relative to the work tree) that configures it and that `--write` edits.
    let file: String
    /// What to add to `file`.
    let snippet: String
    /// Whether the snippet can be appended to the file as it is (else: add it by hand).
    let canAppend: @Sendable (String) -> Bool

    /// The managers found in `workTree`, in the order checked.
    static func detect(in workTree: URL, hooksPath: String?) -> [HookManager] {
        let exists = { (path: String) in
            FileManager.default.fileExists(atPath: workTree.appendingPathComponent(path).path)
        }
        var found: [HookManager] = []
        if exists(".husky") || hooksPath?.contains(".husky") == true { found.append(husky) }
        if let lefthook = ["lefthook.yml", ".lefthook.yml", "lefthook.yaml", ".lefthook.yaml"].first(where: exists) {
            found.append(
                HookManager(
                    name: "lefthook", file: lefthook, snippet: lefthookSnippet, canAppend: lacksTopLevelHookKeys))
        }
        if exists(".pre-commit-config.yaml") {
            let text = FileManager.default.contents(
                atPath: workTree.appendingPathComponent(".pre-commit-config.yaml").path)
            found.append(preCommit(matching: text.map { String(decoding: $0, as: UTF8.self) } ?? ""))
        }
        return found
    }

    /// Adds the snippet to the manager's file in a `# hindsight:begin` … `# hindsight:end` block.
    func write(in workTree: URL) throws -> String {
        let url = workTree.appendingPathComponent(file)
        let existing = FileManager.default.contents(atPath: url.path).map { String(decoding: $0, as: UTF8.self) }
        if let existing, (try? Self.block.content(of: existing)) == nil, !canAppend(existing) {
            throw UsageError(
                "\(file) already configures these hooks; add the snippet above by hand (`hindsight install` prints it)."
            )
        }
        do {
            let text = try Self.block.splice(snippet, into: existing)
            if text == existing { return "\(file) already runs hindsight" }
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try OutputFile.write(Data(text.utf8), to: url.path)
            return "added hindsight to \(file)"
        } catch let error as ManagedBlockError {
            throw UsageError("\(file): \(error.description). Nothing was written.")
        }
    }

    static let block = ManagedBlock(begin: "# hindsight:begin", end: "# hindsight:end")

    private static let husky = HookManager(
        name: "husky", file: ".husky/pre-commit",
        snippet: "hindsight check --staged\n", canAppend: { _ in true })

    private static let lefthookSnippet = """
        pre-commit:
          commands:
            hindsight:
              run: hindsight check --staged
        post-commit:
          commands:
            hindsight-refresh:
              run: hindsight refresh --quiet >/dev/null 2>&1 &

        """

    /// The pre-commit framework's entry, indented like the file's first `- repo:` item.
    private static func preCommit(matching text: String) -> HookManager {
        let item = text.split(whereSeparator: \.isNewline).first { line in
            line.drop { $0 == " " }.first == "-" && line.contains("repo:")
        }
        let indent = String(item?.prefix { $0 == " " } ?? "  ")
        let lines = [
            "- repo: local", "  hooks:", "    - id: hindsight-check", "      name: hindsight check",
            "      entry: hindsight check --staged", "      language: system", "      pass_filenames: false",
            "      require_serial: true", "      always_run: true", "      stages: [pre-commit]",
        ]
        return HookManager(
            name: "pre-commit", file: ".pre-commit-config.yaml",
            snippet: lines.map { indent + $0 }.joined(separator: "\n") + "\n", canAppend: endsInsideRepos)
    }

    /// lefthook: no top-level `pre-commit:` or `post-commit:` key yet (YAML keys cannot repeat).
    private static func lacksTopLevelHookKeys(_ text: String) -> Bool {
        !text.split(whereSeparator: \.isNewline).contains {
            $0.hasPrefix("pre-commit:") || $0.hasPrefix("post-commit:")
        }
    }

    /// pre-commit: the last top-level key is a bare `repos:`, so an appended list item joins it.
    private static func endsInsideRepos(_ text: String) -> Bool {
        let keys = text.split(whereSeparator: \.isNewline).filter { line in
            guard let first = line.first else { return false }
            return first != " " && first != "-" && first != "#" && line.contains(":")
        }
        // `repos: []` (flow style) cannot take a block item after it.
        return keys.last.map { String($0).trimmingCharacters(in: .whitespaces) == "repos:" } == true
    }
}
