import Foundation
import HindsightCore
import HindsightGit
import HindsightIndex
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
    /// Counts go through the index by blob: the first read keeps them, later reads (of any path with
    /// the same content) take what was kept, and a binary blob is kept as not text.
    @Test func countsAreKeptInTheIndexByBlob() throws {
        let repo = try FixtureRepository()
        try repo.write("three.txt", "a\nb\nc\n")
        try repo.write("copy.txt", "a\nb\nc\n")
        try repo.write("blob.bin", data: Data([0x61, 0x00, 0x0a, 0x62]))
        let head = CommitID(trustedHex: try repo.commit("feat: files", day: 1))
        let git = try GitRepository(path: repo.root.path)
        let store = try IndexStore(url: repo.root.appendingPathComponent("index.sqlite"))
        let kept = RecordingLineCounts(store)

        #expect(try git.lineCount(at: RepoPath("three.txt"), in: head, kept: kept) == 3)
        #expect(try git.lineCount(at: RepoPath("copy.txt"), in: head, kept: kept) == 3)
        #expect(try git.lineCount(at: RepoPath("blob.bin"), in: head, kept: kept) == nil)
        #expect(try git.lineCount(at: RepoPath("missing.txt"), in: head, kept: kept) == nil)
        #expect(kept.kept.withLock { $0 } == [3, nil], "one blob of text, read once, and the binary one")

        let blob = try repo.gitText(["rev-parse", "HEAD:three.txt"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let id = try #require(hexBytes(blob))
        #expect(store.lineCount(ofBlob: id) == .some(3))
        store.keep(41, ofBlob: id)  // a planted count proves the kept one is what is read
        #expect(try git.lineCount(at: RepoPath("copy.txt"), in: head, kept: store) == 41)
        #expect(store.lineCount(ofBlob: [UInt8](repeating: 7, count: 20)) == nil)
    }
}

extension LineCountTests {
    /// While another connection holds the index's write lock (a mine), a count is not kept and the
    /// caller does not wait for the lock; once it is released, counts are kept again.
    @Test func aBusyIndexKeepsNothingWithoutWaiting() throws {
        let repo = try FixtureRepository()
        let url = repo.root.appendingPathComponent("index.sqlite")
        let store = try IndexStore(url: url)
        let marker = repo.root.appendingPathComponent("locked")
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = [
            "python3", "-I", "-c",
            """
            import sqlite3, sys, time
            db = sqlite3.connect(sys.argv[1], isolation_level=None)
            db.execute("BEGIN IMMEDIATE")
            open(sys.argv[2], "w").close()
            time.sleep(4)
            db.execute("COMMIT")
            """,
            url.path, marker.path,
        ]
        try holder.run()
        var polls = 0
        while !FileManager.default.fileExists(atPath: marker.path), polls < 1_000 {
            Thread.sleep(forTimeInterval: 0.01)
            polls += 1
        }
        try #require(FileManager.default.fileExists(atPath: marker.path), "the lock holder started")
        let blob = [UInt8](repeating: 3, count: 20)
        store.keep(12, ofBlob: blob)  // a wait of the usual 5 s would outlast the 4 s lock and keep it
        holder.waitUntilExit()
        #expect(store.lineCount(ofBlob: blob) == nil, "nothing kept while the index was busy")
        store.keep(12, ofBlob: blob)
        #expect(store.lineCount(ofBlob: blob) == .some(12))
    }
}

/// The index's kept counts, with a record of what was kept.
private final class RecordingLineCounts: BlobLineCounts {
    let store: IndexStore
    let kept = Locked<[Int?]>([])

    init(_ store: IndexStore) { self.store = store }

    func lineCount(ofBlob id: [UInt8]) -> Int?? { store.lineCount(ofBlob: id) }

    func keep(_ count: Int?, ofBlob id: [UInt8]) {
        kept.withLock { $0.append(count) }
        store.keep(count, ofBlob: id)
    }
}

private func hexBytes(_ hex: String) -> [UInt8]? {
    let digits = Array(hex.utf8)
    guard digits.count == 40 else { return nil }
    return stride(from: 0, to: 40, by: 2).compactMap {
        UInt8(String(decoding: digits[$0..<$0 + 2], as: UTF8.self), radix: 16)
    }
}
