/// The `backtest:` settings of `.hindsight.yml`, which `backtest` and `guards mine` share.
public struct BacktestConfiguration: Equatable, Sendable {
    /// Days each replayed commit must have had for its fix to appear.
    public var graceDays = 365
    /// Replay at most this many commits, the latest (nil: no cap).
    public var maxCommits: Int? = 2_000
    /// Re-mine the guards every this many replayed commits (nil: once, at the cut).
    public var refreshEvery: Int?
    /// Lift over random under which `guards mine` proposes a kind's guards at notice.
    public var liftThreshold = 2.0
    /// Whether `guards mine` runs a backtest and records each kind's score.
    public var record = true
    /// Fewest replayed commits whose figures are evidence; a smaller window is reported as too small.
    public var minCommits = 100
    /// Fewest fix-inducing commits among them whose figures are evidence.
    public var minFixInducing = 10

    /// The defaults.
    public init() {}

    mutating func read(_ node: ConfigNode) throws(ConfigError) {
        let entries = try node.entries(known: [
            "grace", "maxCommits", "refresh", "liftThreshold", "record", "minCommits", "minFixInducing",
        ])
        if let value = entries["grace"] { graceDays = try value.int(in: 0...36_500) }
        if let value = entries["maxCommits"] {
            let count = try value.int(in: 0...10_000_000)
            maxCommits = count == 0 ? nil : count
        }
        if let value = entries["refresh"] {
            let every = try value.int(in: 0...10_000_000)
            refreshEvery = every == 0 ? nil : every
        }
        if let value = entries["liftThreshold"] { liftThreshold = try value.number(in: 0...1_000) }
        if let value = entries["record"] { record = try value.bool() }
        if let value = entries["minCommits"] { minCommits = try value.int(in: 0...10_000_000) }
        if let value = entries["minFixInducing"] { minFixInducing = try value.int(in: 0...10_000_000) }
    }
}
