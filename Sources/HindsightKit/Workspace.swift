import Foundation
import HindsightConfig
import HindsightCore
import HindsightGit
import HindsightIndex

/// A repository opened once for a command or the MCP server: the git repository, its configuration
/// and, once mined, its history index.
public final class Workspace {
    /// The path the repository was opened from (any directory inside it).
    public let path: String
    /// The open repository.
    public let git: GitRepository
    /// `--config`, else `.hindsight.yml` at the work tree's root, else the defaults.
    public let configuration: HindsightConfiguration

    /// Opens the repository at `path` and reads its configuration.
    ///
    /// - Parameters:
    ///   - configurationFile: a configuration file to read instead of the work tree's `.hindsight.yml`.
    ///   - fromEnvironment: honour `GIT_DIR`, `GIT_INDEX_FILE` and friends, as a hook must.
    public init(path: String, configurationFile: String? = nil, fromEnvironment: Bool = false) throws {
        self.path = path
        git = try GitRepository(path: path, fromEnvironment: fromEnvironment)
        if let configurationFile {
            configuration = try HindsightConfiguration.load(
                from: URL(fileURLWithPath: configurationFile), isRequired: true)
        } else if let workTree = git.workTree {
            configuration = try HindsightConfiguration.load(
                from: workTree.appendingPathComponent(HindsightConfiguration.fileName))
        } else {
            configuration = HindsightConfiguration()
        }
    }

    /// The work tree's root; nil in a bare repository.
    public var workTree: URL? { git.workTree }

    /// The index file.
    public var indexURL: URL { Miner.indexURL(for: git) }

    /// Whether an index has been mined.
    public var hasIndex: Bool { FileManager.default.fileExists(atPath: indexURL.path) }

    /// Mines the commits the index lacks.
    public func mine(progress: (any MineProgress)? = nil) throws -> MineOutcome {
        try Miner.mine(repositoryPath: path, request: MineRequest(options: configuration.history), progress: progress)
    }

    /// The index; nil when the repository has no commits yet. Throws when it has commits but no index.
    public func index() throws -> IndexStore? {
        guard hasIndex else {
            if try git.resolveCommit() == nil { return nil }
            throw IndexError.missing(path: indexURL.path)
        }
        return try IndexStore(url: indexURL)
    }

    /// The index when one was mined, else nil: a check must not fail because nothing was mined yet.
    public func indexIfMined() throws -> IndexStore? {
        hasIndex ? try IndexStore(url: indexURL) : nil
    }

    /// The index's history with the paths of its tip's tree, so no file the tip lacks reads as alive,
    /// what that tree says about vendored code, and with reverts linked that git's trailer does not
    /// name in full.
    public func snapshot(_ store: IndexStore) throws -> HistorySnapshot {
        var snapshot = try store.snapshot().linkingReverts()
        if let tip = snapshot.tip { try describeTree(of: tip, in: &snapshot, keepingLinesIn: store) }
        return snapshot
    }

    /// The history as it stood at `commit`: that commit and its ancestors only, described by its
    /// tree, with ages counted from when it landed; nil when the index does not hold `commit`.
    public func snapshot(_ store: IndexStore, at commit: CommitID) throws -> HistorySnapshot? {
        let full = try store.snapshot().linkingReverts()
        guard let index = full.commits.firstIndex(where: { $0.id == commit }) else { return nil }
        var past = full.replayHistory(cut: index, until: index, graph: try store.commitGraph(of: full)).history
        try describeTree(of: commit, in: &past, keepingLinesIn: store)
        return past
    }

    /// Reads what `commit`'s tree says into `snapshot`: its paths, its files' line counts (lazily, kept
    /// in `store` by blob) and texts (lazily), and its vendored trees.
    private func describeTree(
        of commit: CommitID, in snapshot: inout HistorySnapshot, keepingLinesIn store: IndexStore
    ) throws {
        snapshot.livePaths = try git.filePaths(in: commit)
        // Opened on the first count: most snapshots (a check, a context) never ask for one.
        let gitDirectory = git.gitDirectory.path
        let reader = Locked<GitRepository?>(nil)
        snapshot.tipLines = TipLineCounts { path in
            reader.withLock { repository in
                if repository == nil { repository = try? GitRepository(path: gitDirectory) }
                return (try? repository?.lineCount(at: path, in: commit, kept: store)) ?? nil
            }
        }
        snapshot.tipTexts = TipTexts { path in
            reader.withLock { repository in
                if repository == nil { repository = try? GitRepository(path: gitDirectory) }
                return (try? repository?.fileText(at: path, in: commit)) ?? nil
            }
        }
        snapshot.treeEvidence = try treeEvidence(paths: snapshot.livePaths ?? [], at: commit)
    }

    /// Where `store` (nil: none) stands against `HEAD`.
    public func indexState(_ store: IndexStore?) throws -> IndexState {
        IndexState(tip: try store?.tip(), head: try git.resolveCommit())
    }

    /// The analyses' settings, with ages counted from `now` (seconds since the epoch).
    public func analysisSettings(now: Int64) -> AnalysisSettings {
        configuration.report.analysisSettings(now: now)
    }

    /// The moment every age, window and "recent" counts from: `asOf` when given, else `HEAD`'s
    /// committer date, so a clone whose last commit is months old reads as it did that day; the
    /// clock only on an unborn branch.
    public func referenceTime(asOf: Int64? = nil) throws -> Int64 {
        if let asOf { return asOf }
        guard let head = try git.resolveCommit() else { return Int64(Date().timeIntervalSince1970) }
        return try git.commit(head).commitTime.seconds
    }
}

// MARK: - Guards

extension Workspace {
    /// `.hindsight/guards.yml` at the work tree's root; nil in a bare repository.
    public var guardSetURL: URL? { workTree?.appendingPathComponent(GuardSetFile.relativePath) }

    /// Every guard of `.hindsight/guards.yml` (none in a bare repository or before `guards mine`).
    public func guardSet() throws -> GuardSet {
        guard let url = guardSetURL else { return GuardSet() }
        return try GuardSetFile.load(from: url)
    }

    /// The accepted guards, read through the index's cache of the file when there is an index.
    public func acceptedGuards(store: IndexStore?) throws -> [Guard] {
        try GuardSetLoader.loadAccepted(workTree: workTree, store: store).guards
    }

    /// The guards `change` can trip, read through the index's cache of the file when there is an index.
    public func guardSet(touching change: ChangeSet, store: IndexStore?) throws -> GuardSet {
        try GuardSetLoader.load(workTree: workTree, store: store, touching: change)
    }
}

// MARK: - Changes

extension Workspace {
    /// The change `target` names, read with the configuration's rename settings.
    public func change(_ target: CheckTarget) throws -> ChangeSet {
        var change = try git.changeSet(for: target, options: configuration.history)
        // The index knows people after `.mailmap`; so must the change's author.
        if let author = change.author, let mailmap = try? Mailmap(repository: git) {
            change.author = mailmap.resolve(author)
        }
        return change
    }

    /// The base side of `change` for `--new-only`: each changed file's text at the base commit.
    public func baseline(of change: ChangeSet) throws -> ChangeSet {
        guard let base = change.base else { return change.baseline(baseTexts: [:]) }
        var texts: [RepoPath: String] = [:]
        for file in change.files where file.status != .added {
            let path = file.oldPath ?? file.path
            texts[path] = try git.fileText(at: path, in: base)
        }
        return change.baseline(baseTexts: texts)
    }
}
