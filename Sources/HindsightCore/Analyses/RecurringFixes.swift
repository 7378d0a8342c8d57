/// Files that two or more fix commits changed, with the line regions (in current coordinates) that
/// two or more of those fixes changed; most fixes first, then by path.
public func recurringFixes(in input: AnalysisInput) -> [RecurringFixFile] {
    var found: [(file: RecurringFixFile, order: Int)] = []
    for (order, lineage) in input.files.enumerated() {
        if let file = recurringFixFile(lineage, in: input) { found.append((file, order)) }
    }
    found.sort {
        if $0.file.fixes.count != $1.file.fixes.count { return $0.file.fixes.count > $1.file.fixes.count }
        if $0.file.path != $1.file.path { return $0.file.path < $1.file.path }
        return $0.order < $1.order
    }
    return found.map(\.file)
}

/// The record for one file, or nil when fewer than two distinct fix commits changed it.
private func recurringFixFile(_ lineage: FileLineage, in input: AnalysisInput) -> RecurringFixFile? {
    var fixCommits: [Int] = []
    for commit in lineage.commits where input.isFix[commit] && fixCommits.last != commit {
        fixCommits.append(commit)
    }
    guard fixCommits.count >= 2 else { return nil }

    var regions = RegionSet()
    for (changeIndex, commit) in zip(lineage.changes, lineage.commits) {
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
            for range in fixRanges(of: change, hunks: hunks) { regions.add(range, fix: commit) }
        }
    }

    var reported: [FixRegion] = []
    for index in regions.starts.indices where regions.fixes[index].count >= 2 {
        let fixes = sortedDistinct(regions.fixes[index])
        guard fixes.count >= 2 else { continue }
        reported.append(fixRegion(lines: regions.starts[index]..<regions.ends[index], fixes: fixes, in: input))
    }
    reported.sort {
        if $0.fixes.count != $1.fixes.count { return $0.fixes.count > $1.fixes.count }
        return $0.startLine < $1.startLine
    }
    return RecurringFixFile(path: lineage.path, fixes: fixCommits.map(input.reference), regions: reported)
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
    return FixRegion(
        startLine: lines.lowerBound, endLine: lines.upperBound - 1, fixes: fixes.map(input.reference), fixOnFix: pairs
    )
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
                let lines = lineMap.map(starts[index]..<ends[index])
                starts[index] = lines.lowerBound
                ends[index] = lines.upperBound
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
        // A placeholder line can land on the region before; nothing past the mapped ones can move.
        if index > firstMapped { coalesce(max(firstMapped - 1, 0)..<min(index + 1, starts.count)) }
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
private struct LineMap {
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

    /// `lines` after the change: surviving lines move with the hunks before them, a rewritten hunk they
    /// overlap is covered whole, an insertion inside is included; if all were deleted, the line before
    /// the deletion (at least 1).
    func map(_ lines: Range<Int>) -> Range<Int> {
        var first: Int?
        var deletedAfter: Int?
        var line = lines.lowerBound
        while line < lines.upperBound {
            let index = firstHunk(endingAfter: line)
            guard let hunk = hunkHolding(line, at: index) else {
                first = line + shift[index]
                break
            }
            if hunk.newLines > 0 {
                first = hunk.newStart
                break
            }
            if deletedAfter == nil { deletedAfter = hunk.newStart }
            line = hunk.oldStart + hunk.oldLines
        }
        guard let first else {
            let line = max(deletedAfter ?? 1, 1)
            return line..<(line + 1)
        }
        var end = first + 1
        line = lines.upperBound - 1
        while line >= lines.lowerBound {
            let index = firstHunk(endingAfter: line)
            guard let hunk = hunkHolding(line, at: index) else {
                end = line + shift[index] + 1
                break
            }
            if hunk.newLines > 0 {
                end = hunk.newStart + hunk.newLines
                break
            }
            line = hunk.oldStart - 1
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
