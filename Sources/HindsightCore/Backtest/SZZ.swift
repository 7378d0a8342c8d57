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
    var truth = GroundTruth()
    for origins in szzOrigins(in: snapshot, window: window, fixes: fixes, lines: lines).values {
        for origin in origins { truth.add(origin, .szz) }
    }
    return truth
}

/// The origins ``szzGroundTruth(in:window:fixes:lines:)`` traces, per fix: every fix of `fixes`
/// after the window's first commit has an entry, empty when none of its removed lines came from the
/// window. A fix's origins depend only on the history before it, so they can be kept: traced over a
/// wider window, they are the same origins plus older ones.
public func szzOrigins(
    in snapshot: HistorySnapshot, window: Range<Int>, fixes: [Int], lines: (Int) -> [RepoPath: ChangedLines]
) -> [Int: Set<Int>] {
    var cache: [Int: [RepoPath: ChangedLines]] = [:]
    func changed(_ commit: Int) -> [RepoPath: ChangedLines] {
        if let known = cache[commit] { return known }
        let read = lines(commit)
        cache[commit] = read
        return read
    }
    let touching = PathHistory(snapshot, from: window.lowerBound, to: (fixes.max() ?? 0))
    var origins: [Int: Set<Int>] = [:]
    for fix in fixes where fix > window.lowerBound && fix < snapshot.commits.count {
        var found: Set<Int> = []
        for (path, file) in changed(fix) {
            for line in Set(file.removed) where isSZZCandidate(line) {
                if let origin = touching.origin(of: line, in: file.oldPath ?? path, before: fix, changed: changed),
                    window.contains(origin)
                {
                    found.insert(origin)
                }
            }
        }
        origins[fix] = found
    }
    return origins
}

/// Which commits of a stretch of history touched each path, so tracing a line back visits only those.
private struct PathHistory {
    let snapshot: HistorySnapshot
    /// Path (index into `snapshot.paths`) → the commits touching it, oldest first, with the change.
    private var commits: [Int: [(commit: Int, change: Int)]] = [:]
    private let pathIndex: [RepoPath: Int]

    init(_ snapshot: HistorySnapshot, from earliest: Int, to latest: Int) {
        self.snapshot = snapshot
        var pathIndex: [RepoPath: Int] = [:]
        for (index, path) in snapshot.paths.enumerated() where pathIndex[path] == nil { pathIndex[path] = index }
        self.pathIndex = pathIndex
        for commit in max(0, earliest)..<min(max(latest, earliest), snapshot.commits.count)
        where !snapshot.commits[commit].isMerge {
            for change in snapshot.commits[commit].changes {
                commits[snapshot.changes[change].path, default: []].append((commit, change))
            }
        }
    }

    /// The latest commit before `commit` in this stretch that added `line` to `path`, following
    /// renames back; nil when the file was added without it or the line is older than the stretch.
    func origin(
        of line: String, in path: RepoPath, before commit: Int, changed: (Int) -> [RepoPath: ChangedLines]
    ) -> Int? {
        guard var pathID = pathIndex[path] else { return nil }
        var path = path
        var before = commit
        while let touching = commits[pathID] {
            var position = touching.partitioningIndex { $0.commit >= before } - 1
            var renamedFrom: Int?
            while position >= 0 {
                let (candidate, changeIndex) = touching[position]
                if changed(candidate)[path]?.added.contains(line) == true { return candidate }
                let change = snapshot.changes[changeIndex]
                if change.status == .added { return nil }
                if change.status == .renamed, let old = change.oldPath {
                    renamedFrom = old
                    before = candidate
                    break
                }
                position -= 1
            }
            guard let old = renamedFrom else { return nil }
            pathID = old
            path = snapshot.paths[old]
        }
        return nil
    }
}

extension Array {
    /// The first index whose element satisfies `predicate`, which must be false then true along the array.
    func partitioningIndex(where predicate: (Element) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if predicate(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}

/// Whether a removed line says something: not blank, not only braces and punctuation, not a comment.
func isSZZCandidate(_ line: String) -> Bool {
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    guard !trimmed.isEmpty, !trimmed.allSatisfy({ "{}()[];,".contains($0) }) else { return false }
    return !isCommentLine(trimmed)
}

/// Whether a line (trimmed) is a comment in the common languages: `//`, `/*`, `*`, `--`, `;`, and
/// `#` unless a preprocessor word follows (`#include` and `#define` are code; `# note` and `#!` are not).
func isCommentLine(_ trimmed: String) -> Bool {
    if trimmed.hasPrefix("#") { return trimmed.dropFirst().first?.isLetter != true }
    return ["//", "/*", "*", "--", ";"].contains { trimmed.hasPrefix($0) }
}
