import CLibGit2
import Foundation
import HindsightCore

extension GitRepository {
    /// The change `target` names, with every added and removed line, as `git diff -U0 -M` shows it.
    /// Reads objects and the index only; never writes the work tree, the index or the object store.
    ///
    /// - Parameter indexFile: for `.staged`, the index file to read instead of the repository's own.
    ///   A pre-commit hook passes `GIT_INDEX_FILE` here (git sets it for `git commit -a` and
    ///   `git commit <paths>`); a repository opened with `fromEnvironment: true` already reads it.
    /// - Throws: `.unknownRevision` for a name that resolves to no commit; `.libgit2` when `.base`
    ///   shares no history with `HEAD` or the commits of a range cannot be listed (a shallow clone).
    public func changeSet(
        for target: CheckTarget, options: HistoryOptions, indexFile: URL? = nil
    ) throws(GitError) -> ChangeSet {
        switch target {
        case .staged:
            if indexFile == nil, isBare {
                throw .libgit2(
                    action: "read staged changes", code: GIT_EBAREREPO.rawValue,
                    message: "a bare repository has no index. Check a commit or a range instead")
            }
            let head = try resolveCommit()
            let oldTree = try head.map { id throws(GitError) in try treeID(of: id) }
            let files = try changedFiles(from: oldTree, to: .index(indexFile), options: options)
            return ChangeSet(description: "staged changes", files: files, base: head, author: configuredIdentity())
        case .commit(let revision):
            let id = try requireCommit(revision)
            let (tree, parent) = try withCommit(id) { commit throws(GitError) in
                (try Self.treeID(of: commit, id), git_commit_parent_id(commit, 0)?.pointee.commitID)
            }
            let oldTree = try parent.map { id throws(GitError) in try treeID(of: id) }
            let files = try changedFiles(from: oldTree, to: .tree(tree), options: options)
            return ChangeSet(
                description: "commit \(id.hex.prefix(7))", files: files, messages: [try message(of: id)], base: parent,
                author: try commit(id).author)
        case .range(let from, let to):
            let (old, new) = (try requireCommit(from), try requireCommit(to))
            return ChangeSet(
                description: "\(from)..\(to)",
                files: try changedFiles(from: try treeID(of: old), to: .tree(try treeID(of: new)), options: options),
                messages: try messages(reachableFrom: new, hiding: old, range: "\(from)..\(to)"),
                base: old, author: try commit(new).author)
        case .base(let base):
            let head = try requireCommit("HEAD")
            let baseID = try requireCommit(base)
            let start = try mergeBase(of: baseID, and: head, naming: base)
            return ChangeSet(
                description: "\(base)...HEAD",
                files: try changedFiles(from: try treeID(of: start), to: .tree(try treeID(of: head)), options: options),
                messages: try messages(reachableFrom: head, hiding: start, range: "\(base)...HEAD"),
                base: start, author: try commit(head).author)
        }
    }

    /// The identity `git commit` would record: `GIT_AUTHOR_NAME` and `GIT_AUTHOR_EMAIL` when set, as
    /// git reads them first, else `user.name` and `user.email`; nil when none is set.
    public func configuredIdentity() -> Person? {
        let environment = ProcessInfo.processInfo.environment
        if let email = environment["GIT_AUTHOR_EMAIL"], !email.isEmpty {
            return Person(name: environment["GIT_AUTHOR_NAME"] ?? "", email: email)
        }
        var signature: UnsafeMutablePointer<git_signature>?
        guard git_signature_default(&signature, handle) == 0, let signature else { return nil }
        defer { git_signature_free(signature) }
        return Person(signature: signature.pointee)
    }

    // MARK: - Revisions

    private func requireCommit(_ revision: String) throws(GitError) -> CommitID {
        guard let id = try resolveCommit(revision) else { throw .unknownRevision(revision) }
        return id
    }

    func treeID(of id: CommitID) throws(GitError) -> git_oid {
        try withCommit(id) { commit throws(GitError) in try Self.treeID(of: commit, id) }
    }

    private static func treeID(of commit: OpaquePointer, _ id: CommitID) throws(GitError) -> git_oid {
        guard let tree = git_commit_tree_id(commit) else { throw .corruptObject(id: id.hex, detail: "no tree") }
        return tree.pointee
    }

