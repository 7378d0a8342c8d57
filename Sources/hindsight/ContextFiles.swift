import Foundation
import HindsightKit
import HindsightOutput

/// The files `hindsight context` owns in a work tree, what they should hold, and how to get there:
/// only changed files are written (atomically), hindsight's stale rule files removed, and a file
/// hindsight did not create never touched.
struct ContextFiles {
    /// One file to bring up to date.
    struct Change: Equatable {
        enum Action: String {
            case create, update, remove

            var pastTense: String { rawValue.hasSuffix("e") ? rawValue + "d" : rawValue + "ed" }
        }
        /// Relative to the work tree.
        let path: String
        let action: Action
        /// The new text (empty for a removal).
        let text: String
    }

    let workTree: URL

    /// What AGENTS.md, CLAUDE.md and the rule files need, compared with what is on disk.
    func plan(
        block: String, ruleFiles: [(format: any RuleFileFormat, content: RuleFileContent)], claudeImport: Bool
    ) throws -> [Change] {
        var changes: [Change] = []
        let agents = try read("AGENTS.md")
        changes += try change(
            "AGENTS.md", from: agents, to: spliced(block, into: agents, marker: .agents, file: "AGENTS.md"))
        if claudeImport, let claude = try read("CLAUDE.md"), !isLink("CLAUDE.md"), !Self.imports(claude) {
            changes += try change(
                "CLAUDE.md", from: claude,
                to: spliced("@AGENTS.md\n", into: claude, marker: .claudeImport, file: "CLAUDE.md"))
        }
        var wanted = Set<String>()
        for (format, content) in ruleFiles {
            let path = format.directory + "/" + format.fileName(for: content.slug)
            wanted.insert(path)
            changes += try change(path, from: read(path), to: format.render(content))
        }
        for format in ruleFileFormats {
            for path in try generatedFiles(in: format.directory) where !wanted.contains(path) {
                changes.append(Change(path: path, action: .remove, text: ""))
            }
        }
        return changes
    }

    /// Writes and removes what `changes` says.
    func apply(_ changes: [Change]) throws {
        for change in changes {
            let url = workTree.appendingPathComponent(change.path)
            switch change.action {
            case .remove:
                try FileManager.default.removeItem(at: url)
            case .create, .update:
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try OutputFile.write(Data(change.text.utf8), to: url.path)
            }
        }
    }

    /// Whether CLAUDE.md already imports AGENTS.md (an `@AGENTS.md` line, with or without `./`).
    static func imports(_ text: String) -> Bool {
        text.split(whereSeparator: \.isNewline).contains { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return trimmed == "@AGENTS.md" || trimmed == "@./AGENTS.md"
        }
    }

    private func spliced(_ content: String, into text: String?, marker: ManagedBlock, file: String) throws -> String {
        do {
            return try marker.splice(content, into: text)
        } catch {
            throw UsageError("\(file): \(error.description). Nothing was written.")
        }
    }

    private func change(_ path: String, from old: String?, to new: String) throws -> [Change] {
        guard old != new else { return [] }
        return [Change(path: path, action: old == nil ? .create : .update, text: new)]
    }

    /// The file's text, nil when it does not exist; a file that is not UTF-8 is refused, never rewritten.
    private func read(_ path: String) throws -> String? {
        let url = workTree.appendingPathComponent(path)
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw UsageError(
                "\(path) is not UTF-8 text, so hindsight will not edit it. Convert it to UTF-8 or move it away.")
        }
        return text
    }

    private func isLink(_ path: String) -> Bool {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: workTree.appendingPathComponent(path).path)) != nil
    }

    /// Rule files in `directory` that hindsight generated (named `hindsight-*` and carrying its marker).
    private func generatedFiles(in directory: String) throws -> [String] {
        let url = workTree.appendingPathComponent(directory)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else { return [] }
        return names.sorted().filter { $0.hasPrefix("hindsight-") }.compactMap { name in
            let path = directory + "/" + name
            guard !isLink(path), let text = try? read(path), isGeneratedRuleFile(text) else { return nil }
            return path
        }
    }
}
