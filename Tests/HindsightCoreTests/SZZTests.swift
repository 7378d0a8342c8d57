import Testing

@testable import HindsightCore

/// SZZ by content on a hand-built history whose line texts are given per commit.
@Suite struct SZZTests {
    /// c0 (before the window) adds a.c; c1 adds a line to it; c2 renames it b.c; c3 adds another
    /// line; c4, a fix, removes c1's line and a lone brace; c5, a fix, removes c0's line.
    static func history() -> (HistorySnapshot, [Int: [RepoPath: ChangedLines]]) {
        var builder = SnapshotBuilder()
        builder.commit("feat: a", day: 0, changes: [(.added, "a.c", 2, 0)])
        builder.commit("feat: compute", day: 1, changes: [(.modified, "a.c", 1, 0)])
        builder.commit("refactor: rename", day: 2, changes: [(.renamed, "a.c->b.c", 0, 0)])
        builder.commit("feat: free", day: 3, changes: [(.modified, "b.c", 1, 0)])
        builder.commit("fix: compute", day: 4, changes: [(.modified, "b.c", 0, 2)])
        builder.commit("fix: main", day: 5, changes: [(.modified, "b.c", 0, 1)])
        let lines: [Int: [RepoPath: ChangedLines]] = [
            0: [RepoPath("a.c"): ChangedLines(added: ["int main(void) {", "}"])],
            1: [RepoPath("a.c"): ChangedLines(added: ["    x = compute(y);"])],
            2: [RepoPath("b.c"): ChangedLines(oldPath: RepoPath("a.c"))],
            3: [RepoPath("b.c"): ChangedLines(added: ["    free(p);"])],
            4: [RepoPath("b.c"): ChangedLines(removed: ["    x = compute(y);", "}"])],
            5: [RepoPath("b.c"): ChangedLines(removed: ["int main(void) {"])],
        ]
        return (builder.snapshot, lines)
    }

    @Test func aRemovedLineIsTracedThroughARenameToTheCommitThatAddedIt() {
        let (snapshot, lines) = Self.history()
        var asked: [Int] = []
        let truth = szzGroundTruth(in: snapshot, window: 1..<6, fixes: [4, 5]) { commit in
            asked.append(commit)
            return lines[commit] ?? [:]
        }
        #expect(truth.commits == [1])
        #expect(truth.commits(from: .szz) == [1])
        #expect(Set(asked).count == asked.count, "each commit is read once")
        #expect(!asked.contains(0), "nothing before the window is read")
    }

    @Test func aNearMissInTheSameFileIsNotBlamed() {
        let (snapshot, lines) = Self.history()
        let truth = szzGroundTruth(in: snapshot, window: 1..<6, fixes: [4, 5]) { lines[$0] ?? [:] }
        #expect(!truth.commits.contains(3))
    }

    @Test func originsBeforeTheWindowDoNotCount() {
        let (snapshot, lines) = Self.history()
        #expect(szzGroundTruth(in: snapshot, window: 2..<6, fixes: [4, 5]) { lines[$0] ?? [:] }.commits.isEmpty)
    }

    @Test(arguments: [
        ("    x = compute(y);", true), ("#include <stdio.h>", true), ("", false), ("   ", false), ("}", false),
        ("});", false),
        ("// note", false), ("# note", false), ("#!/bin/sh", false), ("/* c */", false), (" * doc", false),
        ("-- sql", false),
    ])
    func trivialLinesAreNotTraced(line: String, traced: Bool) {
        #expect(isSZZCandidate(line) == traced)
    }
}
