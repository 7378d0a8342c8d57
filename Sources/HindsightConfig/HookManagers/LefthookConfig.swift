import Yams

/// Adds hindsight's commands to a lefthook configuration, under hook keys the file may already
/// have: lefthook reads one mapping per hook, so a second `commit-msg:` key would break the file.
public enum LefthookConfig {
    /// One command to add: `<hook>: commands: <name>: run: <run>`.
    public struct Command: Equatable, Sendable {
        public var hook: String, name: String, run: String

        /// A command from its parts.
        public init(hook: String, name: String, run: String) {
            self.hook = hook
            self.name = name
            self.run = run
        }

        /// The lines that declare it under its hook's `commands:`, indented by `indent` and `step`.
        func lines(indent: Int, step: Int) -> [String] {
            [YAMLLines.spaces(indent) + name + ":", YAMLLines.spaces(indent + step) + "run: " + run]
        }
    }

    /// `text` with `commands` added; hooks it lacks are appended whole at the end.
    public static func adding(_ commands: [Command], to text: String) -> HookConfigEdit {
        guard let original = YAMLLines.document(text), case .mapping = original else {
            return .byHand(instructions(commands))
        }
        let missing = commands.filter { original[$0.hook]?["commands"]?[$0.name] == nil }
        if missing.isEmpty { return .alreadyPresent }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        var appended: [String] = []
        for command in missing {
            if original[command.hook] == nil {
                appended += [command.hook + ":", "  commands:"] + command.lines(indent: 4, step: 2)
            } else if !insert(command, into: &lines) {
                return .byHand(instructions(missing))
            }
        }
        if !appended.isEmpty { lines += (lines.isEmpty ? [] : [""]) + appended }
        let edited = lines.joined(separator: "\n") + "\n"
        return verified(edited, adds: missing, to: original) ? .edited(edited) : .byHand(instructions(missing))
    }

    /// Where each command goes, for a file an edit cannot safely change.
    public static func instructions(_ commands: [Command]) -> String {
        commands.map { command in
            "under `\(command.hook):` → `commands:`, add:\n" + command.lines(indent: 2, step: 2).joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// Puts `command` first under its hook's `commands:` (made when the hook has none).
    private static func insert(_ command: Command, into lines: inout [String]) -> Bool {
        let view = lines.map { Substring($0) }
        guard
            let hookLine = view.indices.first(where: {
                YAMLLines.indent(view[$0]) == 0 && YAMLLines.key(of: view[$0]) == Substring(command.hook)
            }),
            YAMLLines.value(of: view[hookLine]).isEmpty
        else { return false }
        let end = YAMLLines.blockEnd(in: view, after: hookLine, indent: 0)
        let content = (hookLine + 1..<end).filter { !YAMLLines.isBlankOrComment(view[$0]) }
        let childIndent = content.first.map { YAMLLines.indent(view[$0]) } ?? 2
        guard childIndent > 0 else { return false }
        let commandsLine = content.first {
            YAMLLines.indent(view[$0]) == childIndent && YAMLLines.key(of: view[$0]) == "commands"
        }
        guard let commandsLine else {
            lines.insert(
                contentsOf: [YAMLLines.spaces(childIndent) + "commands:"]
                    + command.lines(indent: 2 * childIndent, step: childIndent), at: hookLine + 1)
            return true
        }
        guard YAMLLines.value(of: view[commandsLine]).isEmpty else { return false }
        let entryIndent =
            content.first { $0 > commandsLine }.map { YAMLLines.indent(view[$0]) }
            .flatMap { $0 > childIndent ? $0 : nil } ?? 2 * childIndent
        lines.insert(
            contentsOf: command.lines(indent: entryIndent, step: entryIndent - childIndent), at: commandsLine + 1)
        return true
    }

    /// The edit added exactly `commands` (with their `run`) and changed nothing else.
    private static func verified(_ edited: String, adds commands: [Command], to original: Node) -> Bool {
        guard var node = YAMLLines.parse(edited) else { return false }
        for command in commands {
            guard node[command.hook]?["commands"]?[command.name]?["run"]?.string == command.run else { return false }
            let hadCommands = original[command.hook]?["commands"] != nil
            let path =
                original[command.hook] == nil
                ? [command.hook] : hadCommands ? [command.hook, "commands", command.name] : [command.hook, "commands"]
            guard let reduced = YAMLLines.removing(path, from: node) else { return false }
            node = reduced
        }
        return node == original
    }
}
