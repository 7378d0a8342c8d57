import CLibGit2
import Foundation

/// A tree entry's kind, from its file mode.
enum EntryKind: Equatable {
    case tree, file, symlink, gitlink

    init(mode: git_filemode_t) {
        switch mode {
        case GIT_FILEMODE_TREE: self = .tree
        case GIT_FILEMODE_LINK: self = .symlink
        case GIT_FILEMODE_COMMIT: self = .gitlink
        default: self = .file
        }
    }
}

/// One side of a changed path: the object and its mode.
struct BlobSide {
    var oid: git_oid
    var kind: EntryKind
}

/// A path whose content or mode differs between two trees (never a tree itself).
struct RawDelta {
    var path: [UInt8]
    var old: BlobSide?
    var new: BlobSide?
}

/// Compares two trees entry by entry, descending only into subtrees whose ids differ, as git's
/// tree diff does; much cheaper than a general diff because equal subtrees are skipped unread.
struct TreeComparer {
    let repository: OpaquePointer

    /// The changed non-tree paths between `old` and `new` (either may be nil: the empty tree), in git's order.
    func compare(old: git_oid?, new: git_oid?) throws(GitError) -> [RawDelta] {
        var deltas: [RawDelta] = []
        try compare(old: old, new: new, prefix: [], into: &deltas)
        return deltas
    }

    private func compare(old: git_oid?, new: git_oid?, prefix: [UInt8], into deltas: inout [RawDelta]) throws(GitError)
    {
        let oldTree = try old.map { oid throws(GitError) in try lookupTree(oid) }
        defer { git_tree_free(oldTree) }
        let newTree = try new.map { oid throws(GitError) in try lookupTree(oid) }
        defer { git_tree_free(newTree) }

        let oldCount = oldTree.map { git_tree_entrycount($0) } ?? 0
        let newCount = newTree.map { git_tree_entrycount($0) } ?? 0
        var i = 0
        var j = 0
        while i < oldCount || j < newCount {
            let oldEntry = i < oldCount ? oldTree.flatMap { git_tree_entry_byindex($0, i) } : nil
            let newEntry = j < newCount ? newTree.flatMap { git_tree_entry_byindex($0, j) } : nil
            let order: Int32
            switch (oldEntry, newEntry) {
            case (let o?, let n?): order = Self.compareEntries(o, n)
            case (_?, nil): order = -1
            case (nil, _?): order = 1
            case (nil, nil): return
            }
            if order < 0, let oldEntry {
                try emit(old: oldEntry, new: nil, prefix: prefix, into: &deltas)
                i += 1
            } else if order > 0, let newEntry {
                try emit(old: nil, new: newEntry, prefix: prefix, into: &deltas)
                j += 1
            } else {
                try emit(old: oldEntry, new: newEntry, prefix: prefix, into: &deltas)
                i += 1
                j += 1
            }
        }
    }

    private func emit(
        old: OpaquePointer?, new: OpaquePointer?, prefix: [UInt8], into deltas: inout [RawDelta]
    ) throws(GitError) {
        let oldSide = old.flatMap(Self.side)
        let newSide = new.flatMap(Self.side)
        if let o = oldSide, let n = newSide, o.kind == n.kind, o.oid == n.oid,
            git_tree_entry_filemode(old) == git_tree_entry_filemode(new)
        {
            return
        }
        guard let entry = new ?? old, let name = git_tree_entry_name(entry) else { return }
        let path = prefix + bytes(ofCString: name)
        let oldIsTree = oldSide?.kind == .tree
        let newIsTree = newSide?.kind == .tree
        if oldIsTree || newIsTree {
            // Entries with equal names always share a kind class here (git sorts trees as "name/"),
            // so a tree is compared with a tree or with nothing.
            try compare(
                old: oldIsTree ? oldSide?.oid : nil, new: newIsTree ? newSide?.oid : nil,
                prefix: path + [UInt8(ascii: "/")], into: &deltas)
            return
        }
        deltas.append(RawDelta(path: path, old: oldSide, new: newSide))
    }

    private static func side(_ entry: OpaquePointer) -> BlobSide? {
        guard let id = git_tree_entry_id(entry) else { return nil }
        return BlobSide(oid: id.pointee, kind: EntryKind(mode: git_tree_entry_filemode(entry)))
    }

    private func lookupTree(_ oid: git_oid) throws(GitError) -> OpaquePointer {
        var id = oid
        var tree: OpaquePointer?
        let code = git_tree_lookup(&tree, repository, &id)
        guard code == 0, let tree else {
            throw .corruptObject(id: oid.hex, detail: code == 0 ? "no tree returned" : lastErrorMessage())
        }
        return tree
    }

    /// git's tree order: names compare bytewise, a tree's name as if followed by "/".
    private static func compareEntries(_ a: OpaquePointer, _ b: OpaquePointer) -> Int32 {
        guard let nameA = git_tree_entry_name(a), let nameB = git_tree_entry_name(b) else { return 0 }
        let lengthA = strlen(nameA)
        let lengthB = strlen(nameB)
        let common = min(lengthA, lengthB)
        let order = memcmp(nameA, nameB, common)
        if order != 0 { return order }
        let nextA =
            lengthA > common
            ? Int32(UInt8(bitPattern: nameA[common]))
            : (git_tree_entry_filemode(a) == GIT_FILEMODE_TREE ? Int32(UInt8(ascii: "/")) : 0)
        let nextB =
            lengthB > common
            ? Int32(UInt8(bitPattern: nameB[common]))
            : (git_tree_entry_filemode(b) == GIT_FILEMODE_TREE ? Int32(UInt8(ascii: "/")) : 0)
        return nextA - nextB
    }
}
