import HindsightCore
import Testing

@Suite struct PathResolutionTests {
    private func change(_ status: ChangeStatus, _ path: String, from old: String? = nil) -> FileChange {
        FileChange(
            status: status, oldPath: old.map(RepoPath.init), path: RepoPath(path), linesAdded: 1, linesDeleted: 0)
    }

    @Test func renameChainsResolveToTheLatestName() {
        // Oldest: add a; rename a→b; modify b; rename b→c (newest).
        let newestFirst = [
            [change(.renamed, "c", from: "b")], [change(.modified, "b")], [change(.renamed, "b", from: "a")],
            [change(.added, "a")],
        ]
        let resolved = currentPaths(of: newestFirst)
        #expect(resolved.flatMap { $0 } == [RepoPath("c"), RepoPath("c"), RepoPath("c"), RepoPath("c")])
    }

    @Test func aPathReusedAfterARenameIsAnotherFile() {
        // Oldest: add a; rename a→b; add a new a (newest).
        let resolved = currentPaths(of: [
            [change(.added, "a")], [change(.renamed, "b", from: "a")], [change(.added, "a")],
        ])
        #expect(resolved.flatMap { $0 } == [RepoPath("a"), RepoPath("b"), RepoPath("b")])
    }

    @Test func deletedFilesResolveToNil() {
        let resolved = currentPaths(of: [[change(.deleted, "x")], [change(.modified, "x")], [change(.added, "x")]])
        #expect(resolved.flatMap { $0 } == [nil, nil, nil])
    }

    @Test func swappedNamesInOneCommit() {
        let resolved = currentPaths(of: [
            [change(.renamed, "b", from: "a"), change(.renamed, "a", from: "b")], [change(.modified, "a")],
        ])
        #expect(resolved[1] == [RepoPath("b")])
    }

    @Test func pathsWithinDirectories() {
        #expect(RepoPath("src/a.c").isWithin(RepoPath("src")))
        #expect(RepoPath("src/a.c").isWithin(RepoPath("src/")))
        #expect(!RepoPath("srcx/a.c").isWithin(RepoPath("src")))
        #expect(RepoPath("anything").isWithin(RepoPath("")))
    }
}
