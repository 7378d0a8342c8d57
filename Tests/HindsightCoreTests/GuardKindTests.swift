import HindsightCore
import Testing

/// Every guard kind's examples, run as tests: each change that must fire gives exactly one finding of
/// its kind with the documented message, and each near miss gives none.
@Suite struct GuardKindTests {
    @Test(arguments: GuardKind.all)
    func everyExampleBehavesAsDocumented(kind: GuardKind) {
        #expect(kind.examples.contains { $0.fires }, "\(kind.id) documents no change that fires")
        #expect(kind.examples.contains { !$0.fires }, "\(kind.id) documents no near miss")
        for example in kind.examples {
            let messages = example.findings(of: kind).map(\.message)
            #expect(messages == (example.message.map { [$0] } ?? []), "\(kind.id): \(example.title)")
        }
    }

    @Test func theRegistryNamesEachKindOnceWithItsSeverity() {
        #expect(Set(GuardKind.all.map(\.id)).count == GuardKind.all.count)
        #expect(GuardKind.all.allSatisfy { GuardKind.named($0.id) == $0 })
        #expect(GuardKind.named("no-such-kind") == nil)
        // Lessons are not live rules: a check adds them only when it has lessons (the backtest never does).
        #expect(
            liveRules.map(\.kind).sorted()
                == GuardKind.all.filter { $0.source != .mined && $0.source != .written }.map(\.id).sorted())
        #expect(GuardKind.all.filter { $0.source == .written } == [.lesson])
        #expect(contentKinds == ["reintroduced-fix", "recurring-pattern"])
        #expect(
            GuardKind.stableFile.defaultSeverity == .notice
                && GuardKind.coChange.configKey == "check.severity.co-change")
    }
}
