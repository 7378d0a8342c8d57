/// Files that two or more fix commits changed, with the line regions (in current coordinates) that
/// two or more of those fixes changed; heaviest first (recent fixes weigh more than old ones), then
/// most fixes, then by path. Documentation is left out: a fix's changelog entry is not code a fix
/// returns to.
public func recurringFixes(in input: AnalysisInput) -> [RecurringFixFile] {
    var found: [(file: RecurringFixFile, order: Int)] = []
    for (order, lineage) in input.files.enumerated() where !isDocumentationOrTestData(lineage.path) {
        if let file = recurringFixFile(lineage, in: input) { found.append((file, order)) }
    }
    found.sort {
        if $0.file.weight != $1.file.weight { return $0.file.weight > $1.file.weight }
        if $0.file.fixes.count != $1.file.fixes.count { return $0.file.fixes.count > $1.file.fixes.count }
        if $0.file.path != $1.file.path { return $0.file.path < $1.file.path }
        return $0.order < $1.order
    }
    return found.map(\.file)
}

/// The record for one file, or nil when fewer than two distinct fix commits changed it.
///
/// Regions follow their lines through later changes and are dropped when all their lines are
/// deleted (moved away or removed), so none collapses onto a seam. A fix hunk wider than half the
/// file is a sweep, not a pinpoint, and marks no region; a region grown wider than half its file,
/// or reaching past its end, is not reported.
private func recurringFixFile(_ lineage: FileLineage, in input: AnalysisInput) -> RecurringFixFile? {
    var fixCommits: [Int] = []
    for commit in lineage.commits where input.isFix[commit] && fixCommits.last != commit {
        fixCommits.append(commit)
    }
    guard fixCommits.count >= 2 else { return nil }

    // Lines the file has after each change, counted back from the tip's length as history sums it.
    var linesAfter = [Int](repeating: 0, count: lineage.changes.count)
    var lines = lineage.lines
    for (position, changeIndex) in lineage.changes.enumerated().reversed() {
        linesAfter[position] = lines
        let change = input.snapshot.changes[changeIndex]
        if change.status != .deleted { lines = max(0, lines - change.added + change.deleted) }
    }

    var regions = RegionSet()
    for (position, (changeIndex, commit)) in zip(lineage.changes, lineage.commits).enumerated() {
        let isFix = input.isFix[commit]
        if !isFix && regions.starts.isEmpty { continue }
        let change = input.snapshot.changes[changeIndex]
        if change.isBinary {
            regions.removeAll()
            continue
        }
        var hunks = input.snapshot.regions(of: changeIndex)
        if !zip(hunks, hunks.dropFirst()).allSatisfy({ $0.oldStart <= $1.oldStart }) {
            hunks.sort { $0.oldStart < $1.oldStart }
        }
        if change.status != .deleted { regions.map(through: hunks) }
        if isFix {
            let sweep = max(linesAfter[position], 1) / 2
            for range in fixRanges(of: change, hunks: hunks) where change.status == .deleted || range.count <= sweep {
                regions.add(range, fix: commit)
            }
        }
    }

    var reported: [FixRegion] = []
    // The tip's real length, read (a blob each) only for a file with a region near either bound of
    // the length summed from history: within a third of half the file, or of its end.
    let estimate = lineage.lines
    let nearABound = regions.starts.indices.contains { index in
        regions.fixes[index].count >= 2
            && (3 * (regions.ends[index] - regions.starts[index]) > estimate || 3 * regions.ends[index] > 2 * estimate)
    }
    let fileLines =
        (nearABound && !lineage.isDeleted ? input.snapshot.tipLines?.value(of: lineage.path) : nil) ?? estimate
    let widest = fileLines / 2
    for index in regions.starts.indices where regions.fixes[index].count >= 2 {
        let fixes = sortedDistinct(regions.fixes[index])
        let lines = regions.starts[index]..<regions.ends[index]
        // Past the file's end, a region was carried by changes from branches merged later (merges
        // are not diffed, so their coordinates can drift): it points nowhere and is dropped.
        guard fixes.count >= 2,
            lineage.isDeleted || (lines.count <= max(widest, 1) && lines.upperBound - 1 <= fileLines)
        else { continue }
        reported.append(fixRegion(lines: lines, fixes: fixes, in: input))
    }
    reported.sort {
        if $0.weight != $1.weight { return $0.weight > $1.weight }
        if $0.fixes.count != $1.fixes.count { return $0.fixes.count > $1.fixes.count }
        return $0.startLine < $1.startLine
    }
    return RecurringFixFile(
        path: lineage.path, fixes: fixCommits.map(input.reference), regions: reported,
        weight: fixCommits.reduce(0) { $0 + fixWeight($1, in: input) })
}

/// What fix commit `index` weighs: one inside the recent-fix window, `oldFixWeight` before it.
private func fixWeight(_ index: Int, in input: AnalysisInput) -> Double {
    input.times[index] >= input.settings.recentFixSince ? 1 : input.settings.oldFixWeight
}

