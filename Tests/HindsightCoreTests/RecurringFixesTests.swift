import Testing

@testable import HindsightCore

@Suite struct RecurringFixesTests {
    // MARK: - Fixture

    /// One file's change in a fixture commit.
    private struct Edit {
        var status: ChangeStatus
        var path: String
        var oldPath: String?
        var hunks: [Hunk] = []
        var added = 0
        var deleted = 0
        var isBinary = false

        static func add(_ path: String, lines: Int) -> Edit { Edit(status: .added, path: path, added: lines) }
        static func modify(_ path: String, _ hunks: Hunk...) -> Edit {
            Edit(status: .modified, path: path, hunks: hunks)
        }
        static func rename(_ old: String, to path: String, _ hunks: Hunk...) -> Edit {
            Edit(status: .renamed, path: path, oldPath: old, hunks: hunks)
        }
        static func delete(_ path: String, lines: Int) -> Edit { Edit(status: .deleted, path: path, deleted: lines) }
        static func binary(_ path: String) -> Edit { Edit(status: .modified, path: path, isBinary: true) }
    }

    /// Builds a snapshot commit by commit; times are whole or fractional days after a fixed base.
    private struct History {
        static let base: Int64 = 1_700_000_000
        var paths: [RepoPath] = []
        var commits: [SnapshotCommit] = []
        var changes: [SnapshotChange] = []
        var includeDeleted = false
        var tipLines: TipLineCounts?

        @discardableResult
        mutating func commit(_ subject: String, day: Double, isMerge: Bool = false, _ edits: Edit...) -> CommitID {
            let hex = String(commits.count + 1, radix: 16)
            let id = CommitID(trustedHex: String(repeating: "0", count: 40 - hex.count) + hex)
            let first = changes.count
            for edit in edits {
                let added = edit.added + edit.hunks.reduce(0) { $0 + $1.newLines }
                let deleted = edit.deleted + edit.hunks.reduce(0) { $0 + $1.oldLines }
                let oldPath = edit.oldPath.map { path($0) }
                changes.append(
                    SnapshotChange(
                        status: edit.status, oldPath: oldPath, path: path(edit.path),
                        added: edit.isBinary ? 0 : added, deleted: edit.isBinary ? 0 : deleted,
                        isBinary: edit.isBinary, hunks: edit.hunks
                    ))
            }
            commits.append(
                SnapshotCommit(
                    id: id, author: 0, time: Self.base + Int64(day * 86_400), subject: subject, isMerge: isMerge,
                    changes: first..<changes.count
                ))
            return id
        }

        private mutating func path(_ string: String) -> Int {
            let path = RepoPath(string)
            if let index = paths.firstIndex(of: path) { return index }
            paths.append(path)
            return paths.count - 1
        }

        var recurring: [RecurringFixFile] { recurring(now: 400) }

        /// The recurring fixes measured `now` days after the base.
        func recurring(now: Double) -> [RecurringFixFile] {
            var snapshot = HistorySnapshot(
                tip: commits.last?.id, paths: paths, people: [Person(name: "Ada", email: "ada@example.com")],
                commits: commits, changes: changes
            )
            snapshot.tipLines = tipLines
            var settings = AnalysisSettings(now: Self.base + Int64(now * 86_400))
            settings.includeDeleted = includeDeleted
            return recurringFixes(in: AnalysisInput(snapshot: snapshot, settings: settings))
        }
    }

    private func hunk(_ oldStart: Int, _ oldLines: Int, _ newStart: Int, _ newLines: Int) -> Hunk {
        Hunk(oldStart: oldStart, oldLines: oldLines, newStart: newStart, newLines: newLines)
    }

    // MARK: - Tests

