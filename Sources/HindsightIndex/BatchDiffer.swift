import Foundation
import HindsightCore
import HindsightGit

/// Reads and diffs batches of commits on several threads, each with its own repository handle.
///
/// Handles are opened afresh for every batch: libgit2 evicts from a full object cache by scanning its
/// hash table from the start, which profiling on a 100k-commit history showed as a quarter of all
/// time once the cache filled; a new handle per batch starts with an empty cache.
final class BatchDiffer: Sendable {
    private let options: HistoryOptions
    private let boundary: Set<CommitID>
    private let progress: (any MineProgress)?
    private let gitDirectory: String
    private let workers: Int
    private let attributes = AttributeCache()

    init(
        gitDirectory: String, options: HistoryOptions, boundary: Set<CommitID>, workers: Int,
        progress: (any MineProgress)?
    ) {
        self.gitDirectory = gitDirectory
        self.options = options
        self.boundary = boundary
        self.progress = progress
        self.workers = max(1, workers)
    }

    /// The mined commits, in the order of `ids`. `alongside` (writing the previous batch) runs on
    /// the first thread before it joins the diffing, so writes overlap diffs.
    func diff(_ ids: [CommitID], alongside: () throws -> Void = {}) throws -> [MinedCommit] {
        let next = Locked(0)
        let results = Locked<[Int: MinedCommit]>([:])
        let failure = Locked<(any Error)?>(nil)
        withoutActuallyEscaping(alongside) { alongside in
            let sideJob = SideJob(run: alongside)
            DispatchQueue.concurrentPerform(iterations: min(workers, max(1, ids.count))) { worker in
                do {
                    if worker == 0 { try sideJob.run() }
                    let repository = try GitRepository(path: gitDirectory, attributes: attributes)
                    try repository.readAttributesWithoutTheIndex()
                    var mined: [(Int, MinedCommit)] = []
                    var sinceReport = 0
                    while failure.withLock({ $0 == nil }) {
                        let index = next.withLock { value in
                            defer { value += 1 }
                            return value
                        }
                        guard index < ids.count else { break }
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
        let changes =
            commit.isMerge && !isBoundary
            ? [] : try repository.changes(in: id, options: options, asRoot: isBoundary)
        return MinedCommit(commit: commit, changes: changes, isShallowBoundary: isBoundary)
    }
}

/// A job run once, on one worker thread, while the caller waits for the batch.
private struct SideJob: @unchecked Sendable {
    // @unchecked: `run` is called by iteration 0 only, while `diff` (its owner) blocks.
    let run: () throws -> Void
}
