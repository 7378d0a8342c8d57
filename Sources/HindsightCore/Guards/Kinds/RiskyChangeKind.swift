extension GuardKind {
    /// `risky-change`: the repository's change-risk model flags the change.
    public static let riskyChange = GuardKind(
        id: "risky-change", source: .learned, subject: .changedFiles, cacheKey: .anyChange, defaultSeverity: .warning,
        summary: "A change like the ones that most often needed a fix in this repository.",
        help: "A logistic model learned from this repository's history (size, spread, the touched files' commits, "
            + "fixes (all and in the last year) and authors, their age, the author's experience, fix or not, tests "
            + "touched, co-change partners left out, written by a coding agent or not) scores the change "
            + "above the threshold that flags the alarm budget (guards.alarmBudget, default 10%) of past commits. "
            + "The finding names the figures that drove it: split the change, run its tests, or ask who knows the area.",
        origin: "`guards mine` trains it on the history before the backtest's grace period, with the backtest's "
            + "fix-inducing labels, and keeps its weights and threshold in .hindsight/guards.yml",
        examples: [
            GuardExample(
                "a large change to a file that was fixed often", facts: [diff],
                change: GuardExample.modifying("src/diff.c", adding: (1...400).map { "line \($0);" }),
                message: "+400 lines: changes like this needed a fix 31% of the time here, against 5% overall.",
                risk: example),
            GuardExample(
                "a three-line change", facts: [diff],
                change: GuardExample.modifying("src/diff.c", adding: ["a;", "b;", "c;"]), message: nil, risk: example),
        ])

    private static let diff: FileFacts = {
        var facts = FileFacts(
            path: RepoPath("src/diff.c"), classification: Classification(.hotspot, reason: "hotspot"), commits: 120,
            lastCommit: GuardExample.commit("7", "fix: diff of empty files"), coupling: [], sharedCommits: [:])
        facts.testPartners = [TestPartner(path: RepoPath("tests/diff/basic.c"), shared: 30)]
        facts.risk = PathRiskCounts(
            commits: 120, fixes: 14, authors: 9, lastChange: 1_600_000_000, topAuthor: "Grace Hopper")
        return facts
    }()

    /// A model that only weighs lines added: 400 lines are far above its threshold, three far below.
    private static let example = RiskContext(
        model: RiskModel(
            features: ChangeFeatures.names.map { name in
                RiskModel.Feature(
                    name: name, mean: name == "linesAdded" ? 2 : 0, deviation: 1, weight: name == "linesAdded" ? 2 : 0)
            }, intercept: -3, threshold: 0.5, trainedAt: GuardExample.commit("8", "x").id, commits: 1_000,
            fixInducing: 50, flaggedFixRate: 0.31, alarmBudget: 0.1,
            examples: [
                RiskExample(
                    commit: GuardExample.commit("9", "feat: rewrite the diff machinery"),
                    standardized: [4] + Array(repeating: 0, count: ChangeFeatures.names.count - 1))
            ]), authorCommits: 30, isFix: false, now: 1_600_000_000)
}