    @Test func overlappingFixesShareOneRegionInCurrentLines() throws {
        var history = History()
        history.commit("feat: parser", day: 0, .add("Parser.swift", lines: 40))
        let first = history.commit("fix: off by one", day: 1, .modify("Parser.swift", hunk(10, 3, 10, 3)))
        // Rewrites lines 12–13 as four lines: the region grows to 10–15.
        let second = history.commit("fix: empty input", day: 2, .modify("Parser.swift", hunk(12, 2, 12, 4)))
        // Deleting lines 1–2 moves it up to 8–13.
        history.commit("feat: drop header", day: 3, .modify("Parser.swift", hunk(1, 2, 0, 0)))

        let files = history.recurring
        #expect(files.map(\.path) == [RepoPath("Parser.swift")])
        let file = try #require(files.first)
        #expect(file.fixes.map(\.id) == [first, second])
        #expect(file.regions.count == 1)
        let region = try #require(file.regions.first)
        #expect(region.startLine == 8)
        #expect(region.endLine == 13)
        #expect(region.fixes.map(\.id) == [first, second])
        #expect(region.fixOnFix.map(\.first.id) == [first])
        #expect(region.fixOnFix.map(\.second.id) == [second])
        #expect(region.fixOnFix.map(\.days) == [1.0])
    }

    @Test func aShiftAboveTheRegionIsFollowed() throws {
        var history = History()
        history.commit("feat: cache", day: 0, .add("Cache.swift", lines: 30))
        let first = history.commit("fix: stale entry", day: 1, .modify("Cache.swift", hunk(5, 2, 5, 2)))
        history.commit("feat: imports", day: 2, .modify("Cache.swift", hunk(0, 0, 1, 10)))
        let second = history.commit("fix: stale entry again", day: 3, .modify("Cache.swift", hunk(16, 1, 16, 1)))

        let file = try #require(history.recurring.first)
        let region = try #require(file.regions.first)
        #expect(file.regions.count == 1)
        #expect(region.startLine == 15)
        #expect(region.endLine == 16)
        #expect(region.fixes.map(\.id) == [first, second])
    }

    @Test func farApartFixesReportTheFileWithoutRegions() throws {
        var history = History()
        history.commit("feat: server", day: 0, .add("Server.swift", lines: 200))
        let first = history.commit("fix: timeout", day: 1, .modify("Server.swift", hunk(5, 1, 5, 1)))
        let second = history.commit("fix: header case", day: 2, .modify("Server.swift", hunk(100, 1, 100, 1)))

        let files = history.recurring
        #expect(files.count == 1)
        let file = try #require(files.first)
        #expect(file.path == RepoPath("Server.swift"))
        #expect(file.fixes.map(\.id) == [first, second])
        #expect(file.regions.isEmpty)
    }

    @Test(arguments: [(6, [5, 6]), (7, nil)] as [(Int, [Int]?)])
    func adjacentLinesTouchButAGapDoesNot(secondLine: Int, expected: [Int]?) throws {
        var history = History()
        history.commit("feat: list", day: 0, .add("List.swift", lines: 20))
        history.commit("fix: bounds", day: 1, .modify("List.swift", hunk(5, 1, 5, 1)))
        history.commit("fix: bounds again", day: 2, .modify("List.swift", hunk(secondLine, 1, secondLine, 1)))

        let file = try #require(history.recurring.first)
        #expect(file.regions.first.map { [$0.startLine, $0.endLine] } == expected)
    }

    @Test func fixOnFixNeedsTheSecondFixWithinTheWindow() throws {
        var history = History()
        history.commit("feat: retry", day: 0, .add("Retry.swift", lines: 20))
        let ids = [0, 3.5, 33.5, 47.5].map { day in
            history.commit("fix: retry loop", day: day + 1, .modify("Retry.swift", hunk(10, 1, 10, 1)))
        }

        let region = try #require(history.recurring.first?.regions.first)
        #expect(region.startLine == 10 && region.endLine == 10)
        #expect(region.fixes.map(\.id) == ids)
        // 3.5 days apart: fix on fix; 30 days: not; exactly 14 days: still within the window.
        #expect(region.fixOnFix.map(\.first.id) == [ids[0], ids[2]])
        #expect(region.fixOnFix.map(\.second.id) == [ids[1], ids[3]])
        #expect(region.fixOnFix.map(\.days) == [3.5, 14.0])
    }

