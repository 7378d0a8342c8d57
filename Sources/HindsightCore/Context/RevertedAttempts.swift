/// Reverted attempts that still stand at the tip, and how many were left out and why.
struct AttemptSelection {
    var attempts: [RevertedAttempt] = []
    var leftOut = AttemptsLeftOut()
}

/// Reverts that are not re-lands, were not undone by a later re-land, landed within `horizonYears`
/// of `input`'s moment, and still stand: some line the revert put back is still in the tree, or
/// some file the attempt added is still absent. One whose restored lines are all gone and whose
/// added files are all back was superseded by later work (the libssh2 embedding libgit2 reverted
/// in 2015 and removed for good in 2025), so advice not to retry it would be false.
func revertedAttempts(
    _ reverts: [RevertRecord], lineages: [FileLineage], alive: Set<RepoPath>, in input: AnalysisInput,
    horizonYears: Int
) -> AttemptSelection {
    let undone = Set(reverts.map(\.revertedID))
    let kept = reverts.filter { !$0.isReland && !undone.contains($0.revert.id) }
    let wanted = Set(kept.map(\.revert.id))
    var commitIndex: [CommitID: Int] = [:]
    for (index, commit) in input.snapshot.commits.enumerated() where wanted.contains(commit.id) {
        commitIndex[commit.id] = index
    }
    let owners = changeOwners(of: commitIndex.values, lineages: lineages, in: input.snapshot)
    let since = input.settings.now - Int64(Double(horizonYears) * 365.25 * 86_400)
    var selection = AttemptSelection()
    selection.leftOut.horizonYears = horizonYears
    for record in kept {
        guard let index = commitIndex[record.revert.id] else { continue }
        guard input.snapshot.commits[index].commitTime >= since else {
            selection.leftOut.older += 1
            continue
        }
        let changes = input.snapshot.changes[input.snapshot.commits[index].changes]
        let added = changes.filter { $0.status == .deleted }.map { input.snapshot.paths[$0.path] }
        let addedGone = added.filter { !alive.contains($0) }
        let restored = input.snapshot.commits[index].changes.compactMap { change in
            owners[change].map {
                restoredLinesSurvive(change: change, lineage: lineages[$0.lineage], from: $0.position, in: input)
            }
        }.compactMap { $0 }
        let stands = addedGone.isEmpty ? restored.contains(true) || restored.isEmpty && added.isEmpty : true
        guard stands else {
            selection.leftOut.superseded += 1
            continue
        }
        let files = record.files.filter(alive.contains)
        guard !files.isEmpty || !addedGone.isEmpty else { continue }
        selection.attempts.append(
            RevertedAttempt(
                attempt: record.reverted, revertedID: record.revertedID, revert: record.revert,
                reason: revertReason(input.snapshot.commits[index].body), files: files, addedGone: addedGone.sorted()))
    }
    return selection
}

/// For each change of `commits`, the file it belongs to and its position in that file's changes.
private func changeOwners(
    of commits: some Sequence<Int>, lineages: [FileLineage], in snapshot: HistorySnapshot
) -> [Int: (lineage: Int, position: Int)] {
    var wanted = Set<Int>()
    for commit in commits { wanted.formUnion(snapshot.commits[commit].changes) }
    var owners: [Int: (lineage: Int, position: Int)] = [:]
    for (lineage, file) in lineages.enumerated() {
        for (position, change) in file.changes.enumerated() where wanted.contains(change) {
            owners[change] = (lineage, position)
        }
    }
    return owners
}

/// Whether any line `change` added is still in its file at the tip, following the file's later
/// changes; nil when that cannot be told (it added no lines, or its hunks are unknown).
private func restoredLinesSurvive(
    change: Int, lineage: FileLineage, from position: Int, in input: AnalysisInput
)
    -> Bool?
{
    let snapshotChange = input.snapshot.changes[change]
    guard snapshotChange.status != .deleted, !snapshotChange.isBinary else { return nil }
    var ranges = input.snapshot.regions(of: change).filter { $0.newLines > 0 }.map {
        $0.newStart..<($0.newStart + $0.newLines)
    }
    guard !ranges.isEmpty else { return nil }
    for later in lineage.changes[(position + 1)...] {
        let next = input.snapshot.changes[later]
        if next.status == .deleted || next.isBinary { return false }
        var hunks = input.snapshot.regions(of: later)
        hunks.sort { $0.oldStart < $1.oldStart }
        let map = LineMap(hunks)
        ranges = ranges.compactMap(map.map)
        if ranges.isEmpty { return false }
    }
    return true
}
