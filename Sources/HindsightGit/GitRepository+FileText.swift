import CLibGit2
import HindsightCore

extension GitRepository {
    /// The text of the file at `path` in `commit`, or nil when there is no regular file there or it
    /// looks binary (a NUL byte in its first 8000 bytes). Bytes that are not UTF-8 become U+FFFD.
    public func fileText(at path: RepoPath, in commit: CommitID) throws(GitError) -> String? {
        try withBlob(at: path, in: commit) { bytes in
            LineCounter.looksBinary(bytes) ? nil : String(decoding: bytes, as: UTF8.self)
        } ?? nil
    }

    /// The number of lines of the file at `path` in `commit` (a last line without a newline
    /// counts), or nil when there is no regular file there or it looks binary.
    public func lineCount(at path: RepoPath, in commit: CommitID) throws(GitError) -> Int? {
        try withBlob(at: path, in: commit, Self.countLines) ?? nil
    }

    /// `lineCount(at:in:)` through `kept`: a blob counted before is not read again, and one read now
    /// is kept for the next run.
    public func lineCount(at path: RepoPath, in commit: CommitID, kept: any BlobLineCounts) throws(GitError) -> Int? {
        guard let id = try blobID(at: path, in: commit) else { return nil }
        if let known = kept.lineCount(ofBlob: id) { return known }
        let count = try withBlob(id: id, named: path, in: commit, Self.countLines)
        kept.keep(count, ofBlob: id)
        return count
    }

    private static func countLines(_ bytes: UnsafeRawBufferPointer) -> Int? {
        LineCounter.looksBinary(bytes) ? nil : LineCounter.lineCount(bytes)
    }

    /// `body` over the bytes of the regular file at `path` in `commit`; nil when there is none.
    private func withBlob<T>(
        at path: RepoPath, in commit: CommitID, _ body: (UnsafeRawBufferPointer) -> T
    ) throws(GitError) -> T? {
        guard let id = try blobID(at: path, in: commit) else { return nil }
        return try withBlob(id: id, named: path, in: commit, body)
    }

    /// The object id of the regular file (not a link or a tree) at `path` in `commit`; nil when there is none.
    private func blobID(at path: RepoPath, in commit: CommitID) throws(GitError) -> [UInt8]? {
        try withCommit(commit) { commitHandle throws(GitError) -> [UInt8]? in
            var tree: OpaquePointer?
            try check(git_commit_tree(&tree, commitHandle), "read the tree of \(commit.short)")
            defer { git_tree_free(tree) }
            var entry: OpaquePointer?
            let found = (path.bytes.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer { cPath in
                git_tree_entry_bypath(&entry, tree, cPath.baseAddress)
            }
            guard found == 0, let entry else { return nil }
            defer { git_tree_entry_free(entry) }
            guard git_tree_entry_type(entry) == GIT_OBJECT_BLOB, git_tree_entry_filemode(entry) != GIT_FILEMODE_LINK,
                let oid = git_tree_entry_id(entry)
            else { return nil }
            return withUnsafeBytes(of: oid.pointee.id) { Array($0) }
        }
    }

    /// `body` over the bytes of the blob `id` (the file at `path` in `commit`, for the error).
    private func withBlob<T>(
        id: [UInt8], named path: RepoPath, in commit: CommitID, _ body: (UnsafeRawBufferPointer) -> T
    ) throws(GitError) -> T {
        var blobID = git_oid()
        withUnsafeMutableBytes(of: &blobID.id) { target in target.copyBytes(from: id.prefix(target.count)) }
        var blob: OpaquePointer?
        try check(git_blob_lookup(&blob, handle, &blobID), "read \(path) at \(commit.short)")
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        guard let raw = git_blob_rawcontent(blob) else { return body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        return body(UnsafeRawBufferPointer(start: raw, count: size))
    }
}
