/// The change `hindsight check` looks at: staged changes, a commit, a range or a pull request's diff.
public struct ChangeSet: Sendable {
    /// What was checked, for people: "staged changes", "commit 1a2b3c4", "main...HEAD".
    public var description: String
    /// The changed files, in git's path order.
    public var files: [ChangedFile]
    /// The messages of the commits in the change (empty for staged changes), for `Hindsight-Allow:` trailers.
    public var messages: [CommitMessage]
    /// The commit the change is compared against: `HEAD` for staged changes, the parent of a commit, the
    /// start of a range, the merge base of a pull request; nil for a root commit or an unborn branch.
    public var base: CommitID?
    /// Who made the change, as recorded (before `.mailmap`): a commit's author, the newest commit's for
    /// a range or pull request, the configured identity for staged changes; nil when unknown.
    public var author: Person?

    /// A change set from its parts.
    public init(
        description: String, files: [ChangedFile], messages: [CommitMessage] = [], base: CommitID? = nil,
        author: Person? = nil
    ) {
        self.description = description
        self.files = files
        self.messages = messages
        self.base = base
        self.author = author
    }

    /// The base side of this change, as if every line of every changed file had just been added, so
    /// that running the guards on it finds what was already there (`check --new-only`). `baseTexts`
    /// holds each file's text at `base` under its old path; added files and binary files are left out.
    public func baseline(baseTexts: [RepoPath: String]) -> ChangeSet {
        let files = self.files.compactMap { file -> ChangedFile? in
            guard file.status != .added, let text = baseTexts[file.oldPath ?? file.path] else { return nil }
            let lines = Self.lines(of: text).enumerated().map { DiffLine(number: $0.offset + 1, text: $0.element) }
            return ChangedFile(status: file.status, oldPath: file.oldPath, path: file.path, added: lines)
        }
        return ChangeSet(description: "base of \(description)", files: files, base: base)
    }

    /// The lines of `text` split at `\n` as git does, without a trailing `\r`; no empty last line for a
    /// final newline. (Swift reads `\r\n` as one character, so this splits scalars, not characters.)
    static func lines(of text: String) -> [String] {
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            String(line.last == "\r" ? line.dropLast() : line[...])
        }
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}

/// One changed file of a change set, with its added and removed lines.
public struct ChangedFile: Hashable, Sendable {
    /// How the file changed.
    public var status: ChangeStatus
    /// The path before a rename.
    public var oldPath: RepoPath?
    /// The path after the change (for a deletion, the deleted path).
    public var path: RepoPath
    /// Whether git counts the file as binary (then no lines are listed).
    public var isBinary: Bool
    /// Added lines with their line numbers in the new file, in order.
    public var added: [DiffLine]
    /// Removed lines with their line numbers in the old file, in order.
    public var removed: [DiffLine]

    /// A changed file from its parts.
    public init(
        status: ChangeStatus, oldPath: RepoPath? = nil, path: RepoPath, isBinary: Bool = false,
        added: [DiffLine] = [], removed: [DiffLine] = []
    ) {
        self.status = status
        self.oldPath = oldPath
        self.path = path
        self.isBinary = isBinary
        self.added = added
        self.removed = removed
    }
}

/// One added or removed line.
public struct DiffLine: Hashable, Sendable {
    /// 1-based line number (in the new file for an added line, the old file for a removed one).
    public var number: Int
    /// The line's text without its line ending (bytes that are not UTF-8 become U+FFFD).
    public var text: String

    /// A line from its parts.
    public init(number: Int, text: String) {
        self.number = number
        self.text = text
    }
}

extension ChangedFile {
    /// One hunk of the file's `-U0` diff: the lines it removed and the lines that replaced them.
    public typealias DiffHunk = (removed: ArraySlice<DiffLine>, added: ArraySlice<DiffLine>)

    /// The diff's hunks, rebuilt from line numbers as `git diff -U0` draws them: a run of
    /// consecutive removed lines with the run of added lines at the same place (either may be empty).
    public var hunks: [DiffHunk] {
        var result: [DiffHunk] = []
        var (removal, addition, offset) = (0, 0, 0)
        while removal < removed.count || addition < added.count {
            // Where each next run sits in the new file's numbering.
            let removalAt = removal < removed.count ? removed[removal].number + offset : Int.max
            let additionAt = addition < added.count ? added[addition].number : Int.max
            var (removalEnd, additionEnd) = (removal, addition)
            if removalAt <= additionAt {
                removalEnd = Self.runEnd(removed, from: removal)
                if additionAt == removalAt { additionEnd = Self.runEnd(added, from: addition) }
            } else {
                additionEnd = Self.runEnd(added, from: addition)
            }
            result.append((removed[removal..<removalEnd], added[addition..<additionEnd]))
            offset += (additionEnd - addition) - (removalEnd - removal)
            (removal, addition) = (removalEnd, additionEnd)
        }
        return result
    }

    private static func runEnd(_ lines: [DiffLine], from start: Int) -> Int {
        var end = start + 1
        while end < lines.count, lines[end].number == lines[end - 1].number + 1 { end += 1 }
        return end
    }
}
