/// The `context:` settings of `.hindsight.yml`.
public struct ContextConfiguration: Equatable, Sendable {
    /// The rule-file targets there are.
    public static let targetNames = ["claude", "cursor", "copilot"]

    /// The most tokens the AGENTS.md block may take.
    public var budget = 1_500
    /// The most tokens each path-scoped rule file may take, front matter included.
    public var ruleBudget = 400
    /// The agents to write path-scoped rule files for (none by default: AGENTS.md only).
    public var targets: [String] = []
    /// Whether to add an `@AGENTS.md` import to an existing CLAUDE.md that lacks one.
    public var claudeImport = false
    /// The window, in days, for "active" areas.
    public var activeDays = 30
    /// How many years before HEAD's date a revert may be and still be listed as an attempt not to retry.
    public var attemptYears = 3
    /// Whether the refresh hooks rewrite the context files after each commit (off: they change tracked files).
    public var refresh = false

    /// The defaults.
    public init() {}

    mutating func read(_ node: ConfigNode) throws(ConfigError) {
        let entries = try node.entries(known: [
            "budget", "ruleBudget", "targets", "claudeImport", "activeDays", "attemptYears", "refresh",
        ])
        if let value = entries["budget"] { budget = try value.int(in: 200...100_000) }
        if let value = entries["ruleBudget"] { ruleBudget = try value.int(in: 100...100_000) }
        if let value = entries["targets"] {
            targets = try value.strings()
            if let unknown = targets.first(where: { !Self.targetNames.contains($0) }) {
                throw value.invalid("unknown target '\(unknown)': use claude, cursor or copilot")
            }
        }
        if let value = entries["claudeImport"] { claudeImport = try value.bool() }
        if let value = entries["activeDays"] { activeDays = try value.int(in: 1...3_650) }
        if let value = entries["attemptYears"] { attemptYears = try value.int(in: 1...100) }
        if let value = entries["refresh"] { refresh = try value.bool() }
    }
}
