import Foundation
import HindsightCore
import HindsightGit

/// Reads and diffs a batch of commits on several threads, each with its own repository handle.
struct BatchDiffer {
    let gitDirectory: String
    let options: HistoryOptions
    let boundary: Set<CommitID>
    let workers: Int
    let progress: (any MineProgress)?

    /// The mined commits, in the order of `ids`.
    func diff(_ ids: [CommitID]) throws -> [MinedCommit] {
        let threads = min(workers, ids.count)
        let results = Locked<[Int: MinedCommit]>([:])
        let failure = Locked<(any Error)?>(nil)
        DispatchQueue.concurrentPerform(iterations: threads) { worker in
            do {
                let repository = try GitRepository(path: gitDirectory)
                var mined: [(Int, MinedCommit)] = []
                var sinceReport = 0
                for index in stride(from: worker, to: ids.count, by: threads) {
                    if failure.withLock({ $0 != nil }) { return }
                    mined.append((index, try mine(ids[index], in: repository)))
                    sinceReport += 1
                    if sinceReport == 32 {
                        progress?.advanced(by: sinceReport)
                        sinceReport = 0
                    }
                }
                progress?.advanced(by: sinceReport)
                results.withLock { all in for (index, commit) in mined { all[index] = commit } }
            } catch {
                failure.withLock { if $0 == nil { $0 = error } }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        return try results.withLock { all in
            try ids.indices.map { index in
                guard let commit = all[index] else { throw GitError.unexpectedNil("batch result \(index)") }
                return commit
            }
        }
    }

    private func mine(_ id: CommitID, in repository: GitRepository) throws -> MinedCommit {
        let commit = try repository.commit(id)
        let isBoundary = boundary.contains(id)
        // Merges are stored with their parents but not diffed, as `git log --numstat` shows them.
        let changes = commit.isMerge && !isBoundary
            ? [] : try repository.changes(in: id, options: options, asRoot: isBoundary)
        return MinedCommit(commit: commit, changes: changes, isShallowBoundary: isBoundary)
    }
}
