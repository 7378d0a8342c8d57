import HindsightCore
import Testing

/// How a backtest record tunes the guard set: kinds that flagged without paying drop to notice.
@Suite struct GuardRecordTests {
    /// 100 commits, 10 fix-inducing: lift = (hits / flagged) / 0.1.
    static let record = BacktestRecord(
        cut: CommitID(trustedHex: String(repeating: "a", count: 40)),
        until: CommitID(trustedHex: String(repeating: "b", count: 40)),
        commits: 100, fixInducing: 10, liftThreshold: 2,
        kinds: [
            "reintroduced-fix": GuardTally(flagged: 4, hits: 2),  // lift 5
            "co-change": GuardTally(flagged: 40, hits: 6),  // lift 1.5
            "stable-file": GuardTally(flagged: 0, hits: 0),  // no evidence either way
            "fix-needs-test": GuardTally(flagged: 10, hits: 2),  // lift exactly 2: not below
        ])

    @Test func onlyKindsThatFlaggedBelowTheThresholdAreBelowIt() {
        #expect(Self.record.kindsBelowThreshold == ["co-change"])
        #expect(Self.record.score(GuardTally(flagged: 4, hits: 2)).lift == 5)
        var quiet = Self.record
        quiet.fixInducing = 0
        #expect(quiet.kindsBelowThreshold.isEmpty, "no commit needed a fix: no evidence against any kind")
    }

    @Test func checkRunsThemAtNoticeUnlessConfigurationNamesThem() {
        #expect(Self.record.severities(configured: [:]) == ["co-change": .notice])
        #expect(Self.record.severities(configured: ["co-change": .error]) == ["co-change": .error])
    }

    @Test func proposedGuardsFollowTheirKindButPeoplesChoicesStay() {
        let make = { (id: String, kind: String, status: GuardStatus, severity: Severity) in
            Guard(
                id: id, kind: kind, status: status, severity: severity, scope: [], match: id, message: "", action: "",
                evidence: [])
        }
        let set = GuardSet(guards: [
            make("hs-1", "co-change", .proposed, .warning),  // hindsight's default: demoted
            make("hs-2", "co-change", .proposed, .error),  // a person raised it: kept
            make("hs-3", "co-change", .accepted, .warning),  // accepted: kept
            make("hs-4", "reintroduced-fix", .proposed, .notice),  // demoted before, pays now: back to the default
        ])
        let applied = set.applying(Self.record, tallies: ["hs-4": GuardTally(flagged: 2, hits: 1)]) { _ in .warning }
        #expect(applied.guards.map(\.severity) == [.notice, .error, .warning, .warning])
        #expect(applied.guards.map(\.record) == [nil, nil, nil, GuardTally(flagged: 2, hits: 1)])
        #expect(applied.record == Self.record)
    }
}
