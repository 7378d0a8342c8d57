/// The `health:` settings of `.hindsight.yml`.
public struct HealthConfiguration: Equatable, Sendable {
    /// Days within which changing or deleting a line someone added counts as rework.
    public var reworkDays = 21

    /// The defaults.
    public init() {}

    mutating func read(_ node: ConfigNode) throws(ConfigError) {
        let entries = try node.entries(known: ["reworkDays"])
        if let value = entries["reworkDays"] { reworkDays = try value.int(in: 1...3_650) }
    }
}
