import CLibGit2
import Foundation
import HindsightCore

/// Pairs deleted and added paths into renames the way `git log -M` does: every exact rename first
/// (same blob, unlimited, preferring an equal basename), then inexact ones by libgit2's similarity,
/// skipped when added × deleted exceeds the limit squared (git's `diff.renameLimit` rule).
struct RenameDetector {
    let repository: OpaquePointer
    let options: HistoryOptions

    /// Index pairs (deleted delta, added delta) that are renames.
    func renames(in deltas: [RawDelta], oldTree: git_oid?, newTree: git_oid?) throws(GitError) -> [(old: Int, new: Int)]
    {
        var added = deltas.indices.filter { deltas[$0].old == nil && deltas[$0].new != nil }
        var deleted = deltas.indices.filter { deltas[$0].old != nil && deltas[$0].new == nil }
        guard !added.isEmpty, !deleted.isEmpty else { return [] }

        var pairs = exactRenames(in: deltas, added: added, deleted: deleted)
        let pairedOld = Set(pairs.map(\.old))
        let pairedNew = Set(pairs.map(\.new))
        added.removeAll { pairedNew.contains($0) || deltas[$0].new?.kind != .file }
        deleted.removeAll { pairedOld.contains($0) || deltas[$0].old?.kind != .file }
        guard !added.isEmpty, !deleted.isEmpty, let oldTree, let newTree,
            added.count * deleted.count <= options.renameLimit * options.renameLimit
        else { return pairs }
        pairs += try inexactRenames(in: deltas, added: added, deleted: deleted, oldTree: oldTree, newTree: newTree)
        return pairs
    }

    private func exactRenames(in deltas: [RawDelta], added: [Int], deleted: [Int]) -> [(old: Int, new: Int)] {
        var sourcesByBlob: [String: [Int]] = [:]
        for index in deleted {
            if let old = deltas[index].old { sourcesByBlob[old.oid.hex, default: []].append(index) }
        }
        var pairs: [(old: Int, new: Int)] = []
        for target in added {
            guard let new = deltas[target].new, var sources = sourcesByBlob[new.oid.hex], !sources.isEmpty else {
                continue
            }
            let baseName = Self.baseName(deltas[target].path)
            let choice = sources.firstIndex { Self.baseName(deltas[$0].path) == baseName } ?? 0
            pairs.append((old: sources.remove(at: choice), new: target))
            sourcesByBlob[new.oid.hex] = sources
        }
        return pairs
    }

    private func inexactRenames(
        in deltas: [RawDelta], added: [Int], deleted: [Int], oldTree: git_oid, newTree: git_oid
    ) throws(GitError) -> [(old: Int, new: Int)] {
        var indexByPath: [[UInt8]: Int] = [:]
        for index in added + deleted { indexByPath[deltas[index].path] = index }
        let paths = (added + deleted).map { deltas[$0].path }
        let diff = try restrictedDiff(oldTree: oldTree, newTree: newTree, paths: paths)
        defer { git_diff_free(diff) }

        var find = git_diff_find_options()
        git_diff_find_options_init(&find, UInt32(GIT_DIFF_FIND_OPTIONS_VERSION))
        find.flags = GIT_DIFF_FIND_RENAMES.rawValue | GIT_DIFF_FIND_DONT_IGNORE_WHITESPACE.rawValue
        find.rename_threshold = UInt16(clamping: options.renameThreshold)
        find.rename_limit = max(added.count, deleted.count)
        try check(git_diff_find_similar(diff, &find), "detect renames")

        var pairs: [(old: Int, new: Int)] = []
        for position in 0..<git_diff_num_deltas(diff) {
            guard let delta = git_diff_get_delta(diff, position), delta.pointee.status == GIT_DELTA_RENAMED,
                let oldPath = delta.pointee.old_file.path, let newPath = delta.pointee.new_file.path,
                let old = indexByPath[bytes(ofCString: oldPath)], let new = indexByPath[bytes(ofCString: newPath)]
            else { continue }
            pairs.append((old: old, new: new))
        }
        return pairs
    }

    /// libgit2's diff of two trees limited to `paths`, taken literally (no globbing).
    private func restrictedDiff(oldTree: git_oid, newTree: git_oid, paths: [[UInt8]]) throws(GitError) -> OpaquePointer
    {
        let old = try lookupTree(oldTree)
        defer { git_tree_free(old) }
        let new = try lookupTree(newTree)
        defer { git_tree_free(new) }

        let cStrings = paths.map { path in
            let copy = UnsafeMutablePointer<CChar>.allocate(capacity: path.count + 1)
            for (offset, byte) in path.enumerated() { copy[offset] = CChar(bitPattern: byte) }
            copy[path.count] = 0
            return copy
        }
        defer { for string in cStrings { string.deallocate() } }
        var pointers: [UnsafeMutablePointer<CChar>?] = cStrings
        var options = git_diff_options()
        git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION))
        options.flags = GIT_DIFF_DISABLE_PATHSPEC_MATCH.rawValue
        var diff: OpaquePointer?
        let code = pointers.withUnsafeMutableBufferPointer { buffer in
            options.pathspec = git_strarray(strings: buffer.baseAddress, count: buffer.count)
            return git_diff_tree_to_tree(&diff, repository, old, new, &options)
        }
        try check(code, "diff trees \(oldTree.hex) and \(newTree.hex)")
        guard let diff else { throw .unexpectedNil("git_diff_tree_to_tree") }
        return diff
    }

    private func lookupTree(_ oid: git_oid) throws(GitError) -> OpaquePointer {
        var id = oid
        var tree: OpaquePointer?
        let code = git_tree_lookup(&tree, repository, &id)
        guard code == 0, let tree else { throw .corruptObject(id: oid.hex, detail: lastErrorMessage()) }
        return tree
    }

    private static func baseName(_ path: [UInt8]) -> ArraySlice<UInt8> {
        guard let slash = path.lastIndex(of: UInt8(ascii: "/")) else { return path[...] }
        return path[(slash + 1)...]
    }
}
