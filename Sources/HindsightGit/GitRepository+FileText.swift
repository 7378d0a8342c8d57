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
        try withBlob(at: path, in: commit) { bytes in
            LineCounter.looksBinary(bytes) ? nil : LineCounter.lineCount(bytes)
        } ?? nil
    }

    /// `body` over the bytes of the regular file at `path` in `commit`; nil when there is none.
    private func withBlob<T>(
        at path: RepoPath, in commit: CommitID, _ body: (UnsafeRawBufferPointer) -> T
    ) throws(GitError) -> T? {
        try withCommit(commit) { commitHandle throws(GitError) -> T? in
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
            var blob: OpaquePointer?
            var blobID = oid.pointee
            try check(git_blob_lookup(&blob, handle, &blobID), "read \(path) at \(commit.short)")
            defer { git_blob_free(blob) }
            let size = Int(git_blob_rawsize(blob))
            guard let raw = git_blob_rawcontent(blob) else { return body(UnsafeRawBufferPointer(start: nil, count: 0)) }
            return body(UnsafeRawBufferPointer(start: raw, count: size))
        }
    }
}
