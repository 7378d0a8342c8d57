import Foundation
import HindsightConfig
import HindsightCore
import Testing

/// The backtest record `guards mine` keeps in `.hindsight/guards.yml`, as written and read back.
@Suite struct BacktestRecordFileTests {
    static let record = BacktestRecord(
        cut: GuardSetFileTests.commitA, until: CommitID(trustedHex: "1234567890123456789012345678901234567890"),
        commits: 120, fixInducing: 12, liftThreshold: 2.5,
        kinds: ["reintroduced-fix": GuardTally(flagged: 4, hits: 3), "co-change": GuardTally(flagged: 30, hits: 2)])

    @Test func theRecordAndEachGuardsTallyRoundTrip() throws {
        var item = GuardSetFileTests.parserGuard()
        item.record = GuardTally(flagged: 4, hits: 3)
        var other = GuardSetFileTests.parserGuard(status: .accepted)
        other.id = "hs-000000000001"
        let set = GuardSet(guards: [item, other], record: Self.record)
        let text = GuardSetFile.render(set)
        #expect(
            text.contains(
                """
                backtest:
                  cut: 0123456789abcdef0123456789abcdef01234567
                  until: "1234567890123456789012345678901234567890"
                  commits: 120
                  fixInducing: 12
                  liftThreshold: 2.5
                  kinds:
                    co-change:
                      flagged: 30
                      hits: 2
                    reintroduced-fix:
                      flagged: 4
                      hits: 3
                guards:
                """))
        #expect(text.contains("    backtest:\n      flagged: 4\n      hits: 3\n"))
        let read = try GuardSetFile.parse(text, path: "guards.yml")
        #expect(read.record == Self.record)
        #expect(read.guards.map(\.record) == set.guards.map(\.record))
        #expect(GuardSetFile.render(read) == text)
    }

    @Test func aBadRecordNamesItsKeyAndLine() {
        let text = "version: 1\nbacktest:\n  cut: nope\n  until: nope\nguards: []\n"
        #expect(throws: ConfigError.self) { try GuardSetFile.parse(text, path: "guards.yml") }
        do {
            _ = try GuardSetFile.parse(text, path: "guards.yml")
        } catch {
            #expect("\(error)".contains("backtest.cut"))
            #expect("\(error)".contains("guards.yml:3"))
        }
    }

    @Test func theBudgetAndTheRiskModelRoundTripExactly() throws {
        var record = Self.record
        record.alarmBudget = 0.1
        record.overBudget = ["co-change"]
        record.shipped = GuardTally(flagged: 12, hits: 5)
        let model = RiskModel(
            features: ChangeFeatures.names.enumerated().map {
                RiskModel.Feature(
                    name: $0.element, mean: Double($0.offset) / 4, deviation: 1.25, weight: -Double($0.offset) / 8)
            }, intercept: -2.5, threshold: 0.234567, trainedAt: GuardSetFileTests.commitB, commits: 2_000,
            fixInducing: 180, flaggedFixRate: 0.31, alarmBudget: 0.1,
            examples: [
                RiskExample(
                    commit: CommitRef(
                        id: GuardSetFileTests.commitA, time: GuardSetFileTests.day, subject: "feat: \"all\" of it: yes",
                        author: "Ada"),
                    standardized: ChangeFeatures.names.indices.map { Double($0) - 5.5 })
            ])
        let set = GuardSet(guards: [GuardSetFileTests.parserGuard()], record: record, riskModel: model)
        let text = GuardSetFile.render(set)
        #expect(
            text.contains(
                "  alarmBudget: 0.100000\n  overBudget: [co-change]\n  shipped:\n    flagged: 12\n    hits: 5\n"))
        #expect(text.contains("riskModel:\n  trainedAt: 89abcdef0123456789abcdef0123456789abcdef\n  commits: 2000\n"))
        #expect(text.contains("    linesAdded: {mean: 0.000000, deviation: 1.250000, weight: 0.000000}\n"))
        let read = try GuardSetFile.parse(text, path: "guards.yml")
        #expect(read.record == record)
        #expect(read.riskModel == model, "six decimals hold these values exactly")
        #expect(GuardSetFile.render(read) == text)
        let summary = try #require(GuardSetFile.summary(of: text, path: "guards.yml"))
        #expect(summary.record == record, "the summary reads the record before the risk model and the guards")
        #expect(summary.accepted.isEmpty && summary.muted.isEmpty)
        let cached = GuardSetFile.cachePieces(set)
        #expect(
            try GuardSetFile.parse(entries: [], record: cached.record).riskModel == model,
            "the staged check's cache keeps it")
    }

    /// A model another hindsight learned over other features is no model (guards mine learns it
    /// again), not an error that would stop every check and the mine that would replace it.
    @Test func aRiskModelOverOtherFeaturesReadsAsNone() throws {
        let text =
            "version: 1\nriskModel:\n  trainedAt: \(GuardSetFileTests.commitA.hex)\n  intercept: 0\n  threshold: 0.5\n  flaggedFixRate: 0\n  alarmBudget: 0.1\n  features:\n    linesAdded: {mean: 0, deviation: 1, weight: 1}\n    fileLines: {mean: 0, deviation: 1, weight: 1}\nguards: []\n"
        let set = try GuardSetFile.parse(text, path: "guards.yml")
        #expect(set.riskModel == nil)
        let model = RiskModel(
            features: ChangeFeatures.names.map { RiskModel.Feature(name: $0, mean: 0, deviation: 1, weight: 0.5) },
            intercept: 0, threshold: 0.5, trainedAt: GuardSetFileTests.commitA, commits: 10, fixInducing: 1,
            flaggedFixRate: 0, alarmBudget: 0.1)
        let rendered = GuardSetFile.render(GuardSet(riskModel: model))
        #expect(try GuardSetFile.parse(rendered, path: "g").riskModel == model)
        let bad = rendered.replacingOccurrences(of: "  threshold: 0.500000", with: "  threshold: high")
        #expect(throws: ConfigError.self, "a value that is not a number is still an error") {
            try GuardSetFile.parse(bad, path: "g")
        }
    }
}
