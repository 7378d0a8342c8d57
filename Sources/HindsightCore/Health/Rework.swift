/// Lines each commit added to covered files, and how many of them a later commit changed or deleted
/// within a few days: the rework `hindsight health` reports.
public struct Rework: Sendable {
    /// Per commit of the snapshot: lines it added to covered text files.
    public var added: [Int]
    /// Per commit: of those, lines a later commit changed or deleted within the span.
    public var reworked: [Int]
    /// Per commit: whether it is a fix that changed lines another fix added shortly before (a fix
    /// that did not hold).
    public var refixes: [Bool]
}

/// One run of consecutive lines, in the file's current coordinates, that one commit added.
private struct AddedLines {
    var first: Int
    var last: Int
    var commit: Int
    var time: Int64
}

/// The rework of `input`'s files: each file's changes are followed in history order through their
/// hunks (renames included), and a line counts as reworked when a change within `days` of the
/// commit that added it changes or deletes it; a fix changing lines another fix added within
/// `fixDays` is a refix. A binary change, or a change without hunks, ends the file's tracking (its
/// earlier lines can no longer be told apart).
public func rework(in input: AnalysisInput, withinDays days: Int, fixWithinDays fixDays: Int = 14) -> Rework {
    let count = input.snapshot.commits.count
    var result = Rework(
        added: Array(repeating: 0, count: count), reworked: Array(repeating: 0, count: count),
        refixes: Array(repeating: false, count: count))
    let span = Int64(days) * 86_400
    let fixSpan = Int64(fixDays) * 86_400
    for file in input.files {
        var live: [AddedLines] = []
        for (changeIndex, commit) in zip(file.changes, file.commits) {
            let change = input.snapshot.changes[changeIndex]
            let time = input.times[commit]
            live.removeAll { time - $0.time > max(span, fixSpan) }
            // `commit` changed or deleted `count` of `lines`.
            func touch(_ lines: AddedLines, _ count: Int) {
                let age = time - lines.time
                if age <= span { result.reworked[lines.commit] += count }
                if age <= fixSpan, lines.commit != commit, input.isFix[commit], input.isFix[lines.commit] {
                    result.refixes[commit] = true
                }
            }
            if change.isBinary {
                live = []
                continue
            }
            result.added[commit] += change.added
            switch change.status {
            case .deleted:
                for lines in live { touch(lines, lines.last - lines.first + 1) }
                live = []
            case .added:
                live = change.added > 0 ? [AddedLines(first: 1, last: change.added, commit: commit, time: time)] : []
            default:
                let hunks = input.snapshot.regions(of: changeIndex)
                if hunks.isEmpty {
                    // A pure rename or a mode change keeps every line; anything else lost its layout.
                    if change.added > 0 || change.deleted > 0 { live = [] }
                    continue
                }
                live = applying(hunks, to: live, commit: commit, time: time, touched: touch)
            }
        }
    }
    return result
}

/// `live` after a change with `hunks` (git's coordinates, in file order): lines inside a hunk's old
/// side are handed to `touched`, the rest shift by the hunks before them, and the hunks' new lines
/// are added.
private func applying(
    _ hunks: [Hunk], to live: [AddedLines], commit: Int, time: Int64, touched: (AddedLines, Int) -> Void
) -> [AddedLines] {
    // The last old line a hunk leaves in place before it: for an insertion, the line it follows.
    func boundary(_ hunk: Hunk) -> Int { hunk.oldLines == 0 ? hunk.oldStart : hunk.oldStart + hunk.oldLines - 1 }
    var result: [AddedLines] = []
    var next = 0
    var shift = 0
    for lines in live {
        var first = lines.first
        while first <= lines.last {
            while next < hunks.count, boundary(hunks[next]) < first {
                shift += hunks[next].newLines - hunks[next].oldLines
                next += 1
            }
            guard next < hunks.count else {
                result.append(
                    AddedLines(first: first + shift, last: lines.last + shift, commit: lines.commit, time: lines.time))
                break
            }
            let hunk = hunks[next]
            let kept = hunk.oldLines == 0 ? hunk.oldStart : hunk.oldStart - 1
            if first <= kept {
                let last = min(lines.last, kept)
                result.append(
                    AddedLines(first: first + shift, last: last + shift, commit: lines.commit, time: lines.time))
                first = last + 1
            } else {
                let last = min(lines.last, hunk.oldStart + hunk.oldLines - 1)
                touched(lines, last - first + 1)
                first = last + 1
            }
        }
    }
    for hunk in hunks where hunk.newLines > 0 {
        result.append(
            AddedLines(first: hunk.newStart, last: hunk.newStart + hunk.newLines - 1, commit: commit, time: time))
    }
    return result.sorted { $0.first < $1.first }
}
