import HindsightCore

extension GuardSetFile {
    /// The `riskModel:` section: what it learned from, its threshold, each feature's scaling and
    /// weight, and the past changes a finding may name. Numbers have six decimals, so the same
    /// model always gives the same bytes.
    static func render(_ model: RiskModel) -> [String] {
        var lines = [
            "riskModel:",
            "  trainedAt: \(commitScalar(model.trainedAt))",
            "  commits: \(model.commits)",
            "  fixInducing: \(model.fixInducing)",
            "  flaggedFixRate: \(decimal(model.flaggedFixRate))",
            "  alarmBudget: \(decimal(model.alarmBudget))",
            "  intercept: \(decimal(model.intercept))",
            "  threshold: \(decimal(model.threshold))",
            "  features:",
        ]
        for feature in model.features {
            lines.append(
                "    \(feature.name): {mean: \(decimal(feature.mean)), deviation: \(decimal(feature.deviation)), "
                    + "weight: \(decimal(feature.weight))}")
        }
        lines.append(model.examples.isEmpty ? "  examples: []" : "  examples:")
        for example in model.examples {
            lines += [
                "    - commit: \(commitScalar(example.commit.id))",
                "      date: \(evidenceDate(example.commit.time))",
                "      subject: \(yamlScalar(example.commit.subject))",
                "      author: \(yamlScalar(example.commit.author))",
                "      standardized: [\(example.standardized.map(decimal).joined(separator: ", "))]",
            ]
        }
        return lines
    }

    static func decimal(_ value: Double) -> String { TextShaping.fixed(value, 6) }
}

extension GuardSetReader {
    static let riskModelKeys = [
        "trainedAt", "commits", "fixInducing", "flaggedFixRate", "alarmBudget", "intercept", "threshold", "features",
        "examples",
    ]

    /// The model in `node`; nil when it was learned over other features than this hindsight's (by
    /// another version): `guards mine` learns it again, and until then `risky-change` stays quiet.
    func readRiskModel(_ node: ConfigNode) throws(ConfigError) -> RiskModel? {
        let entries = try node.entries(known: Self.riskModelKeys)
        if let names = entries["features"]?.node.mapping?.keys.compactMap(\.string),
            Set(names) != Set(ChangeFeatures.names)
        {
            return nil
        }
        func number(_ key: String, in range: ClosedRange<Double> = -1e9...1e9) throws(ConfigError) -> Double {
            guard let value = entries[key] else {
                throw node.invalid("missing '\(key)' (rerun `hindsight guards mine`)")
            }
            return try value.number(in: range)
        }
        guard let trainedNode = entries["trainedAt"], let trainedAt = CommitID(hex: try trainedNode.string()) else {
            throw node.invalid("missing or bad 'trainedAt' (a full commit id)")
        }
        guard let featuresNode = entries["features"] else { throw node.invalid("missing 'features'") }
        let byName = try featuresNode.entries(known: ChangeFeatures.names)
        var features: [RiskModel.Feature] = []
        for name in ChangeFeatures.names {
            guard let feature = byName[name] else {
                throw featuresNode.invalid("missing feature '\(name)' (rerun `hindsight guards mine`)")
            }
            let parts = try feature.entries(known: ["mean", "deviation", "weight"])
            func part(_ key: String) throws(ConfigError) -> Double {
                guard let value = parts[key] else { throw feature.invalid("missing '\(key)'") }
                return try value.number(in: -1e9...1e9)
            }
            let deviation = try part("deviation")
            guard deviation > 0 else { throw feature.invalid("expected a deviation above 0") }
            features.append(
                RiskModel.Feature(name: name, mean: try part("mean"), deviation: deviation, weight: try part("weight")))
        }
        var examples: [RiskExample] = []
        for element in try elements(of: entries["examples"], expecting: "a list of examples") {
            let (commit, parts) = try readCommit(element, extraKeys: ["standardized"])
            var standardized: [Double] = []
            for value in try elements(of: parts["standardized"], expecting: "a list of numbers") {
                standardized.append(try value.number(in: -1e9...1e9))
            }
            guard standardized.count == ChangeFeatures.names.count else {
                throw element.invalid("expected \(ChangeFeatures.names.count) standardized values")
            }
            examples.append(RiskExample(commit: commit, standardized: standardized))
        }
        return RiskModel(
            features: features, intercept: try number("intercept"), threshold: try number("threshold", in: 0...1),
            trainedAt: trainedAt, commits: try entries["commits"]?.int(in: 0...Int.max) ?? 0,
            fixInducing: try entries["fixInducing"]?.int(in: 0...Int.max) ?? 0,
            flaggedFixRate: try number("flaggedFixRate", in: 0...1), alarmBudget: try number("alarmBudget", in: 0...1),
            examples: examples)
    }
}
