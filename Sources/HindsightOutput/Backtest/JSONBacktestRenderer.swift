import HindsightCore

/// A backtest as JSON, in the stable shape the README documents (`version` 1).
public struct JSONBacktestRenderer: BacktestRenderer {
    /// A JSON renderer.
    public init() {}

    public func render(_ result: BacktestResult) -> String {
        let window = result.window
        let truth = result.truth
        let inWindow = Set(window.commits)
        let below = Set(result.kindsBelowThreshold)
        return JSONValue.object([
            ("version", .int(1)),
            ("cut", commit(result.cut)),
            ("until", commit(result.until)),
            (
                "window",
                .object([
                    ("commits", .int(window.commits.count)),
                    ("leftForGrace", .int(window.leftForGrace)),
                    ("leftForCap", .int(window.leftForCap)),
                    ("minimumCommits", .int(result.minimum.commits)),
                    ("minimumFixInducing", .int(result.minimum.fixInducing)),
                    ("tooSmall", result.tooSmall.map(JSONValue.string) ?? .null),
                ])
            ),
            ("graceDays", .int(result.graceDays)),
            ("refreshEvery", result.refreshEvery.map(JSONValue.int) ?? .null),
            ("guardsAtCut", .int(result.guardsAtCut)),
            ("liftThreshold", .number(result.liftThreshold)),
            (
                "groundTruth",
                .object(
                    [("fixInducing", .int(result.fixInducingCommits.count))]
                        + FixInducingSource.allCases.map { source in
                            (key(source), .int(truth.commits(from: source).intersection(inWindow).count))
                        })
            ),
            ("overall", score(result.overall)),
            ("kinds", .array(result.kinds.map { record(("kind", $0.name), $0.score, below: below.contains($0.name)) })),
            ("baselines", .array(result.baselines.map { record(("baseline", $0.name), $0.score) })),
            ("alarmBudget", .number(result.alarmBudget)),
            ("overBudget", .array(result.overBudget.sorted().map(JSONValue.string))),
            ("shipped", result.shipped.map(score) ?? .null),
            ("shippedBaselines", .array(result.shippedBaselines.map { record(("baseline", $0.name), $0.score) })),
            ("guards", .array(result.guards.map { record(("id", $0.name), $0.score) })),
            (
                "fixInducingCommits",
                .array(
                    result.fixInducingCommits.map { entry in
                        .object([
                            ("commit", .string(entry.id.hex)),
                            ("sources", .array(entry.sources.map { .string($0.rawValue) })),
                        ])
                    })
            ),
            (
                "replayed",
                .array(
                    result.replayed.map { commit in
                        .object([
                            ("commit", .string(commit.id.hex)), ("added", .int(commit.added)),
                            ("churn", .int(commit.churn)), ("kinds", .array(commit.kinds.map(JSONValue.string))),
                            ("shipped", .bool(commit.shipped)), ("fixInducing", .bool(commit.fixInducing)),
                        ])
                    })
            ),
            ("settings", .object(result.settings.map { ($0.name, .string($0.value)) })),
        ]).serialized()
    }

    private func key(_ source: FixInducingSource) -> String {
        switch source {
        case .fixesTrailer: "fixesTrailer"
        case .reverted: "reverted"
        case .szz: "szz"
        }
    }

    private func commit(_ ref: CommitRef) -> JSONValue {
        .object([("commit", .string(ref.id.hex)), ("date", .time(ref.time)), ("subject", .string(ref.subject))])
    }

    private func record(_ name: (String, String), _ value: BacktestScore, below: Bool? = nil) -> JSONValue {
        guard case .object(let fields) = score(value) else { return .null }
        return .object([(name.0, .string(name.1))] + fields + (below.map { [("belowThreshold", .bool($0))] } ?? []))
    }

    private func score(_ score: BacktestScore) -> JSONValue {
        .object([
            ("commits", .int(score.commits)), ("fixInducing", .int(score.fixInducing)),
            ("flagged", .int(score.flagged)),
            ("hits", score.expectedHits.map(JSONValue.number) ?? .int(score.hits)),
            ("alarmRate", .number(score.alarmRate)), ("recall", .number(score.recall)),
            ("precision", .number(score.precision)), ("baseRate", .number(score.baseRate)),
            ("lift", .number(score.lift)),
        ])
    }
}
