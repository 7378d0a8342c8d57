/// The lines one commit changed in one file, as its diff against the first parent shows them.
public struct ChangedLines: Hashable, Sendable {
    /// The path before a rename.
    public var oldPath: RepoPath?
    /// Added lines' text.
    public var added: [String]
    /// Removed lines' text.
    public var removed: [String]

    /// Changed lines from their parts.
    public init(oldPath: RepoPath? = nil, added: [String] = [], removed: [String] = []) {
        self.oldPath = oldPath
        self.added = added
        self.removed = removed
    }
}

/// SZZ by content: for each fix commit in `fixes`, each non-trivial line it removed is traced to the
/// most recent earlier commit that added that exact line to that file, following renames back; a
/// commit in `window` found that way needed a later fix. A line whose origin is before the window
/// does not count. `lines(commit)` gives a commit's changed lines by path after the change (the
/// index says which commits touch which path; only those are read), and is asked once per commit.
public func szzGroundTruth(
    in snapshot: HistorySnapshot, window: Range<Int>, fixes: [Int], lines: (Int) -> [RepoPath: ChangedLines]
) -> GroundTruth {
    var cache: [Int: [RepoPath: ChangedLines]] = [:]
    func changed(_ commit: Int) -> [RepoPath: ChangedLines] {
        if let known = cache[commit] { return known }
        let read = lines(commit)
        cache[commit] = read
        return read
    }
    var truth = GroundTruth()
    for fix in fixes where fix > window.lowerBound && fix < snapshot.commits.count {
        for (path, file) in changed(fix) {
            for line in Set(file.removed) where isSZZCandidate(line) {
                if let origin = origin(of: line, in: file.oldPath ?? path, before: fix, from: window.lowerBound,
                                       snapshot: snapshot, changed: changed), window.contains(origin) {
                    truth.add(origin, .szz)
                }
            }
        }
    }
    return truth
}

/// The latest commit before `commit` (not before `earliest`) that added `line` to `path`, following renames.
private func origin(
    of line: String, in path: RepoPath, before commit: Int, from earliest: Int, snapshot: HistorySnapshot,
    changed: (Int) -> [RepoPath: ChangedLines]
) -> Int? {
    var path = path
    var index = commit - 1
    while index >= earliest {
        let candidate = snapshot.commits[index]
        if !candidate.isMerge, let change = snapshot.changes[candidate.changes].first(where: { snapshot.paths[$0.path] == path }) {
            if changed(index)[path]?.added.contains(line) == true { return index }
            if change.status == .added { return nil }
            if change.status == .renamed, let old = change.oldPath { path = snapshot.paths[old] }
        }
        index -= 1
    }
    return nil
}

/// Whether a removed line says something: not blank, not only braces and punctuation, not a comment.
func isSZZCandidate(_ line: String) -> Bool {
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    guard !trimmed.isEmpty, !trimmed.allSatisfy({ "{}()[];,".contains($0) }) else { return false }
    // `#include` and `#define` are code; `# note` and `#!` are comments.
    if trimmed.hasPrefix("#") { return trimmed.dropFirst().first?.isLetter == true }
    return !["//", "/*", "*", "--", ";"].contains { trimmed.hasPrefix($0) }
}
