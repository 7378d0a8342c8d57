/// Every revert in the window, newest first: the commit it names, whether that was itself a
/// revert (so this re-lands the original), and the files it touched (at their current paths).
public func reverts(in input: AnalysisInput) -> [RevertRecord] {
    let snapshot = input.snapshot
    let revertIndexes = snapshot.commits.indices.filter {
        input.isInWindow[$0] && snapshot.commits[$0].revertedCommit != nil
    }
    guard !revertIndexes.isEmpty else { return [] }
    let named = Set(revertIndexes.compactMap { snapshot.commits[$0].revertedCommit })
    var indexOfID: [CommitID: Int] = [:]
    for index in snapshot.commits.indices where named.contains(snapshot.commits[index].id) {
        indexOfID[snapshot.commits[index].id] = index
    }
    var fileOfChange: [Int: RepoPath] = [:]
    for index in revertIndexes {
        for fileIndex in input.files(of: index) {
            let file = input.files[Int(fileIndex)]
            for (change, commit) in zip(file.changes, file.commits) where commit == index {
                fileOfChange[change] = file.path
            }
        }
    }
    return revertIndexes.reversed().map { index in
        let commit = snapshot.commits[index]
        let revertedID = commit.revertedCommit ?? commit.id
        let reverted = indexOfID[revertedID]
        let files = commit.changes.map { fileOfChange[$0] ?? snapshot.paths[snapshot.changes[$0].path] }
        return RevertRecord(
            revert: input.reference(index), revertedID: revertedID, reverted: reverted.map(input.reference),
            isReland: reverted.map { snapshot.commits[$0].revertedCommit != nil } ?? false,
            files: Array(Set(files)).sorted())
    }
}