    private func message(of id: CommitID) throws(GitError) -> CommitMessage {
        try withCommit(id) { commit in
            CommitMessage(parsing: git_commit_message(commit).map { String(cString: $0) } ?? "")
        }
    }

    private func mergeBase(of base: CommitID, and head: CommitID, naming name: String) throws(GitError) -> CommitID {
        var result = git_oid()
        var one = try git_oid(base)
        var two = try git_oid(head)
        let code = git_merge_base(&result, handle, &one, &two)
        guard code < 0 else { return result.commitID }
        let action = "find the merge base of \(name) and HEAD"
        let detail = lastErrorMessage()
        if !shallowBoundary().isEmpty {
            throw .libgit2(action: action, code: code, message: "\(detail). \(Self.shallowHint)")
        }
        if code == GIT_ENOTFOUND.rawValue {
            throw .libgit2(
                action: action, code: code, message: "they share no history. Check that \(name) is the right base")
        }
        throw .libgit2(action: action, code: code, message: detail)
    }

    private static let shallowHint =
        "The clone is shallow: fetch more history (`git fetch --unshallow`, or `fetch-depth: 0` in CI)"

    /// Messages of the commits reachable from `tip` and not from `hidden`, in `git log` order.
    private func messages(
        reachableFrom tip: CommitID, hiding hidden: CommitID, range: String
    ) throws(GitError) -> [CommitMessage] {
        var walker: OpaquePointer?
        try check(git_revwalk_new(&walker, handle), "start a revision walk")
        guard let walker else { throw .unexpectedNil("git_revwalk_new") }
        defer { git_revwalk_free(walker) }
        var start = try git_oid(tip)
        var stop = try git_oid(hidden)
        try check(git_revwalk_push(walker, &start), "walk from \(tip)")
        try check(git_revwalk_hide(walker, &stop), "hide \(hidden)")
        var messages: [CommitMessage] = []
        var oid = git_oid()
        while true {
            let code = git_revwalk_next(&oid, walker)
            if code == GIT_ITEROVER.rawValue { return messages }
            if code < 0 {
                let detail = lastErrorMessage()
                let hint = shallowBoundary().isEmpty ? "" : ". \(Self.shallowHint)"
                throw .libgit2(action: "list the commits of \(range)", code: code, message: detail + hint)
            }
            messages.append(try message(of: oid.commitID))
        }
    }

    // MARK: - Diff

    /// The newer side of a diff: a tree (nil: the empty tree), or an index (nil: the repository's own).
    private enum NewSide {
        case tree(git_oid?)
        case index(URL?)
    }

    /// Every changed file from `oldTree` (nil: the empty tree) to `newSide`, renames paired, in git's path order.
    private func changedFiles(
        from oldTree: git_oid?, to newSide: NewSide, options: HistoryOptions
    ) throws(GitError) -> [ChangedFile] {
        let index = try openIndex(for: newSide)
        defer { git_index_free(index) }
        let diff = try diff(from: oldTree, to: newSide, index: index)
        defer { git_diff_free(diff) }
        contentReader.missingBlobsAreBinary = options.missingBlobsAreBinary
        if options.detectRenames {
            do {
                try findRenames(in: diff, options: options)
            } catch .libgit2(_, let code, _) where code == GIT_ENOTFOUND.rawValue && options.missingBlobsAreBinary {
                // Similarity needs every blob; without one, the files stay unpaired, as mining leaves them.
            }
        }
        let reader = PatchReader(contents: contentReader)
        var files: [ChangedFile] = []
        for position in 0..<git_diff_num_deltas(diff) {
            guard let delta = git_diff_get_delta(diff, position)?.pointee, let change = PendingChange(delta) else {
                continue
            }
            if let index, change.status == .added, Self.isIntentToAdd(change.delta.path, in: index) { continue }
            files.append(try reader.changedFile(change))
        }
        // libgit2 sorts case-insensitively when the index ignores case; git always orders by bytes.
        return files.sorted { $0.path < $1.path }
    }

    /// The index to diff against, re-read from disk; nil when the newer side is a tree.
    private func openIndex(for newSide: NewSide) throws(GitError) -> OpaquePointer? {
        guard case .index(let file) = newSide else { return nil }
        var index: OpaquePointer?
        if let file {
            try check(git_index_open(&index, file.path), "open the index file \(file.path)")
        } else {
            // The repository's index: `.git/index`, or GIT_INDEX_FILE's when opened from the environment.
            try check(git_repository_index(&index, handle), "open the index")
            guard let index else { throw .unexpectedNil("git_repository_index") }
            do throws(GitError) {
                try check(git_index_read(index, 0), "read the index")
            } catch {
                git_index_free(index)
                throw error
            }
        }
        guard let index else { throw .unexpectedNil("git_index_open") }
        return index
    }

