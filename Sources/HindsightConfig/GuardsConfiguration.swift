/// The `guards:` settings of `.hindsight.yml`: how many alarms the guards may raise, and what the
/// `risky-change` model learns from.
public struct GuardsConfiguration: Equatable, Sendable {
    /// The most of the backtest's commits the shipped guards may flag at warning or above together,
    /// and the share of past commits the `risky-change` threshold flags.
    public var alarmBudget = 0.1
    /// The latest commits (older than the grace period) the `risky-change` model learns from.
    public var riskTrainingCommits = 6_000

    /// The defaults.
    public init() {}

    mutating func read(_ node: ConfigNode) throws(ConfigError) {
        let entries = try node.entries(known: ["alarmBudget", "riskTrainingCommits"])
        if let value = entries["alarmBudget"] { alarmBudget = try value.number(in: 0...1) }
        if let value = entries["riskTrainingCommits"] { riskTrainingCommits = try value.int(in: 10...1_000_000) }
    }
}