    @Test func aRenameBetweenFixesKeepsTheRegion() throws {
        var history = History()
        history.commit("feat: lexer", day: 0, .add("Old.swift", lines: 20))
        let first = history.commit("fix: escapes", day: 1, .modify("Old.swift", hunk(5, 2, 5, 2)))
        history.commit("feat: rename lexer", day: 2, .rename("Old.swift", to: "Lexer.swift", hunk(0, 0, 1, 2)))
        let second = history.commit("fix: escapes again", day: 3, .modify("Lexer.swift", hunk(8, 1, 8, 1)))

        let files = history.recurring
        #expect(files.map(\.path) == [RepoPath("Lexer.swift")])
        let region = try #require(files.first?.regions.first)
        #expect(region.startLine == 7)
        #expect(region.endLine == 8)
        #expect(region.fixes.map(\.id) == [first, second])
    }

    @Test func oneFixAndNonFixesAreNotRecurring() {
        var history = History()
        history.commit("feat: config", day: 0, .add("Config.swift", lines: 20))
        history.commit("fix: default path", day: 1, .modify("Config.swift", hunk(3, 1, 3, 1)))
        history.commit("feat: more defaults", day: 2, .modify("Config.swift", hunk(3, 1, 3, 2)))
        history.commit("fix: merge branch 'hotfix'", day: 3, isMerge: true, .modify("Config.swift", hunk(3, 1, 3, 1)))
        #expect(history.recurring.isEmpty)
    }

    @Test func aRegionWhoseLinesAreDeletedIsDropped() throws {
        var history = History()
        history.commit("feat: table", day: 0, .add("Table.swift", lines: 30))
        history.commit("fix: column width", day: 1, .modify("Table.swift", hunk(10, 3, 10, 3)))
        // Lines 9–14 go away (moved to another file): the region goes with them, not onto line 8.
        history.commit("feat: move columns out", day: 2, .modify("Table.swift", hunk(9, 6, 8, 0)))
        history.commit("fix: row height", day: 3, .modify("Table.swift", hunk(8, 0, 9, 1)))

        let file = try #require(history.recurring.first)
        #expect(file.fixes.count == 2)
        #expect(file.regions.isEmpty)
    }

    @Test func aRegionKeepsTheLinesThatSurviveADeletion() throws {
        var history = History()
        history.commit("feat: table", day: 0, .add("Table.swift", lines: 30))
        let first = history.commit("fix: column width", day: 1, .modify("Table.swift", hunk(10, 4, 10, 4)))
        // Lines 8–11 go away; lines 12–13 of the region survive as 8–9.
        history.commit("feat: simplify", day: 2, .modify("Table.swift", hunk(8, 4, 7, 0)))
        let second = history.commit("fix: column width again", day: 3, .modify("Table.swift", hunk(9, 1, 9, 1)))

        let region = try #require(history.recurring.first?.regions.first)
        #expect(region.startLine == 8 && region.endLine == 9)
        #expect(region.fixes.map(\.id) == [first, second])
    }

    @Test func aChangelogIsNotWhereFixesRecur() throws {
        var history = History()
        history.commit("feat: start", day: 0, .add("Lexer.swift", lines: 20), .add("History.md", lines: 20))
        for day in [1.0, 2] {
            history.commit(
                "fix: lexer", day: day, .modify("Lexer.swift", hunk(4, 1, 4, 1)),
                .modify("History.md", hunk(1, 0, 1, 2)))
        }
        #expect(history.recurring.map(\.path) == [RepoPath("Lexer.swift")])
    }

    @Test func aBinaryChangeForgetsRegions() throws {
        var history = History()
        // Not data.txt, nor "fix: typo": prose and typo fixes are not fixes any more.
        history.commit("feat: data", day: 0, .add("data.bin", lines: 20))
        history.commit("fix: bad header", day: 1, .modify("data.bin", hunk(5, 1, 5, 1)))
        history.commit("feat: encode", day: 2, .binary("data.bin"))
        history.commit("fix: bad header again", day: 3, .modify("data.bin", hunk(5, 1, 5, 1)))

        let file = try #require(history.recurring.first)
        #expect(file.fixes.count == 2)
        #expect(file.regions.isEmpty)
    }

