import CLibGit2
import Foundation
import HindsightCore

/// A unified diff given as text (`git diff` output), read into the change set `check` runs on.
public enum PatchText {
    /// The files `text` changes, with their added and removed lines, in git's path order. Nothing
    /// is read from or written to a repository: paths, statuses and lines come from the text alone.
    ///
    /// - Throws: `.libgit2` when libgit2 cannot parse the text as a git-style diff.
    public static func changeSet(parsing text: String, description: String = "diff text") throws(GitError) -> ChangeSet
    {
        GitLibrary.ensureInitialized()
        var parsed: OpaquePointer?
        let bytes = Array(quotingRenamePaths(text).utf8)
        let code = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { git_diff_from_buffer(&parsed, $0.baseAddress, $0.count) }
        }
        try check(code, "parse the diff text")
        guard let diff = parsed else { throw .unexpectedNil("git_diff_from_buffer") }
        defer { git_diff_free(diff) }
        var files: [ChangedFile] = []
        for position in 0..<git_diff_num_deltas(diff) {
            guard let delta = git_diff_get_delta(diff, position)?.pointee, let change = PendingChange(delta) else {
                continue
            }
            let isBinary = delta.flags & GIT_DIFF_FLAG_BINARY.rawValue != 0
            let lines: (added: [DiffLine], removed: [DiffLine]) =
                isBinary ? ([], []) : try self.lines(of: diff, at: position)
            files.append(
                ChangedFile(
                    status: change.status, oldPath: change.oldPath.map(RepoPath.init(bytes:)),
                    path: RepoPath(bytes: change.delta.path),
                    isBinary: isBinary, added: lines.added, removed: lines.removed))
        }
        return ChangeSet(description: description, files: joiningTypeChanges(files).sorted { $0.path < $1.path })
    }

    /// `text` with the paths of `rename from`/`rename to` (and copy) lines quoted when they hold a
    /// space: git leaves them bare, and libgit2 1.5's parser stops a bare path at the first space
    /// ("trailing data").
    static func quotingRenamePaths(_ text: String) -> String {
        let prefixes = ["rename from ", "rename to ", "copy from ", "copy to "]
        guard prefixes.contains(where: text.contains) else { return text }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            guard let prefix = prefixes.first(where: line.hasPrefix) else { return line }
            let path = line.dropFirst(prefix.count)
            guard path.contains(" "), !path.hasPrefix("\"") else { return line }
            let escaped = path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return Substring(prefix + "\"" + escaped + "\"")
        }
        return lines.joined(separator: "\n")
    }

    /// A path that changes kind (file ↔ symlink) is one typechange in git's and `check`'s eyes;
    /// `git diff` prints it as a deletion and an addition, which join here.
    private static func joiningTypeChanges(_ files: [ChangedFile]) -> [ChangedFile] {
        var result: [ChangedFile] = []
        for file in files {
            if file.status == .added,
                let index = result.lastIndex(where: { $0.status == .deleted && $0.path == file.path })
            {
                result[index] = ChangedFile(
                    status: .typeChanged, path: file.path, isBinary: result[index].isBinary || file.isBinary,
                    added: file.added, removed: result[index].removed)
            } else {
                result.append(file)
            }
        }
        return result
    }

    /// The added and removed lines of delta `position`, with their line numbers.
    private static func lines(
        of diff: OpaquePointer, at position: Int
    ) throws(GitError) -> (added: [DiffLine], removed: [DiffLine]) {
        var raw: OpaquePointer?
        try check(git_patch_from_diff(&raw, diff, position), "read the diff's file \(position + 1)")
        guard let patch = raw else { return ([], []) }
        defer { git_patch_free(patch) }
        var added: [DiffLine] = []
        var removed: [DiffLine] = []
        for hunk in 0..<git_patch_num_hunks(patch) {
            let count = git_patch_num_lines_in_hunk(patch, hunk)
            guard count > 0 else { continue }
            for index in 0..<Int(count) {
                var line: UnsafePointer<git_diff_line>?
                try check(git_patch_get_line_in_hunk(&line, patch, hunk, index), "read a line of the diff")
                guard let line = line?.pointee else { continue }
                switch UInt8(bitPattern: line.origin) {
                case UInt8(ascii: "+"):
                    added.append(DiffLine(number: Int(line.new_lineno), text: PatchReader.text(of: line)))
                case UInt8(ascii: "-"):
                    removed.append(DiffLine(number: Int(line.old_lineno), text: PatchReader.text(of: line)))
                default: break  // context lines and "\ No newline at end of file"
                }
            }
        }
        return (added, removed)
    }
}
