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
}
