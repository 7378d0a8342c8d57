import CLibGit2
import Foundation
import HindsightCore

/// Lines added and deleted between two contents, or the binary marker, as `git diff --numstat` counts them.
struct LineCounts: Equatable {
    var added = 0
    var deleted = 0
    var isBinary = false
    /// The changed regions, for a diff of two text contents.
    var hunks: [Hunk] = []

    static let binary = LineCounts(isBinary: true)
}

/// Counts changed lines with libgit2's xdiff (git's default Myers algorithm, so counts equal git's).
enum LineCounter {
    /// git decides "binary" by a NUL byte within the first 8000 bytes.
    static let binarySniffLength = 8000

    static func looksBinary(_ content: UnsafeRawBufferPointer) -> Bool {
        guard let base = content.baseAddress else { return false }
        return memchr(base, 0, min(content.count, binarySniffLength)) != nil
    }

    /// The number of lines in `content`; a last line without a newline counts.
    static func lineCount(_ content: UnsafeRawBufferPointer) -> Int {
        guard let base = content.baseAddress, content.count > 0 else { return 0 }
        var count = 0
        var cursor = base
        var remaining = content.count
        while remaining > 0, let found = memchr(cursor, 0x0a, remaining) {
            count += 1
            let consumed = cursor.distance(to: UnsafeRawPointer(found)) + 1
            cursor = UnsafeRawPointer(found) + 1
            remaining -= consumed
        }
        return remaining > 0 ? count + 1 : count
    }

    /// Added and deleted lines between two text contents. Blobs are diffed as blobs: libgit2's
    /// buffer diff would SHA-1 both buffers first, which profiling showed as a sixth of mining time.
    static func diff(old: Content, new: Content) throws(GitError) -> LineCounts {
        var options = git_diff_options()
        git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION))
        options.context_lines = 0
        options.interhunk_lines = 0
        options.flags = GIT_DIFF_FORCE_TEXT.rawValue
        var counts = LineCounts()
        // With no context, each hunk spans exactly its changed lines, so summing hunk sizes is numstat.
        let onHunk: git_diff_hunk_cb = { _, hunk, payload in
            guard let hunk, let totals = payload?.assumingMemoryBound(to: LineCounts.self) else { return 0 }
            totals.pointee.added += Int(hunk.pointee.new_lines)
            totals.pointee.deleted += Int(hunk.pointee.old_lines)
            totals.pointee.hunks.append(
                Hunk(
                    oldStart: Int(hunk.pointee.old_start), oldLines: Int(hunk.pointee.old_lines),
                    newStart: Int(hunk.pointee.new_start), newLines: Int(hunk.pointee.new_lines)))
            return 0
        }
        // An empty (not nil) path makes libgit2 skip its diff-driver attribute lookup, which stats
        // attribute files on every call; binary attributes are already decided by ContentReader.
        let code = withUnsafeMutablePointer(to: &counts) { payload in
            if let oldBlob = old.blob, let newBlob = new.blob {
                return git_diff_blobs(oldBlob, "", newBlob, "", &options, nil, nil, onHunk, nil, payload)
            }
            return git_diff_buffers(
                old.bytes.baseAddress, old.bytes.count, "", new.bytes.baseAddress, new.bytes.count, "", &options,
                nil, nil, onHunk, nil, payload)
        }
        try check(code, "diff two file contents")
        return counts
    }
}
