import HindsightCore

/// `hindsight guards kinds`: every guard kind with what it flags, where its guards come from, how to
/// set its severity, and its examples — a change it flags, with the message, and a near miss.
public struct GuardKindsRenderer: Sendable {
    /// The formats `guards kinds` prints.
    public enum Format: String, CaseIterable, Sendable {
        case text, markdown
    }

    /// The format to render.
    public var format: Format

    /// A renderer for `format`.
    public init(format: Format) {
        self.format = format
    }

    /// The kinds, in registry order.
    public func render(_ kinds: [GuardKind]) -> String {
        switch format {
        case .text: kinds.map(text).joined(separator: "\n")
        case .markdown: Self.markdownTable(kinds) + "\n" + kinds.map(markdown).joined(separator: "\n")
        }
    }

    /// One row per kind, as the README lists them.
    public static func markdownTable(_ kinds: [GuardKind]) -> String {
        var lines = [
            "| kind | guards come from | a finding is about | default severity | flags |",
            "|---|---|---|---|---|",
        ]
        for kind in kinds {
            let source =
                switch kind.source {
                case .mined: "mined into `.hindsight/guards.yml`"
                case .live: "the index, at each check"
                case .learned: "a model learned into `.hindsight/guards.yml`, at each check"
                case .written: "lessons in `.hindsight/lessons/` and `Lesson:`/`Tried:` trailers, at each check"
                }
            lines.append(
                "| `\(kind.id)` | \(source) | \(kind.subject.rawValue) | \(kind.defaultSeverity.rawValue) | \(kind.summary) |"
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func text(_ kind: GuardKind) -> String {
        var lines = [
            "\(kind.id)  (\(kind.source.rawValue), \(kind.defaultSeverity.rawValue), about \(kind.subject.rawValue))",
            "  \(kind.summary)",
            "  \(kind.help)",
            "  From: \(kind.origin).",
            "  Severity: \(kind.configKey) in .hindsight.yml; silence one change with `Hindsight-Allow: \(kind.id)`.",
        ]
        for example in kind.examples {
            lines.append("  \(example.fires ? "Flags" : "Lets through"): \(example.title)")
            lines += Self.changeLines(example.change).map { "      " + $0 }
            if let message = example.message { lines.append("      → \(message)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func markdown(_ kind: GuardKind) -> String {
        var lines = [
            "### `\(kind.id)`", "", "\(kind.summary) \(kind.help)", "",
            "- Comes from: \(kind.origin).",
            "- Severity: \(kind.defaultSeverity.rawValue) by default; `\(kind.configKey)` in `.hindsight.yml` sets it.",
        ]
        for example in kind.examples {
            lines.append("- \(example.fires ? "Flags" : "Lets through"): \(example.title).")
            lines += Self.changeLines(example.change).map { "  - " + MarkdownEscaping.codeSpan($0) }
            if let message = example.message { lines.append("  - Finding: \(MarkdownEscaping.escaped(message))") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// An example's change, one line per changed line: `src/a.c +12 text` or `src/a.c -12 text`.
    private static func changeLines(_ change: ChangeSet) -> [String] {
        change.files.flatMap { file in
            file.removed.map { "\(file.path.string) -\($0.number) \(TerminalEscaping.safe($0.text))" }
                + file.added.map { "\(file.path.string) +\($0.number) \(TerminalEscaping.safe($0.text))" }
        }
    }
}
