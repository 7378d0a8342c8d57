import ArgumentParser
import Foundation
import HindsightConfig
import HindsightGit
import HindsightKit

/// `hindsight install`: the commit-msg check and the background refresh hooks.
struct Install: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract:
            "Install git hooks: commit-msg runs `hindsight check --staged`; the others refresh the index in the background.",
        discussion: """
            The check runs from commit-msg, which sees both the staged changes and the message, so a \
            `Hindsight-Allow:` trailer works there (--hooks pre-commit runs it earlier, without the \
            message; installing the defaults replaces hindsight's pre-commit hook of earlier versions). \
            Hooks go where git runs them: core.hooksPath (relative to the work tree) or the common git \
            directory's hooks, shared by linked worktrees. An existing hook is kept as <name>.pre-hindsight \
            and run first; its exit status counts. Installing again changes nothing; `hindsight uninstall` \
            puts everything back byte for byte. The scripts find hindsight on PATH, then at this binary's \
            path; if it is missing or fails, commits go ahead with a warning unless --fail-closed. When the \
            repository uses husky, lefthook or the pre-commit framework, hindsight runs from that instead: \
            install prints the snippet, and --write adds it.
            """
    )

    @OptionGroup var repository: RepositoryOptions

    @Option(
        help: ArgumentHelp(
            "Hooks to install, comma-separated, of \(HookScript.names.joined(separator: ", ")) (default: all but pre-commit).",
            valueName: "list"),
        completion: .list(HookScript.names))
    var hooks: String?

    @Flag(help: "Block the commit when hindsight is missing or fails, not only on findings.")
    var failClosed = false

    @Flag(help: "With husky, lefthook or pre-commit: add the snippet to its configuration file.")
    var write = false

    @Option(
        help: ArgumentHelp(
            "The hindsight the hooks fall back to when none is on PATH (default: this binary).", valueName: "path"))
    var binary: String?

    func validate() throws { _ = try HookSelection.names(hooks, default: HookScript.defaults) }

    func run() throws {
        let git = try repository.openRepository()
        guard let workTree = git.workTree else {
            throw UsageError(
                "a bare repository has no commits made in it, so it needs no hooks. Install in a clone with a work tree."
            )
        }
        let managers = HookManager.detect(in: workTree, hooksPath: git.configValue("core.hooksPath"))
        if !managers.isEmpty { return try useManagers(managers, workTree: workTree) }
        let installer = HookInstaller(directory: git.hooksDirectory)
        let binary = self.binary ?? Self.ownPath()
        for name in try HookSelection.names(hooks, default: HookScript.defaults) {
            let outcome = try installer.install(
                name, script: HookScript.text(for: name, binary: binary, failClosed: failClosed))
            Terminal.writeError(HookSelection.describe(outcome, name, in: installer.directory) + "\n")
        }
        // An earlier version checked from pre-commit; with commit-msg checking too, a finding would
        // block there before the message (and its trailer) is seen.
        if hooks == nil, case let outcome = try installer.uninstall("pre-commit"),
            [.removed, .restored].contains(outcome)
        {
            Terminal.writeError(
                HookSelection.describe(outcome, "pre-commit", in: installer.directory)
                    + " (commit-msg runs the check now, where a Hindsight-Allow: trailer works)\n")
        }
    }

    private func useManagers(_ managers: [HookManager], workTree: URL) throws {
        for manager in managers {
            if write {
                let edits = manager.edits(in: workTree)
                for line in try manager.write(edits, in: workTree) { Terminal.writeError(line + "\n") }
                let wrote = edits.contains { if case .edited = $0.edit { true } else { false } }
                if let afterward = manager.afterward, wrote { Terminal.writeError("then run `\(afterward)`\n") }
                continue
            }
            Terminal.writeError(
                "found \(manager.name) (\(manager.file)): run hindsight from it rather than beside it.\n")
            for (file, edit) in manager.edits(in: workTree) {
                switch edit {
                case .alreadyPresent:
                    Terminal.writeError("\(file) already runs hindsight\n")
                case .byHand(let lines):
                    Terminal.writeError("\(file): add by hand (its layout is not one --write edits), \(lines)\n")
                case .edited(let text):
                    Terminal.writeError("`hindsight install --write` adds these lines to \(file):\n")
                    let original = manager.current(file, in: workTree)
                    let lines = HookConfigEdit.changedLines(from: original, to: text)
                    let width = String(lines.last?.number ?? 0).count
                    let listing = lines.map {
                        String(repeating: " ", count: width - String($0.number).count) + "\($0.number) + \($0.text)\n"
                    }
                    Terminal.writeOutput(Array(listing.joined().utf8))
                }
            }
            if let afterward = manager.afterward { Terminal.writeError("then run `\(afterward)`\n") }
        }
    }

    /// This executable's absolute path, recorded in the hooks as the fallback to PATH.
    static func ownPath() -> String {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return resolved
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }
}

/// `hindsight uninstall`: remove hindsight's hooks and put back the ones they replaced.
struct Uninstall: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "uninstall",
        abstract: "Remove the git hooks hindsight installed, restoring the hooks they replaced byte for byte.",
        discussion: "Hooks hindsight did not write are never touched."
    )

    @OptionGroup var repository: RepositoryOptions

    @Option(
        help: ArgumentHelp("Hooks to remove, comma-separated (default: all).", valueName: "list"),
        completion: .list(HookScript.names))
    var hooks: String?

    func validate() throws { _ = try HookSelection.names(hooks, default: HookScript.names) }

    func run() throws {
        let git = try repository.openRepository()
        let installer = HookInstaller(directory: git.hooksDirectory)
        for name in try HookSelection.names(hooks, default: HookScript.names) {
            let outcome = try installer.uninstall(name)
            if outcome != .notInstalled {
                Terminal.writeError(HookSelection.describe(outcome, name, in: installer.directory) + "\n")
            }
        }
    }
}

/// Parsing `--hooks` and describing what happened to each hook.
enum HookSelection {
    static func names(_ list: String?, default defaults: [String]) throws -> [String] {
        guard let list else { return defaults }
        let names = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if let unknown = names.first(where: { !HookScript.names.contains($0) }) {
            throw ValidationError("unknown hook '\(unknown)'; use \(HookScript.names.joined(separator: ", ")).")
        }
        return names
    }

    static func describe(_ outcome: HookInstaller.Outcome, _ name: String, in directory: URL) -> String {
        let path = directory.appendingPathComponent(name).path
        switch outcome {
        case .installed: return "installed \(path)"
        case .chained:
            return "installed \(path); the hook that was there runs first (kept as \(name)\(HookScript.chainedSuffix))"
        case .updated: return "updated \(path)"
        case .unchanged: return "\(path) is already installed"
        case .removed: return "removed \(path)"
        case .restored: return "removed hindsight's \(path) and put back the hook it replaced"
        case .notInstalled: return "\(path) was not installed"
        case .skipped(let why): return "left \(path) alone: \(why)"
        }
    }
}
