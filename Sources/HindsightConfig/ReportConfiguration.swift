import HindsightCore

/// The `report:`, `fixes:` and `people:` settings of `.hindsight.yml`.
public struct ReportConfiguration: Equatable, Sendable {
    /// The default window (`--since` overrides it); nil for all history.
    public var window: TimeWindow?
    /// Keep deleted files.
    public var includeDeleted = false
    /// Extra ignore globs.
    public var ignore: [String] = []
    /// Whether the built-in ignore globs apply.
    public var ignoreDefaults = true
    /// Whether vendored and fixture trees are recognised and left out (`report.recogniseTrees`).
    public var recogniseTrees = true
    /// Half-life of recency-weighted churn, in days.
    public var halfLifeDays = 90.0
    /// Class thresholds.
    public var classes = ClassThresholds()
    /// Coupling thresholds.
    public var coupling = CouplingThresholds()
    /// Fix-on-fix window in days.
    public var fixOnFixDays = 14.0
    /// Fixes older than this many years before the reference date weigh less in recurring fixes.
    public var fixWindowYears = 3.0
    /// A regular expression replacing the default fix words.
    public var fixPattern: String?
    /// Extra name or email fragments marking bots.
    public var bots: [String] = []
    /// Extra name or email fragments marking coding agents.
    public var agents: [String] = []

    /// The defaults.
    public init() {}

    /// Which commits are fixes: the default words, or `fixes.pattern`.
    public var fixDetector: FixDetector { FixDetector(pattern: fixPattern) }

    /// Which authors are bots or coding agents: the default names, and `bots` and `agents`.
    public var botDetector: BotDetector { BotDetector(extraBots: bots, extraAgents: agents) }

    /// The analysis settings these choices give, measured from `now`.
    public func analysisSettings(now: Int64) -> AnalysisSettings {
        var settings = AnalysisSettings(now: now)
        settings.since = window?.start(now: now)
        settings.includeDeleted = includeDeleted
        settings.ignore = ignorePatterns
        settings.recogniseTrees = recogniseTrees
        settings.fixes = fixDetector
        settings.bots = botDetector
        settings.halfLifeDays = halfLifeDays
        settings.classes = classes
        settings.coupling = coupling
        settings.fixOnFixDays = fixOnFixDays
        settings.recentFixYears = fixWindowYears
        return settings
    }

    /// The ignore globs in force: the built-in ones unless turned off, then `ignore`.
    public var ignorePatterns: [GlobPattern] {
        (ignoreDefaults ? GlobPattern.defaultIgnores : []) + ignore.map(GlobPattern.init)
    }

    static let keys = [
        "window", "includeDeleted", "ignore", "ignoreDefaults", "recogniseTrees", "halfLifeDays", "newDays",
        "stableDays",
        "stableRatePercentile", "churningPercentile", "hotspotBugPercentile", "hotspotMinCommits", "hotspotMinFixes",
        "minimumChurningChurn", "fixOnFixDays", "fixWindowYears",
        "coupling",
    ]

    mutating func read(_ node: ConfigNode) throws(ConfigError) {
        let entries = try node.entries(known: Self.keys)
        if let value = entries["window"] {
            let text = try value.string()
            guard let window = TimeWindow(parsing: text) else {
                throw value.invalid("expected a span like 90d, 12w, 6m, 2y or a date like 2024-01-31, got '\(text)'")
            }
            self.window = window
        }
        if let value = entries["includeDeleted"] { includeDeleted = try value.bool() }
        if let value = entries["ignore"] { ignore = try value.strings() }
        if let value = entries["ignoreDefaults"] { ignoreDefaults = try value.bool() }
        if let value = entries["recogniseTrees"] { recogniseTrees = try value.bool() }
        if let value = entries["halfLifeDays"] { halfLifeDays = try value.number(in: 1...36_500) }
        if let value = entries["newDays"] { classes.newDays = try value.number(in: 0...36_500) }
        if let value = entries["stableDays"] { classes.stableDays = try value.number(in: 1...36_500) }
        if let value = entries["stableRatePercentile"] { classes.stableRatePercentile = try value.number(in: 0...100) }
        if let value = entries["churningPercentile"] { classes.churningPercentile = try value.number(in: 0...100) }
        if let value = entries["hotspotBugPercentile"] { classes.hotspotBugPercentile = try value.number(in: 0...100) }
        if let value = entries["hotspotMinCommits"] { classes.hotspotMinCommits = try value.int(in: 1...1_000_000) }
        if let value = entries["hotspotMinFixes"] { classes.hotspotMinFixes = try value.int(in: 1...1_000_000) }
        if let value = entries["minimumChurningChurn"] { classes.minimumChurningChurn = try value.number(in: 0...1e9) }
        if let value = entries["fixOnFixDays"] { fixOnFixDays = try value.number(in: 0...3650) }
        if let value = entries["fixWindowYears"] { fixWindowYears = try value.number(in: 0.1...100) }
        if let value = entries["coupling"] {
            let coupling = try value.entries(known: ["minRevisions", "minShared", "minDegree", "maxFilesPerCommit"])
            if let value = coupling["minRevisions"] { self.coupling.minRevisions = try value.int(in: 1...1_000_000) }
            if let value = coupling["minShared"] { self.coupling.minShared = try value.int(in: 1...1_000_000) }
            if let value = coupling["minDegree"] { self.coupling.minDegree = try value.int(in: 0...100) }
            if let value = coupling["maxFilesPerCommit"] {
                self.coupling.maxFilesPerCommit = try value.int(in: 2...100_000)
            }
        }
    }

    mutating func readFixes(_ node: ConfigNode) throws(ConfigError) {
        let entries = try node.entries(known: ["pattern"])
        if let value = entries["pattern"] {
            let pattern = try value.string()
            if let problem = FixDetector.validate(pattern: pattern) { throw value.invalid(problem) }
            fixPattern = pattern
        }
    }

    mutating func readPeople(_ node: ConfigNode) throws(ConfigError) {
        let entries = try node.entries(known: ["bots", "agents"])
        if let value = entries["bots"] { bots = try value.strings() }
        if let value = entries["agents"] { agents = try value.strings() }
    }
}
