import Foundation
import HindsightCore
import HindsightGit
import HindsightTestSupport
import Testing

/// A file's line count at a commit, as the recurring-fix regions' half-file cap reads it, is `wc -l`'s
/// answer plus a last line without a newline.
@Suite struct LineCountTests {
    @Test func countsLinesOfTextFilesAndNothingElse() throws {
        let repo = try FixtureRepository()
        try repo.write("three.txt", "a\nb\nc\n")
        try repo.write("open-ended.txt", "a\nb")
        try repo.write("empty.txt", "")
        try repo.write("blob.bin", data: Data([0x61, 0x00, 0x0a, 0x62]))
        try repo.write("dir/inner.c", "int x;\n")
        let head = CommitID(trustedHex: try repo.commit("feat: files", day: 1))
        let git = try GitRepository(path: repo.root.path)

        for path in ["three.txt", "dir/inner.c", "empty.txt"] {
            let wc = try repo.gitText(["show", "HEAD:\(path)"]).filter { $0 == "\n" }.count
            #expect(try git.lineCount(at: RepoPath(path), in: head) == wc, "\(path)")
        }
        #expect(try git.lineCount(at: RepoPath("open-ended.txt"), in: head) == 2)
        #expect(try git.lineCount(at: RepoPath("blob.bin"), in: head) == nil)
        #expect(try git.lineCount(at: RepoPath("missing.txt"), in: head) == nil)
        #expect(try git.lineCount(at: RepoPath("dir"), in: head) == nil)
    }
}
