import CLibGit2
import Foundation
import HindsightCore

/// An open repository; frees its libgit2 handle when released. Use one per thread.
public final class GitRepository {
    let handle: OpaquePointer

    /// The repository's git directory (for a linked worktree, its private one).
    public let gitDirectory: URL
    /// The directory shared by all worktrees, where hooks and the hindsight index live.
    public let commonDirectory: URL
    /// The work tree's root; nil for a bare repository.
    public let workTree: URL?

    /// Answers which paths `.gitattributes` marks binary; share one across a mine's handles.
    private let attributes: AttributeCache

    /// Opens the repository at or above `path`.
    ///
    /// - Parameters:
    ///   - fromEnvironment: honour `GIT_DIR`, `GIT_INDEX_FILE` and friends, as a hook must.
    ///   - attributes: a cache of binary attributes shared with other handles on the same work tree.
    public init(
        path: String, fromEnvironment: Bool = false, attributes: AttributeCache = AttributeCache()
    ) throws(GitError) {
        self.attributes = attributes
        GitLibrary.ensureInitialized()
        var raw: OpaquePointer?
        let flags = fromEnvironment ? GIT_REPOSITORY_OPEN_FROM_ENV.rawValue : 0
        let code = git_repository_open_ext(&raw, fromEnvironment ? nil : path, flags, nil)
        if code == GIT_ENOTFOUND.rawValue { throw .notARepository(path: path) }
        try check(code, "open the repository at \(path)")
        guard let raw else { throw .unexpectedNil("git_repository_open_ext") }
        handle = raw
        gitDirectory = URL(fileURLWithPath: String(cString: git_repository_path(raw)), isDirectory: true)
        commonDirectory = URL(fileURLWithPath: String(cString: git_repository_commondir(raw)), isDirectory: true)
        workTree = git_repository_workdir(raw).map { URL(fileURLWithPath: String(cString: $0), isDirectory: true) }
    }

    deinit { git_repository_free(handle) }

    /// Gives this handle an empty in-memory index, so `.gitattributes` answers come from the work
    /// tree's files, `info/attributes` and the global and system files, never from the index.
    /// Loading the index hashes the whole file (461 KB on git's own history): a sixth of a
    /// one-commit mine. Only a `.gitattributes` staged but deleted from the work tree goes unread.
    /// For handles that read history only; a handle that reads the staged change must not call it.
    public func readAttributesWithoutTheIndex() throws(GitError) {
        guard workTree != nil else { return }
        var index: OpaquePointer?
        try check(git_index_new(&index), "create an in-memory index")
        guard let index else { throw .unexpectedNil("git_index_new") }
        defer { git_index_free(index) }
        try check(git_repository_set_index(handle, index), "set the in-memory index")
    }

    /// Blob reads and the attribute cache for line counting; this repository's thread only.
    private(set) lazy var contentReader = ContentReader(repository: handle, attributes: attributes)

    /// Whether the repository has no work tree.
    public var isBare: Bool { git_repository_is_bare(handle) != 0 }

    /// The linked libgit2 version.
    public static var libgit2Version: String {
        GitLibrary.ensureInitialized()
        return GitLibrary.version
    }

    /// The commit that `revision` names (HEAD when nil); nil when HEAD is unborn.
    public func resolveCommit(_ revision: String? = nil) throws(GitError) -> CommitID? {
        guard let revision else {
            if git_repository_head_unborn(handle) == 1 { return nil }
            var oid = git_oid()
            let code = git_reference_name_to_id(&oid, handle, "HEAD")
            if code == GIT_ENOTFOUND.rawValue || code == GIT_EUNBORNBRANCH.rawValue { return nil }
            try check(code, "resolve HEAD")
            return oid.commitID
        }
        var object: OpaquePointer?
        guard git_revparse_single(&object, handle, revision) == 0, let object else {
            throw .unknownRevision(revision)
        }
        defer { git_object_free(object) }
        var peeled: OpaquePointer?
        guard git_object_peel(&peeled, object, GIT_OBJECT_COMMIT) == 0, let peeled else {
            throw .unknownRevision(revision)
        }
        defer { git_object_free(peeled) }
        guard let id = git_object_id(peeled) else { throw .unexpectedNil("git_object_id") }
        return id.pointee.commitID
    }

    /// Commits listed in the `shallow` file: a shallow clone's cut-off, whose parents are missing.
    public func shallowBoundary() -> Set<CommitID> {
        let file = commonDirectory.appendingPathComponent("shallow")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return [] }
        return Set(text.split(whereSeparator: \.isNewline).compactMap { CommitID(hex: String($0)) })
    }

    /// Whether this is a partial clone (`--filter`), which libgit2 cannot read in full.
    public var isPartialClone: Bool { configValue("extensions.partialclone") != nil }

    /// Runs `body` with a looked-up commit; the commit is freed when `body` returns.
    func withCommit<T>(_ id: CommitID, _ body: (OpaquePointer) throws(GitError) -> T) throws(GitError) -> T {
        var oid = try git_oid(id)
        var commit: OpaquePointer?
        let code = git_commit_lookup(&commit, handle, &oid)
        guard code == 0, let commit else {
            throw .corruptObject(id: id.hex, detail: code == 0 ? "no object returned" : lastErrorMessage())
        }
        defer { git_commit_free(commit) }
        return try body(commit)
    }

    /// The parent ids of a commit, in order.
    public func parents(of id: CommitID) throws(GitError) -> [CommitID] {
        try withCommit(id) { commit in Self.parentIDs(of: commit) }
    }

    static func parentIDs(of commit: OpaquePointer) -> [CommitID] {
        (0..<git_commit_parentcount(commit)).compactMap { git_commit_parent_id(commit, $0)?.pointee.commitID }
    }
}

extension GitRepository {
    /// Every commit reachable from `tip`, parents before children, through libgit2's revision walk
    /// (which parses only commit headers). Not for shallow clones: libgit2 1.5 fails at their cut-off.
    public func ancestry(of tip: CommitID) throws(GitError) -> [CommitID] {
        var walker: OpaquePointer?
        try check(git_revwalk_new(&walker, handle), "start a revision walk")
        guard let walker else { throw .unexpectedNil("git_revwalk_new") }
        defer { git_revwalk_free(walker) }
        try check(
            git_revwalk_sorting(walker, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_REVERSE.rawValue), "sort the walk")
        var start = try git_oid(tip)
        try check(git_revwalk_push(walker, &start), "walk from \(tip)")
        var ids: [CommitID] = []
        var oid = git_oid()
        while true {
            let code = git_revwalk_next(&oid, walker)
            if code == GIT_ITEROVER.rawValue { return ids }
            if code < 0 { throw .corruptObject(id: oid.hex, detail: lastErrorMessage()) }
            ids.append(oid.commitID)
        }
    }
}
