import Foundation
import HindsightCore
import HindsightGit

/// Brings a repository's history index up to date, incrementally.
public enum Miner {
    /// Where the index of `repository` lives: shared by all its worktrees.
    public static func indexURL(for repository: GitRepository) -> URL {
        repository.commonDirectory.appendingPathComponent("hindsight/index.sqlite")
    }

    /// Mines every commit reachable from the requested revision that the index lacks.
    public static func mine(
        repositoryPath: String, request: MineRequest, progress: (any MineProgress)? = nil
    ) throws -> MineOutcome {
        let started = Date()
        let repository = try GitRepository(path: repositoryPath)
        if repository.isPartialClone { throw GitError.partialClone(path: repositoryPath) }
        guard let tip = try repository.resolveCommit(request.revision) else { return .nothingToMine }

        let url = indexURL(for: repository)
        let lock = try acquireLock(beside: url, timeout: request.lockTimeout)
        defer { withExtendedLifetime(lock) {} }

        let boundary = repository.shallowBoundary()
        let (store, rebuiltBecause) = try openStore(at: url, request: request, boundary: boundary)
        // libgit2 keeps what a walk read (commits in the object cache, the pack's pages mapped) while
        // its handle lives: a handle of its own, freed after the walk, gives that back before the
        // diffing starts (a cold mine of git's history peaked at 532 MiB instead of 757 MiB).
        let walk = try HistoryWalk(
            tip: tip, repository: GitRepository(path: repositoryPath), store: store, boundary: boundary)
        let limit = request.commitLimit ?? walk.newCommits.count
        let pending = walk.newCommits.prefix(limit)

        let mailmap = try Mailmap(repository: repository)
        let writer = try IndexWriter(store: store, marksReachable: walk.stops.isEmpty, canonical: mailmap.resolve)
        progress?.started(total: pending.count)
        defer { progress?.finished() }

        let differ = BatchDiffer(
            gitDirectory: repository.gitDirectory.path, options: request.options, boundary: boundary,
            workers: request.workers, progress: progress)
        var newChanges = 0
        var unwritten: [MinedCommit] = []
        var start = pending.startIndex
        while start < pending.endIndex {
            let end = min(start + request.batchSize, pending.endIndex)
            let previous = unwritten
            unwritten = try differ.diff(Array(pending[start..<end])) { try writer.append(previous) }
            newChanges += unwritten.reduce(0) { $0 + $1.changes.count }
            start = end
        }
        try writer.append(unwritten)

        let isPartial = pending.count < walk.newCommits.count
        if !isPartial {
            try store.updateReachability(tip: tip, firstNewSeq: writer.firstSeq, stops: walk.stops)
            try writer.refreshIdentities(mailmap: mailmap.fingerprint)
        }
        return .mined(
            MineSummary(
                tip: tip.hex, newCommits: pending.count, newChanges: newChanges,
                reachableCommits: try store.reachableCommitCount(), seconds: Date().timeIntervalSince(started),
                rebuiltBecause: rebuiltBecause, isShallow: !boundary.isEmpty, isPartial: isPartial,
                indexPath: url.path))
    }

    private static func acquireLock(beside url: URL, timeout: TimeInterval) throws -> IndexLock {
        let directory = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw IndexError.unwritable(path: directory.path, detail: error.localizedDescription)
        }
        guard let lock = try IndexLock(path: directory.appendingPathComponent("index.lock"), timeout: timeout) else {
            throw IndexError.busy(path: url.path)
        }
        return lock
    }

    /// Opens the index, starting over when asked to or when its rows no longer match the request.
    private static func openStore(
        at url: URL, request: MineRequest, boundary: Set<CommitID>
    ) throws -> (IndexStore, rebuiltBecause: String?) {
        let shallow = boundary.map(\.hex).sorted().joined(separator: " ")
        var reason: String? = request.rebuild ? "--rebuild was given" : nil
        if reason == nil {
            let existing = try IndexStore(url: url)
            let storedOptions = try existing.meta(.options)
            let storedShallow = try existing.meta(.shallow) ?? ""
            if let storedOptions, storedOptions != request.options.fingerprint {
                reason = "history options changed (\(storedOptions) → \(request.options.fingerprint))"
            } else if storedOptions != nil, storedShallow != shallow {
                reason = "the shallow clone's boundary moved"
            } else if storedOptions != nil {
                return (existing, nil)
            }
        }
        if reason != nil { try IndexStore.remove(at: url) }
        let store = try IndexStore(url: url)
        try store.write { db in
            try IndexStore.setMeta(.options, request.options.fingerprint, in: db)
            try IndexStore.setMeta(.shallow, shallow, in: db)
        }
        return (store, reason)
    }
}