    @Test func aFixDeletingTheFileJoinsItsRegions() throws {
        var history = History()
        history.includeDeleted = true
        history.commit("feat: legacy", day: 0, .add("Legacy.swift", lines: 10))
        let first = history.commit("fix: legacy crash", day: 1, .modify("Legacy.swift", hunk(2, 1, 2, 1)))
        let second = history.commit("fix: remove legacy path", day: 2, .delete("Legacy.swift", lines: 10))

        let region = try #require(history.recurring.first?.regions.first)
        #expect(region.startLine == 1 && region.endLine == 10)
        #expect(region.fixes.map(\.id) == [first, second])
    }

    @Test func filesAndRegionsSortByFixCountThenPosition() throws {
        var history = History()
        history.commit(
            "feat: start", day: 0, .add("b.swift", lines: 50), .add("a.swift", lines: 50), .add("c.swift", lines: 50))
        history.commit(
            "fix: one", day: 1, .modify("b.swift", hunk(1, 1, 1, 1)), .modify("a.swift", hunk(1, 1, 1, 1)),
            .modify("c.swift", hunk(1, 1, 1, 1), hunk(30, 1, 30, 1)))
        history.commit(
            "fix: two", day: 2, .modify("b.swift", hunk(1, 1, 1, 1)), .modify("a.swift", hunk(1, 1, 1, 1)),
            .modify("c.swift", hunk(1, 1, 1, 1), hunk(30, 1, 30, 1)))
        history.commit("fix: three", day: 3, .modify("c.swift", hunk(30, 1, 30, 1)))

        let files = history.recurring
        #expect(files.map(\.path) == ["c.swift", "a.swift", "b.swift"].map(RepoPath.init))
        let regions = try #require(files.first?.regions)
        #expect(regions.map(\.startLine) == [30, 1])
        #expect(regions.map(\.fixes.count) == [3, 2])
    }
    @Test func aRewriteKeepsRegionsAtTheirOffsetsInsteadOfSpreadingOverIt() throws {
        var history = History()
        history.commit("feat: queue", day: 0, .add("Queue.swift", lines: 40))
        let first = history.commit("fix: push", day: 1, .modify("Queue.swift", hunk(5, 1, 5, 1)))
        history.commit("fix: pop", day: 2, .modify("Queue.swift", hunk(20, 1, 20, 1)))
        // One non-fix hunk rewrites lines 4–21 as 10 lines: line 5 (offset 1) stays at 5, line 20
        // (offset 16) is past the rewrite's 10 lines and goes; neither spreads over the rewrite, and
        // nothing piles onto its last line, 13.
        history.commit("feat: rewrite queue", day: 3, .modify("Queue.swift", hunk(4, 18, 4, 10)))
        history.commit("fix: pop again", day: 4, .modify("Queue.swift", hunk(13, 1, 13, 1)))
        let fourth = history.commit("fix: push again", day: 5, .modify("Queue.swift", hunk(5, 1, 5, 1)))

        let regions = try #require(history.recurring.first?.regions)
        #expect(regions.map(\.startLine) == [5])
        #expect(regions.first?.endLine == 5)
        #expect(regions.first?.fixes.map(\.id) == [first, fourth])
    }

    @Test func aSweepingFixMarksNoRegionAndNoRegionCoversHalfTheFile() throws {
        var history = History()
        history.commit("feat: parser", day: 0, .add("Parser.swift", lines: 40))
        history.commit("fix: parser rewrite", day: 1, .modify("Parser.swift", hunk(1, 30, 1, 30)))
        history.commit("fix: parser again", day: 2, .modify("Parser.swift", hunk(12, 1, 12, 1)))
        history.commit("fix: wide", day: 3, .modify("Parser.swift", hunk(20, 15, 20, 15)))
        history.commit("fix: inside the wide one", day: 4, .modify("Parser.swift", hunk(22, 1, 22, 1)))
        // 15 lines of 40 is a pinpoint; a third fix joining 10–34 would make 25 lines: too wide.
        history.commit("fix: join", day: 5, .modify("Parser.swift", hunk(10, 11, 10, 11)))

        let file = try #require(history.recurring.first)
        #expect(file.fixes.count == 5)
        #expect(file.regions.isEmpty)
    }

