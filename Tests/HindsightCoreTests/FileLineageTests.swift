import Testing

@testable import HindsightCore

@Suite struct FileLineageTests {
    @Test func renamesFoldOntoTheCurrentPath() {
        var history = SnapshotBuilder()
        history.commit("add", day: 0, changes: [(.added, "a.c", 10, 0), (.added, "keep.c", 1, 0)])
        history.commit("move", day: 1, changes: [(.renamed, "a.c->src/a.c", 1, 1)])
        history.commit("move again", day: 2, changes: [(.renamed, "src/a.c->lib/a.c", 0, 0)])
        history.commit("edit", day: 3, changes: [(.modified, "lib/a.c", 2, 0)])
        let files = fileLineages(of: history.snapshot)
        #expect(files.map(\.path) == [RepoPath("keep.c"), RepoPath("lib/a.c")])
        #expect(files[1].commits == [0, 1, 2, 3])
        #expect(files.allSatisfy { !$0.isDeleted })
    }

    @Test func aDeletedPathAddedAgainIsTwoFiles() {
        var history = SnapshotBuilder()
        history.commit("add", day: 0, changes: [(.added, "x.c", 5, 0)])
        history.commit("edit", day: 1, changes: [(.modified, "x.c", 1, 1)])
        history.commit("drop", day: 2, changes: [(.deleted, "x.c", 0, 5)])
        history.commit("again", day: 3, changes: [(.added, "x.c", 2, 0)])
        let files = fileLineages(of: history.snapshot)
        #expect(files.count == 2)
        #expect(files[0].path == RepoPath("x.c") && !files[0].isDeleted && files[0].commits == [3])
        #expect(files[1].path == RepoPath("x.c") && files[1].isDeleted && files[1].commits == [0, 1, 2])
    }

    @Test func deletedFilesAreLeftOutUnlessAsked() {
        var history = SnapshotBuilder()
        history.commit("add", day: 0, changes: [(.added, "gone.c", 5, 0), (.added, "here.c", 1, 0)])
        history.commit("drop", day: 1, changes: [(.deleted, "gone.c", 0, 5)])
        #expect(history.input(now: 2).files.map(\.path) == [RepoPath("here.c")])
        #expect(
            history.input(now: 2, includeDeleted: true).files.map(\.path) == [RepoPath("here.c"), RepoPath("gone.c")])
    }

    @Test func ignoredFilesAndTheWindowFilterChanges() {
        var history = SnapshotBuilder()
        history.commit("add", day: 0, changes: [(.added, "a.c", 5, 0), (.added, "Cargo.lock", 100, 0)])
        history.commit("edit", day: 10, changes: [(.modified, "a.c", 1, 0)])
        let input = history.input(now: 11) { $0.since = SnapshotBuilder.time(5) }
        #expect(input.files.map(\.path) == [RepoPath("a.c")])
        #expect(input.files[0].commits == [1])
    }
}
