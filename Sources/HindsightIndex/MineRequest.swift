import Foundation
import HindsightCore

/// What `hindsight mine` should do.
public struct MineRequest: Sendable {
    /// The revision whose history to index; nil means HEAD.
    public var revision: String?
    /// How history is read; when these differ from the stored index's, it is rebuilt.
    public var options: HistoryOptions
    /// Throw the index away and mine from scratch.
    public var rebuild: Bool
    /// Commits diffed per transaction: an interruption loses at most one batch.
    public var batchSize: Int
    /// Threads that diff commits, each with its own repository handle.
    public var workers: Int
    /// Stop after this many new commits (the index stays consistent; the next mine resumes).
    public var commitLimit: Int?
    /// How long to wait for another mine holding the index lock, in seconds.
    public var lockTimeout: TimeInterval

    /// A request; defaults mine HEAD incrementally on every core.
    public init(
        revision: String? = nil, options: HistoryOptions = .init(), rebuild: Bool = false,
        batchSize: Int = 2_000, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
        commitLimit: Int? = nil, lockTimeout: TimeInterval = 3
    ) {
        self.revision = revision
        self.options = options
        self.rebuild = rebuild
        self.batchSize = max(1, batchSize)
        self.workers = max(1, workers)
        self.commitLimit = commitLimit
        self.lockTimeout = lockTimeout
    }
}

/// What a mine did.
public struct MineSummary: Sendable, Codable, Equatable {
    /// The commit the index now reflects.
    public var tip: String
    /// Commits diffed and added by this run.
    public var newCommits: Int
    /// File-change rows added by this run.
    public var newChanges: Int
    /// Commits reachable from the tip in the index.
    public var reachableCommits: Int
    /// Wall time in seconds.
    public var seconds: Double
    /// Why the index was rebuilt, when it was.
    public var rebuiltBecause: String?
    /// Whether the repository is a shallow clone (history incomplete).
    public var isShallow: Bool
    /// Whether `commitLimit` stopped the run before the tip was reached.
    public var isPartial: Bool
    /// The index file.
    public var indexPath: String
}

/// The outcome of a mine.
public enum MineOutcome: Sendable, Equatable {
    /// The repository has no commits yet (empty, or HEAD unborn).
    case nothingToMine
    /// The index was brought up to date.
    case mined(MineSummary)
}

/// Receives progress while commits are diffed; called from worker threads.
public protocol MineProgress: Sendable {
    /// Diffing starts with this many new commits.
    func started(total: Int)
    /// Some more commits were diffed.
    func advanced(by count: Int)
    /// Diffing is over (successfully or not).
    func finished()
}