    @Test func theTipsRealLengthBoundsARegionWhereSummedChangesOvercount() throws {
        var history = History()
        // Summed changes say 40 lines; the tip's file (read from the repository) has 24.
        history.commit("feat: parser", day: 0, .add("Parser.swift", lines: 40))
        history.commit("fix: parser", day: 1, .modify("Parser.swift", hunk(5, 15, 5, 15)))
        history.commit("fix: parser again", day: 2, .modify("Parser.swift", hunk(10, 1, 10, 1)))
        #expect(history.recurring.first?.regions.map(\.startLine) == [5])

        history.tipLines = TipLineCounts { $0 == RepoPath("Parser.swift") ? 24 : nil }
        let file = try #require(history.recurring.first)
        #expect(file.fixes.count == 2)
        #expect(file.regions.isEmpty)
    }

    @Test func aRegionPastTheTipsLastLineIsDropped() throws {
        var history = History()
        history.commit("feat: parser", day: 0, .add("Parser.swift", lines: 40))
        history.commit("fix: parser", day: 1, .modify("Parser.swift", hunk(30, 2, 30, 2)))
        history.commit("fix: parser again", day: 2, .modify("Parser.swift", hunk(31, 1, 31, 1)))
        history.tipLines = TipLineCounts { _ in 40 }
        #expect(history.recurring.first?.regions.map(\.startLine) == [30])
        // Changes merged from a branch left the file 28 lines long: lines 30–31 are gone.
        history.tipLines = TipLineCounts { _ in 28 }
        #expect(history.recurring.first?.regions.isEmpty == true)
    }

    @Test func oldFixesWeighLessAndRankBelowRecentOnes() throws {
        var history = History()
        history.commit("feat: cache", day: 0, .add("Cache.swift", lines: 100))
        // Three fixes at line 10 in the first days (more than three years before `now`)...
        for day in [1.0, 2, 3] { history.commit("fix: eviction", day: day, .modify("Cache.swift", hunk(10, 1, 10, 1))) }
        // ...and two recent ones at line 60.
        for day in [1300.0, 1301] {
            history.commit("fix: expiry", day: day, .modify("Cache.swift", hunk(60, 1, 60, 1)))
        }

        let file = try #require(history.recurring(now: 1400).first)
        #expect(file.regions.map(\.startLine) == [60, 10])
        #expect(file.regions.map(\.recentFixes) == [2, 0])
        #expect(file.regions.map(\.weight) == [2, 0.75])
        #expect(file.weight == 2.75)
    }

    @Test(arguments: 0..<40)
    func matchesALineByLineModel(seed: Int) {
        var random = SplitMix(state: UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 1)
        var history = History()
        var length = Int.random(in: 0...40, using: &random)
        history.commit("feat: start", day: 0, .add("a.swift", lines: length))
        var path = "a.swift"
        for step in 1...40 {
            let subject = Bool.random(using: &random) ? "fix: step \(step)" : "feat: step \(step)"
            let isMerge = Int.random(in: 0..<20, using: &random) == 0
            if Int.random(in: 0..<30, using: &random) == 0 {
                history.commit(subject, day: Double(step), isMerge: isMerge, .binary(path))
                continue
            }
            let hunks = Self.randomHunks(length: length, using: &random)
            length += hunks.reduce(0) { $0 + $1.newLines - $1.oldLines }
            var edit = Edit(status: .modified, path: path, hunks: hunks)
            if Int.random(in: 0..<10, using: &random) == 0 {
                edit = Edit(status: .renamed, path: "r\(step).swift", oldPath: path, hunks: hunks)
                path = edit.path
            }
            history.commit(subject, day: Double(step), isMerge: isMerge, edit)
        }

        let actual = (history.recurring.first?.regions ?? []).map { region in
            [region.startLine, region.endLine + 1]
                + region.fixes.compactMap { ref in history.commits.firstIndex { $0.id == ref.id } }
        }
        #expect(actual == Self.modelRegions(history))
    }

    // MARK: - Line-by-line model

