import CLibGit2
import Foundation
import HindsightCore

/// One file of a libgit2 diff, before its lines are read.
struct PendingChange {
    var status: ChangeStatus
    var oldPath: [UInt8]?
    var delta: RawDelta

    /// The change a libgit2 delta describes; nil for what `git diff` does not list as a change
    /// (unmerged paths, and untracked, ignored or unmodified entries).
    init?(_ delta: git_diff_delta) {
        let old = Self.side(delta.old_file)
        let new = Self.side(delta.new_file)
        guard let newPath = delta.new_file.path.map(bytes(ofCString:)) else { return nil }
        switch delta.status {
        case GIT_DELTA_ADDED: (status, self.delta) = (.added, RawDelta(path: newPath, old: nil, new: new))
        case GIT_DELTA_MODIFIED: (status, self.delta) = (.modified, RawDelta(path: newPath, old: old, new: new))
        case GIT_DELTA_TYPECHANGE: (status, self.delta) = (.typeChanged, RawDelta(path: newPath, old: old, new: new))
        case GIT_DELTA_RENAMED:
            guard let oldPath = delta.old_file.path.map(bytes(ofCString:)) else { return nil }
            (status, self.oldPath, self.delta) = (.renamed, oldPath, RawDelta(path: newPath, old: old, new: new))
        case GIT_DELTA_DELETED:
            guard let oldPath = delta.old_file.path.map(bytes(ofCString:)) else { return nil }
            (status, self.delta) = (.deleted, RawDelta(path: oldPath, old: old, new: nil))
        default: return nil
        }
    }

    private static func side(_ file: git_diff_file) -> BlobSide {
        BlobSide(oid: file.id, kind: EntryKind(mode: git_filemode_t(rawValue: UInt32(file.mode))))
    }
}

/// Reads the added and removed lines of changed files as `git diff -U0` prints them, deciding
/// "binary" exactly as mining does (`binary`/`-diff` attributes, or a NUL in the first 8000 bytes).
struct PatchReader {
    let contents: ContentReader

    /// The file with its lines (none for a binary file).
    func changedFile(_ change: PendingChange) throws(GitError) -> ChangedFile {
        let delta = change.delta
        let sides = [delta.old.map { (change.oldPath ?? delta.path, $0) }, delta.new.map { (delta.path, $0) }]
        let markedBinary = sides.contains { side in
            side.map { contents.isMarkedBinary(path: $0.0, kind: $0.1.kind) } ?? false
        }
        let lines = try withContent(delta.old) { old throws(GitError) in
            try withContent(delta.new) { new throws(GitError) -> CollectedLines? in
                if markedBinary
                    || [old, new].contains(where: {
                        $0.map { $0.isMissing || LineCounter.looksBinary($0.bytes) } ?? false
                    })
                {
                    return nil
                }
                return try Self.lines(old: old, new: new)
            }
        }
        return ChangedFile(
            status: change.status, oldPath: change.oldPath.map(RepoPath.init(bytes:)),
            path: RepoPath(bytes: delta.path),
            isBinary: lines == nil, added: lines?.added ?? [], removed: lines?.removed ?? [])
    }

    /// Runs `body` with the side's content, or with nil for an absent side.
    private func withContent<T>(_ side: BlobSide?, _ body: (Content?) throws(GitError) -> T) throws(GitError) -> T {
        guard let side else { return try body(nil) }
        return try contents.withContent(side) { content throws(GitError) in try body(content) }
    }

    /// Lines collected from libgit2's line callback.
    private struct CollectedLines {
        var added: [DiffLine] = []
        var removed: [DiffLine] = []
    }

    /// Every added and removed line between two text contents (nil: empty).
    private static func lines(old: Content?, new: Content?) throws(GitError) -> CollectedLines {
        var options = git_diff_options()
        git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION))
        options.context_lines = 0
        options.interhunk_lines = 0
        options.flags = GIT_DIFF_FORCE_TEXT.rawValue
        var lines = CollectedLines()
        let onLine: git_diff_line_cb = { _, _, line, payload in
            guard let line = line?.pointee, let lines = payload?.assumingMemoryBound(to: CollectedLines.self) else {
                return 0
            }
            switch UInt8(bitPattern: line.origin) {
            case UInt8(ascii: "+"):
                lines.pointee.added.append(DiffLine(number: Int(line.new_lineno), text: PatchReader.text(of: line)))
            case UInt8(ascii: "-"):
                lines.pointee.removed.append(DiffLine(number: Int(line.old_lineno), text: PatchReader.text(of: line)))
            default: break  // the "\ No newline at end of file" markers
            }
            return 0
        }
        // Empty (not nil) paths keep libgit2 from looking up diff drivers; attributes were decided above.
        let code = withUnsafeMutablePointer(to: &lines) { payload in
            if (old == nil || old?.blob != nil) && (new == nil || new?.blob != nil) {
                return git_diff_blobs(old?.blob, "", new?.blob, "", &options, nil, nil, nil, onLine, payload)
            }
            return git_diff_buffers(
                old?.bytes.baseAddress, old?.bytes.count ?? 0, "", new?.bytes.baseAddress, new?.bytes.count ?? 0, "",
                &options, nil, nil, nil, onLine, payload)
        }
        try check(code, "diff two file contents")
        return lines
    }

    /// A line's text without its newline; bytes that are not UTF-8 become U+FFFD.
    static func text(of line: git_diff_line) -> String {
        guard let start = line.content else { return "" }
        var length = line.content_len
        if length > 0, start[length - 1] == 0x0a { length -= 1 }
        return String(decoding: UnsafeRawBufferPointer(start: start, count: length), as: UTF8.self)
    }
}
