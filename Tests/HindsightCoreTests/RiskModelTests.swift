import Testing

@testable import HindsightCore

/// The change-risk model: its features measured in one pass over history, its fit, its threshold.
@Suite struct RiskModelTests {
    /// a.c added by Ada; Bob fixes it; Ada renames it into src/ with a test; a merge; Ada changes
    /// it beside a doc.
    static func history() -> SnapshotBuilder {
        var history = SnapshotBuilder()
        history.commit("feat: a", day: 0, changes: [(.added, "a.c", 10, 0)])
        history.commit("fix: a crashes", day: 1, author: "Bob", changes: [(.modified, "a.c", 2, 1)])
        history.commit(
            "refactor: move a", day: 2, changes: [(.renamed, "a.c->src/a.c", 0, 0), (.added, "tests/a_test.c", 5, 0)])
        history.commit("Merge branch 'x'", day: 3, changes: [], isMerge: true)
        history.commit("feat: more a", day: 12, changes: [(.modified, "src/a.c", 30, 10), (.added, "doc/a.md", 10, 0)])
        return history
    }

    @Test func eachCommitIsMeasuredFromWhatCameBeforeIt() throws {
        let risk = RiskHistory(input: Self.history().input(now: 13))
        #expect(risk.features[3] == nil, "merges are not measured")
        let last = try #require(risk.features[4])
        #expect(last.linesAdded == 40 && last.linesDeleted == 10 && last.files == 2 && last.directories == 2)
        #expect(last.fileCommits == 3, "a.c's three commits follow the rename")
        #expect(last.fileFixes == 1 && last.fileAuthors == 2)
        #expect(last.authorCommits == 2, "Ada's two earlier commits; the merge is not one")
        #expect(!last.isFix && !last.touchesTests)
        #expect(last.daysSinceChange == 5, "src/a.c changed 10 days before, doc/a.md is new: (10 + 0) / 2")
        // 40 of 50 lines in one file, 10 in the other.
        #expect(abs(last.entropy - 0.721_928) < 1e-5)
        #expect(try #require(risk.features[1]).isFix)
        #expect(try #require(risk.features[2]).touchesTests)
        #expect(
            risk.paths[RepoPath("src/a.c")]
                == PathRiskCounts(
                    commits: 4, fixes: 1, recentFixes: 1, authors: 2, lastChange: SnapshotBuilder.time(12),
                    topAuthor: "Ada"))
        #expect(risk.paths[RepoPath("a.c")] == nil, "renamed away")
        #expect(risk.authorCommits == ["ada@example.com": 3, "bob@example.com": 1])
    }

    /// a.c and b.c change together five times (the first a fix); a.c alone; b.c deleted; a.c alone a
    /// year later, co-authored by an agent.
    static func signals() -> SnapshotBuilder {
        var history = SnapshotBuilder()
        for day in 0..<5 {
            history.commit(
                day == 0 ? "fix: a and b crash" : "feat: a and b \(day)", day: Double(day),
                changes: [(day == 0 ? .added : .modified, "a.c", 3, 1), (day == 0 ? .added : .modified, "b.c", 3, 1)])
        }
        history.commit("feat: a alone", day: 5, changes: [(.modified, "a.c", 1, 0)])
        history.commit("chore: drop b", day: 6, changes: [(.deleted, "b.c", 0, 15)])
        history.commit(
            "feat: a again", day: 400, changes: [(.modified, "a.c", 1, 0)],
            coAuthors: [Person(name: "Claude", email: "noreply@anthropic.com")])
        return history
    }

    @Test func hindsightsOwnSignalsAreMeasuredAsTheyStoodThen() throws {
        let risk = RiskHistory(input: Self.signals().input(now: 401, includeDeleted: true))
        let alone = try #require(risk.features[5])
        #expect(alone.coChangeMisses == 1, "b.c changed with a.c five times of five, and is left out")
        #expect(alone.recentFixes == 1 && alone.fileFixes == 1)
        #expect(!alone.isAgent)
        #expect(
            try #require(risk.features[4]).coChangeMisses == 0, "four shared commits are under the threshold of five")
        let later = try #require(risk.features[7])
        #expect(later.coChangeMisses == 0, "b.c was gone by then")
        #expect(later.recentFixes == 0 && later.fileFixes == 1, "the fix is more than a year old")
        #expect(later.isAgent, "a Co-authored-by: trailer names an agent")
        let tipFilesOnly = RiskHistory(input: Self.signals().input(now: 401))
        #expect(
            try #require(tipFilesOnly.features[5]).coChangeMisses == 0,
            "without report.includeDeleted the analysis knows only the files alive at the tip, as the report does")
    }

    @Test func aCheckSeesTheFeaturesTheModelWasTrainedOn() throws {
        var history = Self.signals()
        let full = RiskHistory(input: history.input(now: 401, includeDeleted: true))
        // The history up to "feat: a alone", then that commit as a check sees it from the facts before it.
        history = SnapshotBuilder()
        for day in 0..<5 {
            history.commit(
                day == 0 ? "fix: a and b crash" : "feat: a and b \(day)", day: Double(day),
                changes: [(day == 0 ? .added : .modified, "a.c", 3, 1), (day == 0 ? .added : .modified, "b.c", 3, 1)])
        }
        let before = history.input(now: 5)
        let facts = fileFacts(in: before)
        let model = try #require(GuardKind.riskyChange.examples.first?.risk).model
        let features = RiskyChangeRule.features(
            of: GuardExample.modifying("a.c", adding: ["x"]),
            context: GuardContext(files: facts, tip: nil, risk: nil),
            risk: RiskContext(model: model, authorCommits: 5, isFix: false, now: SnapshotBuilder.time(5)))
        let trained = try #require(full.features[5])
        #expect(features.coChangeMisses == trained.coChangeMisses && features.coChangeMisses == 1)
        #expect(features.recentFixes == trained.recentFixes && features.fileFixes == trained.fileFixes)
        #expect(features.fileCommits == trained.fileCommits && features.fileAuthors == trained.fileAuthors)
    }

    /// 200 commits; those adding more than 100 lines needed a fix, and one in ten small ones did too.
    static func samples() -> [RiskSample] {
        (0..<200).map { index in
            var features = ChangeFeatures()
            features.linesAdded = index % 4 == 0 ? 150 + index : 5 + index % 7
            features.files = 1 + index % 3
            let commit = CommitRef(
                id: CommitID(trustedHex: String(format: "%040x", index + 1)), time: Int64(index), subject: "c\(index)",
                author: "Ada")
            return RiskSample(
                commit: commit, features: features, fixInducing: features.linesAdded > 100 || index % 10 == 1)
        }
    }

    @Test func theFitWeighsWhatPredictsAndTheThresholdKeepsToTheBudget() throws {
        let samples = Self.samples()
        let model = try #require(RiskModel.fit(samples, alarmBudget: 0.1, trainedAt: samples[199].commit.id))
        let weights = Dictionary(uniqueKeysWithValues: model.features.map { ($0.name, $0.weight) })
        let linesAdded = try #require(weights["linesAdded"])
        let files = try #require(weights["files"])
        #expect(linesAdded > 1, "\(weights)")
        #expect(abs(files) < 0.5, "files says nothing here")
        let flagged = samples.filter { model.probability($0.features) > model.threshold }
        #expect(flagged.count <= 20, "at most 10% of 200")
        #expect(flagged.count >= 15, "ties aside, the budget is used")
        #expect(flagged.allSatisfy { $0.fixInducing })
        #expect(model.flaggedFixRate == 1 && model.baseRate == 0.35)
        #expect(model.commits == 200 && model.fixInducing == 70)
        #expect(!model.examples.isEmpty && model.examples.count <= 20)
        var big = ChangeFeatures()
        big.linesAdded = 400
        var small = ChangeFeatures()
        small.linesAdded = 3
        #expect(model.probability(big) > model.threshold && model.probability(small) < model.threshold)
        #expect(model.contributions(big).first?.name == "linesAdded")
        #expect(model.nearestExamples(to: big, count: 2).count == 2)
    }

    /// An era of big changes followed by one of small ones: a threshold set on all samples would
    /// spend the budget on the old era and flag few of the recent big changes.
    @Test func theThresholdKeepsToTheBudgetOnTheLatestChanges() throws {
        let samples = (0..<1_500).map { index in
            var features = ChangeFeatures()
            let big = index < 1_000 ? index % 3 == 0 : index % 20 == 0
            features.linesAdded = big ? 150 + index % 50 : 5 + index % 7
            let commit = CommitRef(
                id: CommitID(trustedHex: String(format: "%040x", index + 1)), time: Int64(index), subject: "c\(index)",
                author: "Ada")
            return RiskSample(commit: commit, features: features, fixInducing: big || index % 10 == 1)
        }
        let model = try #require(RiskModel.fit(samples, alarmBudget: 0.1, trainedAt: samples[1_499].commit.id))
        let recent = samples.suffix(500).filter { model.probability($0.features) > model.threshold }
        #expect(recent.count <= 50, "at most 10% of the latest 500")
        #expect(recent.count >= 25, "every one of the 25 recent big changes, not the ~10 an all-time threshold flags")
    }

    @Test func oneOutcomeTeachesNothing() {
        let none = Self.samples().map { RiskSample(commit: $0.commit, features: $0.features, fixInducing: false) }
        #expect(RiskModel.fit(none, alarmBudget: 0.1, trainedAt: none[0].commit.id) == nil)
    }

    @Test func aFindingSaysWhatToDoAndNamesThePastChangesLikeIt() throws {
        let example = try #require(GuardKind.riskyChange.examples.first { $0.fires })
        let finding = try #require(example.findings(of: .riskyChange).first)
        #expect(
            finding.action
                == "Split it if it holds more than one idea; run tests/diff/basic.c; ask Grace Hopper, who changed "
                + "src/diff.c most. Past changes like it that needed a fix: 9999999999 'feat: rewrite the diff machinery'."
        )
        #expect(finding.evidence.map(\.subject) == ["feat: rewrite the diff machinery"])
        #expect(finding.path == RepoPath("src/diff.c") && finding.line == nil)
    }
}
