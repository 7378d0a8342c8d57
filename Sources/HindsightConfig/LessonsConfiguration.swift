import HindsightCore

/// The `lessons:` settings of `.hindsight.yml`.
public struct LessonsConfiguration: Equatable, Sendable {
    /// When a lesson reads "may be stale": commits or changed lines in its paths since it was written.
    public var staleness = StalenessRule()
    /// Whether the MCP server's `record_lesson` tool may write lesson files (off: read-only server).
    public var mcpWrites = false

    /// The defaults.
    public init() {}

    mutating func read(_ node: ConfigNode) throws(ConfigError) {
        let entries = try node.entries(known: ["staleCommits", "staleLines", "mcpWrites"])
        if let value = entries["staleCommits"] { staleness.commits = try value.int(in: 0...1_000_000) }
        if let value = entries["staleLines"] { staleness.lines = try value.int(in: 0...100_000_000) }
        if let value = entries["mcpWrites"] { mcpWrites = try value.bool() }
    }
}