/// A report region for `lines` and its `fixes` (commit indexes, ascending), with its fix-on-fix pairs.
private func fixRegion(lines: Range<Int>, fixes: [Int], in input: AnalysisInput) -> FixRegion {
    let secondsPerDay = 86_400.0
    let window = input.settings.fixOnFixDays * secondsPerDay
    var pairs: [FixOnFix] = []
    for (first, second) in zip(fixes, fixes.dropFirst()) {
        let gap = abs(Double(input.snapshot.commits[second].time) - Double(input.snapshot.commits[first].time))
        if gap <= window {
            pairs.append(
                FixOnFix(first: input.reference(first), second: input.reference(second), days: gap / secondsPerDay))
        }
    }
    let since = input.settings.recentFixSince
    return FixRegion(
        startLine: lines.lowerBound, endLine: lines.upperBound - 1, fixes: fixes.map(input.reference), fixOnFix: pairs,
        recentFixes: fixes.filter { input.times[$0] >= since }.count,
        weight: fixes.reduce(0) { $0 + fixWeight($1, in: input) })
}

/// The lines a fix change touched, in the coordinates after it: each hunk's new range, the line
/// before a pure deletion, or for a deleted file the lines it last had.
private func fixRanges(of change: SnapshotChange, hunks: [Hunk]) -> [Range<Int>] {
    hunks.map { hunk in
        if change.status == .deleted { return hunk.oldStart..<(hunk.oldStart + max(hunk.oldLines, 1)) }
        if hunk.newLines > 0 { return hunk.newStart..<(hunk.newStart + hunk.newLines) }
        let line = max(hunk.newStart, 1)
        return line..<(line + 1)
    }
}

// MARK: - Regions

/// One file's tracked regions, sorted and disjoint, in the coordinates after the change last
/// processed; parallel arrays so moving lines touches no reference counts.
private struct RegionSet {
    /// First line of each region.
    var starts: [Int] = []
    /// One past the last line of each region.
    var ends: [Int] = []
    /// The fix commits (indexes into the snapshot's commits) that changed each region, in no
    /// particular order and possibly repeated, so merging moves the smaller list only.
    var fixes: [[Int]] = []

    mutating func removeAll() {
        starts.removeAll()
        ends.removeAll()
        fixes.removeAll()
    }

    /// Moves every region from before a change to after it; regions that come to overlap merge.
    mutating func map(through hunks: [Hunk]) {
        guard let firstHunk = hunks.first, let lastHunk = hunks.last, !starts.isEmpty else { return }
        // Lines before `firstMoved` stay put; lines from `lastMoved` on shift by the total.
        let firstMoved = firstHunk.oldLines > 0 ? firstHunk.oldStart : firstHunk.oldStart + 1
        let lastMoved = LineMap.oldEnd(of: lastHunk)
        let firstMapped = partitionPoint(ends.count) { ends[$0] <= firstMoved }
        var index = firstMapped
        if index < starts.count, starts[index] < lastMoved {
            let lineMap = LineMap(hunks)
            while index < starts.count, starts[index] < lastMoved {
                if let lines = lineMap.map(starts[index]..<ends[index]) {
                    starts[index] = lines.lowerBound
                    ends[index] = lines.upperBound
                } else {
                    starts[index] = Self.gone
                }
                index += 1
            }
        }
        let total = hunks.reduce(0) { $0 + $1.newLines - $1.oldLines }
        if total != 0 {
            for later in index..<starts.count {
                starts[later] += total
                ends[later] += total
            }
        }
        if index > firstMapped {
            index -= dropGone(firstMapped..<index)
            // A region mapped into a rewrite can meet the one before; nothing past the mapped ones can move.
            coalesce(max(firstMapped - 1, 0)..<min(index + 1, starts.count))
        }
    }

    /// Marks a region whose lines were all deleted.
    private static let gone = Int.min

    /// Removes the regions in `window` marked `gone`; returns how many.
    private mutating func dropGone(_ window: Range<Int>) -> Int {
        var kept = window.lowerBound
        for index in window where starts[index] != Self.gone {
            if kept != index {
                starts[kept] = starts[index]
                ends[kept] = ends[index]
                fixes.swapAt(kept, index)
            }
            kept += 1
        }
        removeSubrange(kept..<window.upperBound)
        return window.upperBound - kept
    }

    /// Merges the fix `commit`'s `lines` into every region they overlap or touch (those regions become
    /// one), or adds them as a new region.
    mutating func add(_ lines: Range<Int>, fix commit: Int) {
        let low = partitionPoint(ends.count) { ends[$0] < lines.lowerBound }
        var high = low
        while high < starts.count, starts[high] <= lines.upperBound { high += 1 }
        guard low < high else {
            starts.insert(lines.lowerBound, at: low)
            ends.insert(lines.upperBound, at: low)
            fixes.insert([commit], at: low)
            return
        }
        for other in (low + 1)..<high { moveFixes(from: other, into: low) }
        if fixes[low].last != commit { fixes[low].append(commit) }
        starts[low] = min(starts[low], lines.lowerBound)
        ends[low] = max(ends[high - 1], lines.upperBound)
        removeSubrange((low + 1)..<high)
    }

