import CLibGit2
import Foundation

/// Lines added and deleted between two contents, or the binary marker, as `git diff --numstat` counts them.
struct LineCounts: Equatable {
    var added = 0
    var deleted = 0
    var isBinary = false

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

    /// Added and deleted lines between two text contents.
    static func diff(old: UnsafeRawBufferPointer, new: UnsafeRawBufferPointer) throws(GitError) -> LineCounts {
        var options = git_diff_options()
        git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION))
        options.context_lines = 0
        options.interhunk_lines = 0
        options.flags = GIT_DIFF_FORCE_TEXT.rawValue
        var counts = LineCounts()
        // With no context, each hunk spans exactly its changed lines, so summing hunk sizes is numstat.
        let code = withUnsafeMutablePointer(to: &counts) { payload in
            git_diff_buffers(
                old.baseAddress, old.count, nil, new.baseAddress, new.count, nil, &options,
                nil, nil,
                { _, hunk, payload in
                    guard let hunk, let totals = payload?.assumingMemoryBound(to: LineCounts.self) else { return 0 }
                    totals.pointee.added += Int(hunk.pointee.new_lines)
                    totals.pointee.deleted += Int(hunk.pointee.old_lines)
                    return 0
                },
                nil, payload)
        }
        try check(code, "diff two file contents")
        return counts
    }
}
