import Foundation
import HindsightCore
import Testing

@testable import HindsightOutput

/// The backtest's three formats on one hand-made result.
@Suite struct BacktestRendererTests {
    static func result() -> BacktestResult {
        var builder = HistorySnapshot(tip: nil, paths: [], people: [], commits: [], changes: [])
        for day in 0..<6 {
            builder.commits.append(
                SnapshotCommit(
                    id: CommitID(trustedHex: String(repeating: "\(day)", count: 40)), author: 0,
                    time: Int64(day) * 86_400,
                    subject: "feat: \(day)", changes: 0..<0))
        }
        let window = BacktestWindow(snapshot: builder, cut: 1, until: 5, grace: 0, maxCommits: nil)
        let truth = GroundTruth(sources: [2: [.szz, .fixesTrailer], 4: [.reverted]])
        let kind = BacktestScore(commits: 4, truth: [2, 4], flagged: [2])
        var random = BacktestScore(commits: 4, fixInducing: 2, flagged: 1, hits: 1)
        random.expectedHits = 0.5
        var result = BacktestResult(
            cut: CommitRef(id: builder.commits[1].id, time: 86_400, subject: "say \"hi\" | <b>", author: "Ada"),
            until: CommitRef(id: builder.commits[5].id, time: 5 * 86_400, subject: "end", author: "Ada"),
            window: window, graceDays: 0, refreshEvery: nil, guardsAtCut: 3, truth: truth,
            kinds: [
                KindRecord(name: "reintroduced-fix", score: kind),
                KindRecord(name: "co-change", score: BacktestScore(commits: 4, truth: [2, 4], flagged: [3])),
                KindRecord(name: "stable-file", score: BacktestScore(commits: 4, truth: [2, 4], flagged: [])),
            ],
            overall: BacktestScore(commits: 4, truth: [2, 4], flagged: [2, 3]),
            baselines: [KindRecord(name: "random", score: random)], guards: [KindRecord(name: "hs-1", score: kind)],
            liftThreshold: 2)
        result.settings = [("fixPattern", "fix|bug")]
        result.minimum = BacktestMinimum(commits: 4, fixInducing: 2)
        result.replayed = [
            ReplayedCommit(
                id: builder.commits[2].id, added: 12, churn: 15, kinds: ["reintroduced-fix"], shipped: true,
                fixInducing: true)
        ]
        result.shipped = BacktestScore(commits: 4, truth: [2, 4], flagged: [2])
        result.overBudget = ["co-change"]
        result.fixInducingCommits = [
            (builder.commits[2].id, [.fixesTrailer, .szz]), (builder.commits[4].id, [.reverted]),
        ]
        return result
    }

    @Test func jsonHasTheDocumentedShape() throws {
        let text = JSONBacktestRenderer().render(Self.result())
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(json["version"] as? Int == 1)
        #expect((json["cut"] as? [String: Any])?["subject"] as? String == "say \"hi\" | <b>")
        #expect((json["window"] as? [String: Any])?["commits"] as? Int == 4)
        #expect(
            json["groundTruth"] as? [String: Int] == ["fixInducing": 2, "fixesTrailer": 1, "reverted": 1, "szz": 1])
        let kinds = try #require(json["kinds"] as? [[String: Any]])
        #expect(kinds.map { $0["kind"] as? String } == ["reintroduced-fix", "co-change", "stable-file"])
        #expect(kinds[0]["lift"] as? Double == 2 && kinds[0]["belowThreshold"] as? Bool == false)
        #expect(kinds[1]["lift"] as? Double == 0 && kinds[1]["belowThreshold"] as? Bool == true)
        #expect(
            kinds[2]["belowThreshold"] as? Bool == false,
            "a kind that flagged nothing is not demoted, as guards mine decides")
        #expect((json["baselines"] as? [[String: Any]])?.first?["hits"] as? Double == 0.5)
        #expect(
            (json["fixInducingCommits"] as? [[String: Any]])?.first?["sources"] as? [String] == [
                "fixes-trailer", "szz",
            ])
        #expect(json["settings"] as? [String: String] == ["fixPattern": "fix|bug"])
        let replayed = try #require((json["replayed"] as? [[String: Any]])?.first)
        #expect(replayed["churn"] as? Int == 15 && replayed["shipped"] as? Bool == true)
        #expect(replayed["kinds"] as? [String] == ["reintroduced-fix"] && replayed["fixInducing"] as? Bool == true)
        #expect((json["shipped"] as? [String: Any])?["flagged"] as? Int == 1)
        #expect(json["overBudget"] as? [String] == ["co-change"] && json["alarmBudget"] as? Double == 0.1)
    }

    @Test func markdownEscapesSettingsAndTableAlignsColumns() {
        let markdown = MarkdownBacktestRenderer().render(Self.result())
        #expect(markdown.contains("| reintroduced-fix | 1 | 25.0% | 1 | 50.0% | 100.0% | 2.00 |"))
        #expect(markdown.contains("| random | 1 | 25.0% | 0.50 | 25.0% | 50.0% | 1.00 |"))
        #expect(markdown.contains("- fixPattern: fix\\|bug"))
        #expect(markdown.contains("Below lift 2.00 here, so `guards mine` proposes them at notice: co-change."))
        #expect(markdown.contains("| shipped set (warning+, ≤ 10% alarms) | 1 | 25.0% | 1 | 50.0% | 100.0% | 2.00 |"))
        #expect(markdown.contains("Over the 10% alarm budget beside kinds that pay more, so at notice: co-change."))
        let table = TableBacktestRenderer().render(Self.result())
        #expect(
            table.contains("Fix-inducing: 2 of 4 (50.0% base rate) — 1 named by a Fixes: trailer, 1 reverted, 1 by SZZ")
        )
        #expect(!table.contains("<b>"), "subjects stay out of the table")
    }

    @Test func aWindowUnderTheMinimumIsCalledTooSmallInEveryFormat() throws {
        var result = Self.result()
        #expect(result.tooSmall == nil, "4 commits and 2 fix-inducing meet a minimum of 4 and 2")
        result.minimum = BacktestMinimum()
        let reason =
            "4 commits replayed, 2 of them fix-inducing, where at least 100 and 10 are needed for the figures to be evidence"
        #expect(result.tooSmall == reason)
        let table = TableBacktestRenderer().render(result)
        #expect(table.contains("Too small to judge: \(reason);"))
        #expect(table.contains("The window is too small to rank the kinds"))
        #expect(!table.contains("Below lift"), "a small window demotes nothing")
        #expect(MarkdownBacktestRenderer().render(result).contains("Too small to judge: \(reason);"))
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(JSONBacktestRenderer().render(result).utf8)) as? [String: Any])
        let window = try #require(json["window"] as? [String: Any])
        #expect(window["tooSmall"] as? String == reason)
        #expect(window["minimumCommits"] as? Int == 100 && window["minimumFixInducing"] as? Int == 10)
        let kinds = try #require(json["kinds"] as? [[String: Any]])
        #expect(kinds.allSatisfy { $0["belowThreshold"] as? Bool == false }, "co-change's lift 0 demotes nothing here")
    }
}
