import Foundation
import HindsightConfig
import HindsightCore
import HindsightGit
import HindsightIndex
import HindsightKit

/// What `hindsight mcp` starts with.
public struct MCPServerOptions: Sendable {
    /// The repository (any directory inside it).
    public var repositoryPath: String
    /// A configuration file instead of the work tree's `.hindsight.yml`.
    public var configurationFile: String?
    /// Measure ages from this moment (seconds since the epoch) instead of the clock, for reproducible answers.
    public var asOf: Int64?
    /// `--allow-lesson-writes`: offer `record_lesson` whatever `lessons.mcpWrites` says.
    public var allowsLessonWrites: Bool

    /// Options from their parts.
    public init(
        repositoryPath: String, configurationFile: String? = nil, asOf: Int64? = nil, allowsLessonWrites: Bool = false
    ) {
        self.repositoryPath = repositoryPath
        self.configurationFile = configurationFile
        self.asOf = asOf
        self.allowsLessonWrites = allowsLessonWrites
    }
}

/// One repository as the server sees it: the open index, and the analysis of it kept between calls.
/// Calls run one at a time, each under the state's lock; nothing here writes to the repository,
/// its git index or its work tree, except `record_lesson`'s one new file under `.hindsight/lessons/`
/// when lesson writes are on.
final class HistorySession: Sendable {
    /// The most new commits `refresh: true` mines; more than that is a long mine, which a call never starts.
    static let quickRefreshLimit = 100

    let options: MCPServerOptions
    let configuration: HindsightConfiguration
    /// The work tree's root without a trailing slash; nil in a bare repository.
    let workTree: String?
    private let state: Locked<State>

    /// What the calls share; only touched under the lock.
    fileprivate struct State {
        var workspace: Workspace
        var store: IndexStore?
        var model: (key: String, value: HistoryModel)?
        var block: (key: AgentsBlockKey, text: String)?
        var guards: (stamp: Date?, set: GuardSet)?
        var lessons: [LessonBookKey: LessonBook] = [:]
    }

    /// Opens the repository and reads its configuration; throws the same errors the commands do.
    init(options: MCPServerOptions) throws {
        self.options = options
        let workspace = try Workspace(path: options.repositoryPath, configurationFile: options.configurationFile)
        configuration = workspace.configuration
        workTree = workspace.workTree.map { url in
            var path = url.standardizedFileURL.path
            while path.count > 1, path.hasSuffix("/") { path.removeLast() }
            return path
        }
        state = Locked(State(workspace: workspace))
    }

    /// Whether `record_lesson` may write: `--allow-lesson-writes`, or `lessons.mcpWrites: true`.
    var allowsLessonWrites: Bool { options.allowsLessonWrites || configuration.lessons.mcpWrites }

    /// Runs `body` with the session's state held: calls never overlap.
    func withState<T>(_ body: (inout SessionAccess) throws -> T) throws -> T {
        try state.withLock { state in
            var access = SessionAccess(session: self, state: state)
            defer { state = access.state }
            return try body(&access)
        }
    }

    /// What the state holds, lent to one call.
    struct SessionAccess {
        fileprivate let session: HistorySession
        fileprivate var state: State

        /// The status this call stated, once `status(refresh:)` ran.
        var lastStatus: IndexStatus?

        /// The open repository.
        var repository: GitRepository { state.workspace.git }

        /// The repository, its configuration and its index, as the commands open them.
        var workspace: Workspace { state.workspace }

        /// The work tree's root (see `HistorySession.workTree`).
        var workTree: String? { session.workTree }

        /// The repository's configuration.
        var configuration: HindsightConfiguration { session.configuration }

        /// What the server was started with.
        var options: MCPServerOptions { session.options }

        /// The line `check` prints when the index is not at HEAD, for `check_diff`'s JSON.
        var indexNote: String? {
            lastStatus.flatMap { IndexState(tip: $0.tip, head: $0.head).note(remedy: "pass refresh: true") }
        }

        /// The one way to run a check, as `hindsight check` runs it.
        var checkSession: CheckSession {
            CheckSession(
                configuration: session.configuration.check,
                fixes: session.configuration.report.fixDetector, bots: session.configuration.report.botDetector)
        }

        /// What `git commit` would commit, read as `check --staged` reads it.
        func stagedChange() throws -> ChangeSet {
            do {
                return try state.workspace.change(.staged)
            } catch {
                throw ToolError("cannot read the staged changes: \(error)")
            }
        }