    /// Merges neighbours inside `window` that overlap (touching ones stay apart).
    private mutating func coalesce(_ window: Range<Int>) {
        guard !window.isEmpty else { return }
        var kept = window.lowerBound
        for index in (window.lowerBound + 1)..<window.upperBound {
            if starts[index] < ends[kept] {
                ends[kept] = max(ends[kept], ends[index])
                moveFixes(from: index, into: kept)
            } else {
                kept += 1
                if kept != index {
                    starts[kept] = starts[index]
                    ends[kept] = ends[index]
                    fixes.swapAt(kept, index)
                }
            }
        }
        removeSubrange((kept + 1)..<window.upperBound)
    }

    /// Appends region `source`'s fixes to region `target`'s, copying the shorter list.
    private mutating func moveFixes(from source: Int, into target: Int) {
        var moved = fixes[source]
        fixes[source] = []
        if moved.count > fixes[target].count { swap(&moved, &fixes[target]) }
        fixes[target].append(contentsOf: moved)
    }

    private mutating func removeSubrange(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        starts.removeSubrange(range)
        ends.removeSubrange(range)
        fixes.removeSubrange(range)
    }
}

/// The first index in `0..<count` where `isBefore` is false (`isBefore` holds for a prefix).
private func partitionPoint(_ count: Int, _ isBefore: (Int) -> Bool) -> Int {
    var low = 0
    var high = count
    while low < high {
        let mid = (low + high) / 2
        if isBefore(mid) { low = mid + 1 } else { high = mid }
    }
    return low
}

/// `values` sorted ascending without repeats.
private func sortedDistinct(_ values: [Int]) -> [Int] {
    var result: [Int] = []
    result.reserveCapacity(values.count)
    for value in values.sorted() where result.last != value { result.append(value) }
    return result
}

// MARK: - Line mapping

/// Maps line ranges from before a change to after it, through the change's hunks (sorted by `oldStart`).
struct LineMap {
    let hunks: [Hunk]
    /// `shift[i]`: how far lines after hunks `0..<i` (and before hunk `i`) move.
    let shift: [Int]

    init(_ hunks: [Hunk]) {
        self.hunks = hunks
        var shift = [0]
        shift.reserveCapacity(hunks.count + 1)
        for hunk in hunks { shift.append(shift[shift.count - 1] + hunk.newLines - hunk.oldLines) }
        self.shift = shift
    }

    /// Where the lines a hunk replaces end; an insertion sits after `oldStart`, so it ends there too.
    static func oldEnd(of hunk: Hunk) -> Int {
        hunk.oldLines > 0 ? hunk.oldStart + hunk.oldLines : hunk.oldStart + 1
    }

    /// `lines` after the change: surviving lines move with the hunks before them, a line inside a
    /// rewritten hunk lands at the same offset into its replacement (past the replacement's end it
    /// is deleted, so regions never pile onto its last line), an insertion inside is included; nil
    /// when every line was deleted.
    func map(_ lines: Range<Int>) -> Range<Int>? {
        var first: Int?
        var line = lines.lowerBound
        while line < lines.upperBound {
            let index = firstHunk(endingAfter: line)
            guard let hunk = hunkHolding(line, at: index) else {
                first = line + shift[index]
                break
            }
            if line - hunk.oldStart < hunk.newLines {
                first = hunk.newStart + line - hunk.oldStart
                break
            }
            line = hunk.oldStart + hunk.oldLines
        }
        guard let first else { return nil }
        var end = first + 1
        line = lines.upperBound - 1
        while line >= lines.lowerBound {
            let index = firstHunk(endingAfter: line)
            guard let hunk = hunkHolding(line, at: index) else {
                end = line + shift[index] + 1
                break
            }
            if line - hunk.oldStart < hunk.newLines {
                end = hunk.newStart + line - hunk.oldStart + 1
                break
            }
            // Past the replacement's end (or a pure deletion): step back to its last surviving line.
            line = hunk.oldStart + hunk.newLines - 1
        }
        return first..<max(end, first + 1)
    }

    /// The index of the first hunk that does not lie wholly before `line` (binary search).
    private func firstHunk(endingAfter line: Int) -> Int {
        partitionPoint(hunks.count) { Self.oldEnd(of: hunks[$0]) <= line }
    }

    /// The hunk at `index` when its old lines include `line`.
    private func hunkHolding(_ line: Int, at index: Int) -> Hunk? {
        guard index < hunks.count, hunks[index].oldLines > 0, hunks[index].oldStart <= line else { return nil }
        return hunks[index]
    }
}
