import Foundation
import HindsightCore
import HindsightGit
import HindsightIndex
import HindsightTestSupport
import Testing

/// A copy of a repository that lacks some blobs (a trimmed mirror, a damaged disk): mining stops with
/// a clear error unless `history.missingBlobs: binary` says to read those changes as binary.
@Suite struct MissingBlobTests {
    /// A three-commit history whose second version of `big.json` is gone from the object database.
    private func trimmedRepository() throws -> (FixtureRepository, missing: String) {
        let repo = try FixtureRepository()
        try repo.write("big.json", "[1]\n")
        try repo.write("code.c", "int a;\n")
        try repo.commit("feat: start", day: 1)
        try repo.write("big.json", "[1,\n2]\n")
        try repo.write("code.c", "int a;\nint b;\n")
        try repo.commit("feat: more", day: 2)
        try repo.write("code.c", "int a;\nint b;\nint c;\n")
        try repo.commit("feat: c", day: 3)
        let missing = try repo.gitText(["rev-parse", "HEAD~1:big.json"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let object = repo.root.appendingPathComponent(
            ".git/objects/\(missing.prefix(2))/\(missing.dropFirst(2))")
        try FileManager.default.removeItem(at: object)
        return (repo, missing)
    }

    @Test func aMissingBlobStopsTheMineByDefault() throws {
        let (repo, missing) = try trimmedRepository()
        #expect {
            try mine(repo)
        } throws: { error in
            // The message names the blob and the setting that mines a trimmed copy anyway.
            error as? GitError == .missingBlob(id: missing) && "\(error)".contains("missingBlobs: binary")
        }
    }

    @Test func missingBlobsReadAsBinaryWhenAskedAndTheRestMatchesGit() throws {
        let (repo, _) = try trimmedRepository()
        try Miner.mine(
            repositoryPath: repo.root.path,
            request: MineRequest(options: HistoryOptions(missingBlobsAreBinary: true), workers: 2))
        let rows = try indexedRows(repo)
        let big = rows.filter { $0.path == Array("big.json".utf8) }
        // Added in the first commit (readable), changed to the missing blob in the second: binary.
        #expect(big.map(\.added).sorted() == ["-", "1"])
        let code = rows.filter { $0.path == Array("code.c".utf8) }.map(\.added)
        #expect(code == ["1", "1", "1"])
    }

    /// What the backtest and `check --commit` read, the commit's lines, honours the setting too: the
    /// backtest on prometheus's trimmed mirror stopped at the first commit touching a missing blob.
    @Test func aCommitsChangedLinesReadAMissingBlobAsBinaryWhenAsked() throws {
        let (repo, missing) = try trimmedRepository()
        let git = try GitRepository(path: repo.root.path)
        let commit = try #require(try git.resolveCommit("HEAD~1"))
        #expect {
            try git.changedLines(of: commit, options: HistoryOptions())
        } throws: { error in "\(error)".contains(missing) }
        let lines = try git.changedLines(of: commit, options: HistoryOptions(missingBlobsAreBinary: true))
        #expect(lines[RepoPath("big.json")] == ChangedLines(), "binary: no lines")
        #expect(lines[RepoPath("code.c")]?.added == ["int b;"])
    }
}