        /// Where the index stands against HEAD, after mining first when `refresh` is set and quick.
        mutating func status(refresh: Bool) throws -> IndexStatus {
            let status = try refreshedStatus(refresh: refresh)
            lastStatus = status
            return status
        }

        private mutating func refreshedStatus(refresh: Bool) throws -> IndexStatus {
            var status = try currentStatus()
            guard refresh, !status.isCurrent, status.head != nil else { return status }
            guard state.store != nil else {
                status.refreshNote =
                    "Not refreshed: there is no index yet, and a first mine is long; run `hindsight mine`."
                return status
            }
            guard let behind = status.behind, behind <= HistorySession.quickRefreshLimit else {
                let count =
                    status.behind.map { TextShaping.count($0, "new commit") }
                    ?? "More than \(IndexStatus.countLimit) new commits"
                status.refreshNote =
                    "Not refreshed: \(count) is more than a call mines (\(HistorySession.quickRefreshLimit)); run `hindsight mine`."
                return status
            }
            do {
                let request = MineRequest(options: session.configuration.history, lockTimeout: 1)
                _ = try Miner.mine(repositoryPath: session.options.repositoryPath, request: request)
                status = try currentStatus()
                status.refreshNote = "Refreshed: mined \(TextShaping.count(behind, "new commit"))."
            } catch IndexError.busy {
                status.refreshNote = "Not refreshed: another hindsight is updating the index; try again shortly."
            }
            return status
        }

        private mutating func currentStatus() throws -> IndexStatus {
            let head = try state.workspace.git.resolveCommit()
            let store = try openStore()
            let tip = try store?.tip()
            guard let head, let store, tip != head else {
                return IndexStatus(tip: tip, head: head, behind: tip == head ? 0 : nil)
            }
            let behind = try store.missingCommitCount(
                from: head, in: state.workspace.git, limit: IndexStatus.countLimit)
            return IndexStatus(tip: tip, head: head, behind: behind)
        }

        /// The index, opened once; nil while none has been mined (it is never created here).
        mutating func openStore() throws -> IndexStore? {
            if let store = state.store { return store }
            state.store = try state.workspace.indexIfMined()
            return state.store
        }

        /// The analysis of the index at its tip, computed once per tip and day.
        mutating func model() throws -> HistoryModel {
            guard let store = try openStore(), let tip = try store.tip() else {
                throw ToolError(
                    "This repository has no history index yet. Run `hindsight mine` once (it can take a while on a large history), then ask again."
                )
            }
            let settings = session.configuration.report.analysisSettings(
                now: try state.workspace.referenceTime(asOf: session.options.asOf))
            let key = IndexStore.factsKey(tip: tip, settings: settings)
            if let model = state.model, model.key == key { return model.value }
            let model = HistoryModel(snapshot: try state.workspace.snapshot(store), settings: settings)
            state.model = (key, model)
            return model
        }

        /// The AGENTS.md block cached under `key`, if any.
        func cachedBlock(_ key: AgentsBlockKey) -> String? { state.block?.key == key ? state.block?.text : nil }

        /// Keeps the AGENTS.md block for `key`.
        mutating func cacheBlock(_ key: AgentsBlockKey, _ text: String) { state.block = (key, text) }

        /// The lesson book cached under `key`, if any.
        func cachedLessons(_ key: LessonBookKey) -> LessonBook? { state.lessons[key] }

        /// Keeps the lesson book for `key`, dropping those of other tips or lesson files (one per day remains).
        mutating func cacheLessons(_ key: LessonBookKey, _ book: LessonBook) {
            state.lessons = state.lessons.filter { $0.key.tip == key.tip && $0.key.files == key.files }
            state.lessons[key] = book
        }

        /// `.hindsight/guards.yml`, read again when it changes.
        mutating func guardSet() throws -> GuardSet {
            guard let url = state.workspace.guardSetURL else { return GuardSet() }
            let stamp = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date
            if let cached = state.guards, cached.stamp == stamp { return cached.set }
            do {
                let set = try GuardSetFile.load(from: url)
                state.guards = (stamp, set)
                return set
            } catch {
                throw ToolError("\(GuardSetFile.relativePath) cannot be read: \(error.description)")
            }
        }
    }
}
