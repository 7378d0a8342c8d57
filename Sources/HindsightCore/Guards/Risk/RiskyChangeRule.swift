/// `risky-change`: the repository's own change-risk model puts the change above its threshold. The
/// finding says, with figures, the features that drove the score, how often such changes needed a
/// fix here, the past changes most like it that did, and what to do.
public struct RiskyChangeRule: GuardRule {
    public let kind = GuardKind.riskyChange.id

    /// The rule.
    public init() {}

    public var descriptor: RuleDescriptor { GuardKind.riskyChange.descriptor }

    public func findings(in change: ChangeSet, context: GuardContext) -> [Finding] {
        guard let risk = context.risk, !change.files.isEmpty else { return [] }
        let features = Self.features(of: change, context: context, risk: risk)
        let model = risk.model
        let probability = model.probability(features)
        guard probability > model.threshold else { return [] }
        let files = change.files.filter { $0.status != .deleted }
        // The file the change is most about: the one with most fixes, then most commits, then by path.
        let weight = { (file: ChangedFile) in
            (context.history(of: file)?.risk?.fixes ?? 0, context.history(of: file)?.risk?.commits ?? 0)
        }
        let focus = (files.isEmpty ? change.files : files).max { lhs, rhs in
            (weight(lhs).0, weight(lhs).1, rhs.path) < (weight(rhs).0, weight(rhs).1, lhs.path)
        }
        guard let focus else { return [] }
        let counts = context.history(of: focus)?.risk
        let missed = Self.coChangeMisses(of: change, context: context)
        let drivers = model.contributions(features).filter { $0.push > 0 }.prefix(3).map {
            Self.phrase($0.name, features, focus: focus.path, counts: counts, missed: missed)
        }
        let similar = model.nearestExamples(to: features, count: 2)
        let reviewer = counts?.topAuthor.map { "ask \($0), who changed \(focus.path.string) most" }
        let tests = context.history(of: focus)?.testPartners.map(\.path.string) ?? []
        let steps = [
            "split it if it holds more than one idea",
            tests.isEmpty ? "run the tests of \(focus.path.string)" : "run \(tests.joined(separator: ", "))", reviewer,
        ]
        return [
            Finding(
                ruleID: kind, kind: kind,
                severity: context.severity(of: kind, default: GuardKind.riskyChange.defaultSeverity), path: focus.path,
                message: (drivers.isEmpty ? "" : drivers.joined(separator: "; ") + ": ")
                    + "changes like this needed a fix \(TextShaping.percent(model.flaggedFixRate)) of the time here, "
                    + "against \(TextShaping.percent(model.baseRate)) overall.",
                action: steps.compactMap { $0 }.joined(separator: "; ").capitalizedFirst + "."
                    + (similar.isEmpty
                        ? ""
                        : " Past changes like it that needed a fix: "
                            + similar.map { "\($0.commit.shortID) '\($0.commit.subject)'" }
                            .joined(separator: ", ") + "."),
                evidence: similar.map(\.commit),
                fingerprint: "\(kind)|\(change.files.map(\.path.string).sorted().joined(separator: ","))")
        ]
    }

    /// The change's features: its size and spread, what the facts say of its files, and the context's rest.
    static func features(of change: ChangeSet, context: GuardContext, risk: RiskContext) -> ChangeFeatures {
        var features = ChangeFeatures()
        features.measure(churn: change.files.map { ($0.path, $0.added.count, $0.removed.count) })
        features.recall(change.files.map { context.history(of: $0)?.risk }, at: risk.now)
        features.authorCommits = risk.authorCommits
        features.isFix = risk.isFix
        features.isAgent = risk.isAgent
        features.coChangeMisses = coChangeMisses(of: change, context: context).count
        return features
    }

    /// The partners (the report's coupling) of the change's files that it leaves out, by path.
    static func coChangeMisses(of change: ChangeSet, context: GuardContext) -> [RepoPath] {
        let touched = Set(change.files.map(\.path))
        let partners = change.files.flatMap { context.history(of: $0)?.coupling.map(\.path) ?? [] }
        return Set(partners).subtracting(touched).sorted()
    }

    /// One feature's reason, in words with its figure.
    static func phrase(
        _ name: String, _ features: ChangeFeatures, focus: RepoPath, counts: PathRiskCounts?, missed: [RepoPath]
    ) -> String {
        switch name {
        case "linesAdded": "+\(TextShaping.count(features.linesAdded, "line"))"
        case "linesDeleted": "−\(TextShaping.count(features.linesDeleted, "line"))"
        case "files": TextShaping.count(features.files, "file")
        case "directories": TextShaping.count(features.directories, "directory", "directories")
        case "entropy": "spread across \(TextShaping.count(features.files, "file"))"
        case "fileCommits": "\(focus.string) had \(TextShaping.count(counts?.commits ?? 0, "commit"))"
        case "fileFixes": "\(focus.string) had \(TextShaping.count(counts?.fixes ?? 0, "fix", "fixes"))"
        case "fileAuthors": "\(focus.string) had \(TextShaping.count(counts?.authors ?? 0, "author"))"
        case "daysSinceChange": "its files last changed \(Int(features.daysSinceChange.rounded())) days ago on average"
        case "authorCommits": "its author had \(TextShaping.count(features.authorCommits, "earlier commit"))"
        case "isFix": features.isFix ? "it is a fix" : "it is not a fix"
        case "touchesTests": features.touchesTests ? "it changes a test" : "no test changed"
        case "recentFixes":
            "\(focus.string) had \(TextShaping.count(counts?.recentFixes ?? 0, "fix", "fixes")) in the last year"
        case "coChangeMisses":
            "\(TextShaping.count(missed.count, "file")) that usually change with it did not ("
                + missed.prefix(2).map(\.string).joined(separator: ", ") + (missed.count > 2 ? ", …" : "") + ")"
        case "isAgent": features.isAgent ? "a coding agent wrote it" : "a person wrote it"
        default: name
        }
    }
}

extension String {
    fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
