import CLibGit2
import Foundation

/// Bytes to diff, and the blob they belong to (nil for a gitlink's synthesized line).
struct Content {
    var bytes: UnsafeRawBufferPointer
    var blob: OpaquePointer?
    /// The object database lacks the blob (read as binary when `missingBlobsAreBinary`).
    var isMissing = false
}

/// Reads blob contents and attributes for line counting; one per thread, like its repository.
final class ContentReader {
    private let repository: OpaquePointer
    private let attributes: AttributeCache
    /// Hand a blob the object database lacks to the body as missing (empty) instead of failing.
    var missingBlobsAreBinary = false

    init(repository: OpaquePointer, attributes: AttributeCache) {
        self.repository = repository
        self.attributes = attributes
    }

    /// Runs `body` with the bytes git diffs for `side`: a blob's content, or a gitlink's
    /// `Subproject commit <id>` line.
    func withContent<T>(_ side: BlobSide, _ body: (Content) throws(GitError) -> T) throws(GitError) -> T {
        if side.kind == .gitlink {
            let text = Array("Subproject commit \(side.oid.hex)\n".utf8)
            let result = text.withUnsafeBytes { buffer in
                Result { () throws(GitError) in try body(Content(bytes: buffer, blob: nil)) }
            }
            return try result.get()
        }
        var oid = side.oid
        var blob: OpaquePointer?
        let code = git_blob_lookup(&blob, repository, &oid)
        if code == GIT_ENOTFOUND.rawValue {
            guard missingBlobsAreBinary else { throw .missingBlob(id: side.oid.hex) }
            return try body(Content(bytes: UnsafeRawBufferPointer(start: nil, count: 0), blob: nil, isMissing: true))
        }
        guard code == 0, let blob else {
            throw .corruptObject(id: side.oid.hex, detail: code == 0 ? "no blob returned" : lastErrorMessage())
        }
        defer { git_blob_free(blob) }
        let buffer = UnsafeRawBufferPointer(start: git_blob_rawcontent(blob), count: Int(git_blob_rawsize(blob)))
        return try body(Content(bytes: buffer, blob: blob))
    }

    /// Whether `.gitattributes` marks a regular file as not diffable (`binary` or `-diff`), as git honours.
    func isMarkedBinary(path: [UInt8], kind: EntryKind) -> Bool {
        guard kind == .file else { return false }
        return attributes.isBinary(path) {
            var value: UnsafePointer<CChar>?
            let cPath = path.map { CChar(bitPattern: $0) } + [0]
            let found = git_attr_get(&value, repository, 0, cPath, "diff") == 0
            return found && git_attr_value(value) == GIT_ATTR_VALUE_FALSE
        }
    }

    /// numstat counts for one delta (either side may be absent).
    func counts(for delta: RawDelta, oldPath: [UInt8]? = nil) throws(GitError) -> LineCounts {
        let markedBinary = [
            delta.old.map { (oldPath ?? delta.path, $0.kind) }, delta.new.map { (delta.path, $0.kind) },
        ]
        .compactMap { $0 }
        .contains { isMarkedBinary(path: $0.0, kind: $0.1) }
        switch (delta.old, delta.new) {
        case (let old?, let new?):
            return try withContent(old) { oldContent throws(GitError) in
                try withContent(new) { newContent throws(GitError) in
                    if markedBinary || oldContent.isMissing || newContent.isMissing
                        || LineCounter.looksBinary(oldContent.bytes) || LineCounter.looksBinary(newContent.bytes)
                    {
                        return .binary
                    }
                    return try LineCounter.diff(old: oldContent, new: newContent)
                }
            }
        case (let old?, nil):
            return try withContent(old) { content in
                markedBinary || content.isMissing || LineCounter.looksBinary(content.bytes)
                    ? .binary : LineCounts(deleted: LineCounter.lineCount(content.bytes))
            }
        case (nil, let new?):
            return try withContent(new) { content in
                markedBinary || content.isMissing || LineCounter.looksBinary(content.bytes)
                    ? .binary : LineCounts(added: LineCounter.lineCount(content.bytes))
            }
        case (nil, nil):
            return LineCounts()
        }
    }
}