    /// Whether `path` was staged with `git add -N`, which `git diff --cached` does not show.
    private static func isIntentToAdd(_ path: [UInt8], in index: OpaquePointer) -> Bool {
        let cPath = path.map { CChar(bitPattern: $0) } + [0]
        guard let entry = git_index_get_bypath(index, cPath, 0) else { return false }
        return entry.pointee.flags_extended & UInt16(GIT_INDEX_ENTRY_INTENT_TO_ADD.rawValue) != 0
    }

    private func diff(
        from oldTree: git_oid?, to newSide: NewSide, index: OpaquePointer?
    ) throws(GitError) -> OpaquePointer {
        let old = try oldTree.map { oid throws(GitError) in try lookupTree(oid) }
        defer { git_tree_free(old) }
        var options = git_diff_options()
        git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION))
        options.flags = GIT_DIFF_INCLUDE_TYPECHANGE.rawValue
        options.context_lines = 0
        var diff: OpaquePointer?
        if case .tree(let newTree) = newSide {
            let new = try newTree.map { oid throws(GitError) in try lookupTree(oid) }
            defer { git_tree_free(new) }
            try check(git_diff_tree_to_tree(&diff, handle, old, new, &options), "diff two trees")
        } else {
            try check(git_diff_tree_to_index(&diff, handle, old, index, &options), "diff HEAD against the index")
        }
        guard let diff else { throw .unexpectedNil("git_diff") }
        return diff
    }

    /// Pairs renames as `git diff -M` does: every exact rename, then inexact ones unless the files
    /// left unpaired (added × deleted) exceed the limit squared. libgit2's own limit caps sources per
    /// target, so it is raised to the delta count; left 0 it would read the user's `diff.renameLimit`.
    private func findRenames(in diff: OpaquePointer, options: HistoryOptions) throws(GitError) {
        // Only regular files: libgit2 never renames symlinks, and git's limit counts files.
        var added: [String: Int] = [:]
        var deleted: [String: Int] = [:]
        for position in 0..<git_diff_num_deltas(diff) {
            guard let delta = git_diff_get_delta(diff, position)?.pointee else { continue }
            if delta.status == GIT_DELTA_ADDED, Self.isRegularFile(delta.new_file) {
                added[delta.new_file.id.hex, default: 0] += 1
            } else if delta.status == GIT_DELTA_DELETED, Self.isRegularFile(delta.old_file) {
                deleted[delta.old_file.id.hex, default: 0] += 1
            }
        }
        guard !added.isEmpty, !deleted.isEmpty else { return }
        let (addedCount, deletedCount) = (added.values.reduce(0, +), deleted.values.reduce(0, +))
        let exact = added.reduce(0) { sum, entry in sum + min(entry.value, deleted[entry.key] ?? 0) }
        let (sources, targets) = (deletedCount - exact, addedCount - exact)
        var find = git_diff_find_options()
        git_diff_find_options_init(&find, UInt32(GIT_DIFF_FIND_OPTIONS_VERSION))
        find.flags = GIT_DIFF_FIND_RENAMES.rawValue | GIT_DIFF_FIND_DONT_IGNORE_WHITESPACE.rawValue
        if sources * targets > options.renameLimit * options.renameLimit {
            find.flags |= GIT_DIFF_FIND_EXACT_MATCH_ONLY.rawValue
        }
        find.rename_threshold = UInt16(clamping: min(max(options.renameThreshold, 1), 100))
        find.rename_limit = max(addedCount, deletedCount)
        try check(git_diff_find_similar(diff, &find), "detect renames")
    }

    private static func isRegularFile(_ file: git_diff_file) -> Bool {
        EntryKind(mode: git_filemode_t(rawValue: UInt32(file.mode))) == .file
    }

    private func lookupTree(_ oid: git_oid) throws(GitError) -> OpaquePointer {
        var id = oid
        var tree: OpaquePointer?
        let code = git_tree_lookup(&tree, handle, &id)
        guard code == 0, let tree else { throw .corruptObject(id: oid.hex, detail: lastErrorMessage()) }
        return tree
    }
}