    /// Zero-context hunks for a file of `length` lines: sorted, never touching, as git makes them.
    private static func randomHunks(length: Int, using random: inout SplitMix) -> [Hunk] {
        var hunks: [Hunk] = []
        var next = 1
        var shift = 0
        while hunks.count < 4 {
            next += Int.random(in: (hunks.isEmpty ? 0 : 1)...12, using: &random)
            let newLines = Int.random(in: 0...3, using: &random)
            if Bool.random(using: &random) || newLines == 0 {  // replace or delete
                let oldLines = Int.random(in: 1...3, using: &random)
                guard next + oldLines - 1 <= length else { break }
                hunks.append(
                    Hunk(
                        oldStart: next, oldLines: oldLines, newStart: next + shift - (newLines == 0 ? 1 : 0),
                        newLines: newLines))
                shift += newLines - oldLines
                next += oldLines
            } else {  // insert after line next - 1
                guard next - 1 <= length else { break }
                hunks.append(Hunk(oldStart: next - 1, oldLines: 0, newStart: next + shift, newLines: newLines))
                shift += newLines
            }
        }
        return hunks
    }

    /// The rules applied to every line of every region, for a one-file history: `[start, end, fixes…]`.
    /// A line inside a rewritten hunk lands at its offset into the replacement (deleted past its end); a region
    /// with no line left is dropped; a fix hunk wider than half the file marks nothing; a region
    /// wider than half the final file is not reported.
    private static func modelRegions(_ history: History) -> [[Int]] {
        var regions: [(start: Int, end: Int, fixes: Set<Int>)] = []
        var length = 0
        for (index, commit) in history.commits.enumerated() {
            let isFix = !commit.isMerge && commit.subject.hasPrefix("fix:")
            for change in history.changes[commit.changes] {
                length = max(0, length + change.added - change.deleted)
                guard !change.isBinary else {
                    regions = []
                    continue
                }
                let hunks = change.regions
                regions = regions.compactMap { region in
                    var lines: [Int] = []
                    for line in region.start..<region.end {
                        if let hunk = hunks.first(where: {
                            $0.oldLines > 0 && ($0.oldStart..<$0.oldStart + $0.oldLines).contains(line)
                        }) {
                            if line - hunk.oldStart < hunk.newLines {
                                lines.append(hunk.newStart + line - hunk.oldStart)
                            }
                        } else {
                            let before = hunks.filter {
                                $0.oldLines > 0 ? $0.oldStart + $0.oldLines <= line : $0.oldStart < line
                            }
                            lines.append(line + before.reduce(0) { $0 + $1.newLines - $1.oldLines })
                        }
                    }
                    guard let low = lines.min(), let high = lines.max() else { return nil }
                    // Insertions strictly inside the region's surviving lines belong to it.
                    return (low, high + 1, region.fixes)
                }
                regions.sort { $0.start < $1.start }
                var merged: [(start: Int, end: Int, fixes: Set<Int>)] = []
                for region in regions {
                    if let last = merged.last, region.start < last.end {
                        merged[merged.count - 1] = (
                            last.start, max(last.end, region.end), last.fixes.union(region.fixes)
                        )
                    } else {
                        merged.append(region)
                    }
                }
                regions = merged
                guard isFix else { continue }
                for hunk in hunks {
                    let line = max(hunk.newStart, 1)
                    let range = hunk.newLines > 0 ? hunk.newStart..<hunk.newStart + hunk.newLines : line..<line + 1
                    guard range.count <= max(length / 2, 1) else { continue }
                    let touches = { (region: (start: Int, end: Int, fixes: Set<Int>)) in
                        region.start <= range.upperBound && range.lowerBound <= region.end
                    }
                    let joined = regions.filter(touches)
                    regions.removeAll(where: touches)
                    regions.append(
                        (
                            joined.map(\.start).reduce(range.lowerBound, min),
                            joined.map(\.end).reduce(range.upperBound, max),
                            joined.reduce([index]) { $0.union($1.fixes) }
                        ))
                    regions.sort { $0.start < $1.start }
                }
            }
        }
        return regions.filter { $0.fixes.count >= 2 && $0.end - $0.start <= max(length / 2, 1) }
            .sorted { $0.fixes.count != $1.fixes.count ? $0.fixes.count > $1.fixes.count : $0.start < $1.start }
            .map { [$0.start, $0.end] + $0.fixes.sorted() }
    }
}

/// A seeded generator (SplitMix64), so random histories repeat.
private struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E49B
        z = (z ^ (z >> 27)) &* 0x94D4_049B_133B_EB11
        return z ^ (z >> 31)
    }
}
