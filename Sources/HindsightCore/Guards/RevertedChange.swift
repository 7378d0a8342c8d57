/// The change a reverted commit made, as `GitRepository.changeSet(for: .commit(id))` reads it.
public struct RevertedDiff: Sendable {
    /// The revert commit's index in the snapshot.
    public var revert: Int
    /// The reverted commit's index in the snapshot.
    public var reverted: Int
    /// The reverted commit's changed files.
    public var change: ChangeSet

    /// A reverted diff from its parts.
    public init(revert: Int, reverted: Int, change: ChangeSet) {
        self.revert = revert
        self.reverted = reverted
        self.change = change
    }
}

/// `reverted-change` guards: what a reverted commit added (its distinctive lines), unless the
/// revert was itself reverted (a re-land), scoped to its files' current paths (renames followed;
/// none when every file is gone). A change that adds most of those lines again re-applies
/// the reverted change.
public func revertedChangeGuards(
    from reverts: [RevertedDiff], input: AnalysisInput, severity: Severity = .warning
) -> [Guard] {
    let relanded = Set(input.snapshot.commits.compactMap(\.revertedCommit))
    let currentPath = currentPaths(of: Set(reverts.map(\.reverted)), in: input)
    return reverts.compactMap { item -> Guard? in
        guard !relanded.contains(input.snapshot.commits[item.revert].id) else { return nil }
        // Scoped to the files as they are called now; a guard whose files are all gone never fires.
        let scope = Set(
            item.change.files.compactMap { currentPath[PathAtCommit(commit: item.reverted, path: $0.path)] })
        guard !scope.isEmpty else { return nil }
        let lines = item.change.files.flatMap { file in file.added.map { normalizedLine($0.text) }.filter(isDistinctive)
        }
        let unique = Array(Set(lines)).sorted()
        guard unique.count >= 3 else { return nil }
        let reverted = input.reference(item.reverted)
        let revert = input.reference(item.revert)
        return Guard(
            kind: GuardKind.revertedChange.id, severity: severity,
            scope: scope.sorted(), match: unique.joined(separator: "\n"),
            message:
                "This change re-applies \(reverted.shortID) '\(reverted.subject)', which \(revert.shortID) reverted.",
            action:
                "Read why \(revert.shortID) '\(revert.subject)' reverted it before landing it again, and say what is different now.",
            evidence: [revert, reverted])
    }.sorted { $0.id < $1.id }
}
