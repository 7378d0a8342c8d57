import Foundation
import HindsightConfig
import HindsightKit
import HindsightOutput

/// A hook manager a repository already uses (husky, lefthook, the pre-commit framework). Each owns
/// the git hooks it installs, so hindsight runs from it rather than beside it, as `hindsight
/// install` would: the check from commit-msg (where a `Hindsight-Allow:` trailer is seen) and the
/// refresh after each commit. `install` says what to add to the manager's files; `--write` adds it,
/// under hook keys the file already has, and never writes an edit that would change anything else.
struct HookManager: Sendable {
    /// Its name, as printed.
    let name: String
    /// The file (relative to the work tree) that configures it.
    let file: String
    /// What adding hindsight comes to, for each file it touches (relative path → edit), given the
    /// files' current text ("" when missing).
    let plan: @Sendable (_ read: (String) -> String) -> [(file: String, edit: HookConfigEdit)]
    /// What to run once the files are edited, so the manager installs the hooks they name.
    let afterward: String?

    /// The managers found in `workTree`, in the order checked.
    static func detect(in workTree: URL, hooksPath: String?) -> [HookManager] {
        let exists = { (path: String) in
            FileManager.default.fileExists(atPath: workTree.appendingPathComponent(path).path)
        }
        var found: [HookManager] = []
        if exists(".husky") || hooksPath?.contains(".husky") == true { found.append(husky) }
        if let file = ["lefthook.yml", ".lefthook.yml", "lefthook.yaml", ".lefthook.yaml"].first(where: exists) {
            found.append(lefthook(file))
        }
        if exists(".pre-commit-config.yaml") { found.append(preCommit) }
        return found
    }

    /// The edits for the files in `workTree`.
    func edits(in workTree: URL) -> [(file: String, edit: HookConfigEdit)] {
        plan { current($0, in: workTree) }
    }

    /// The text of `file` in `workTree` ("" when missing).
    func current(_ file: String, in workTree: URL) -> String {
        FileManager.default.contents(atPath: workTree.appendingPathComponent(file).path)
            .map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// Writes `edits` (atomically), none if one must be made by hand; returns one line per file.
    func write(_ edits: [(file: String, edit: HookConfigEdit)], in workTree: URL) throws -> [String] {
        if let (file, lines) = edits.lazy.compactMap({ item -> (String, String)? in
            if case .byHand(let lines) = item.edit { return (item.file, lines) }
            return nil
        }).first {
            throw UsageError(
                "\(file): its layout is not one hindsight can edit without risk; nothing was written. Add by hand, \(lines)"
            )
        }
        return try edits.compactMap { file, edit in
            switch edit {
            case .alreadyPresent: return "\(file) already runs hindsight"
            case .byHand: return nil  // refused above, before anything was written
            case .edited(let text):
                let url = workTree.appendingPathComponent(file)
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try OutputFile.write(Data(text.utf8), to: url.path)
                return "added hindsight to \(file)"
            }
        }
    }

    static let block = ManagedBlock(begin: "# hindsight:begin", end: "# hindsight:end")

    static let checkFromCommitMessage = "hindsight check --staged --message-file"
    static let refreshInBackground = "hindsight refresh --quiet </dev/null >/dev/null 2>&1 &"

    /// husky runs `.husky/<hook>` as a shell script: one block per hook file.
    private static let husky = HookManager(
        name: "husky", file: ".husky/",
        plan: { read in
            [
                (".husky/commit-msg", checkFromCommitMessage + " \"$1\""), (".husky/post-commit", refreshInBackground),
            ].map { file, line in
                let existing = read(file)
                if existing.contains(line) { return (file, .alreadyPresent) }
                guard let text = try? block.splice(line + "\n", into: existing.isEmpty ? nil : existing) else {
                    return (file, .byHand("in \(file), add: \(line)"))
                }
                return (file, .edited(text))
            }
        }, afterward: nil)

    private static func lefthook(_ file: String) -> HookManager {
        let commands = [
            LefthookConfig.Command(hook: "commit-msg", name: "hindsight", run: checkFromCommitMessage + " {1}"),
            LefthookConfig.Command(hook: "post-commit", name: "hindsight-refresh", run: refreshInBackground),
        ]
        return HookManager(
            name: "lefthook", file: file,
            plan: { read in [(file, LefthookConfig.adding(commands, to: withoutOldBlock(read(file))))] },
            afterward: "lefthook install")
    }

    /// The `repo: local` entry: the check at the commit-msg stage (pre-commit passes the message
    /// file as the one file name) and the refresh after each commit.
    static let preCommitItem = [
        "- repo: local", "  hooks:", "    - id: hindsight-check", "      name: hindsight check",
        "      entry: \(checkFromCommitMessage)", "      language: system", "      pass_filenames: true",
        "      require_serial: true", "      always_run: true", "      stages: [commit-msg]",
        "    - id: hindsight-refresh", "      name: hindsight refresh",
        "      entry: sh -c '\(refreshInBackground)'", "      language: system", "      pass_filenames: false",
        "      always_run: true", "      stages: [post-commit]",
    ]

    private static let preCommit = HookManager(
        name: "pre-commit", file: ".pre-commit-config.yaml",
        plan: { read in
            let text = withoutOldBlock(read(".pre-commit-config.yaml"))
            return [
                (".pre-commit-config.yaml", PreCommitConfig.adding(preCommitItem, hookID: "hindsight-check", to: text))
            ]
        }, afterward: "pre-commit install --hook-type commit-msg --hook-type post-commit")

    /// An earlier version wrote its snippet inside the markers (checking from pre-commit); it is
    /// taken out so the new entries replace it rather than run beside it.
    private static func withoutOldBlock(_ text: String) -> String {
        ((try? block.removing(from: text)) ?? nil) ?? text
    }
}
