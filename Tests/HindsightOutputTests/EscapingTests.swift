import HindsightCore
import HindsightOutput
import Testing

@Suite struct EscapingTests {
    @Test(arguments: [
        ("plain/path.c", "plain/path.c"),
        ("with space.txt", "with space.txt"),
        ("tab\there", #""tab\there""#),
        ("new\nline", #""new\nline""#),
        ("quote\"d", #""quote\"d""#),
        ("back\\slash", #""back\\slash""#),
        ("unicodé", #""unicod\303\251""#),
    ])
    func gitQuotesPathsLikeGit(path: String, expected: String) {
        #expect(String(decoding: GitQuoting.quoted(Array(path.utf8)), as: UTF8.self) == expected)
    }

    @Test func jsonEscapesControlCharactersAndQuotes() {
        let quoted = String(decoding: JSONEscaping.quoted("a\"b\\c\nd\u{1}"), as: UTF8.self)
        #expect(quoted == #""a\"b\\c\nd\u0001""#)
    }

    @Test func tsvRowsPrintDashesForBinaryAndOldPathForRenames() {
        let id = CommitID(trustedHex: String(repeating: "a", count: 40))
        let rows = [
            HistoryRow(
                commit: id,
                change: FileChange(
                    status: .renamed, oldPath: RepoPath("a b"), path: RepoPath("c"), linesAdded: 1, linesDeleted: 2),
                currentPath: RepoPath("c")),
            HistoryRow(
                commit: id,
                change: FileChange(
                    status: .modified, path: RepoPath("img.png"), linesAdded: 0, linesDeleted: 0, isBinary: true),
                currentPath: nil),
        ]
        var output: [UInt8] = []
        TSVHistoryRenderer().render(rows, tip: id, into: &output)
        let hex = id.hex
        #expect(String(decoding: output, as: UTF8.self) == "\(hex)\tR\t1\t2\ta b\tc\n\(hex)\tM\t-\t-\t\timg.png\n")
        var nul: [UInt8] = []
        TSVHistoryRenderer(nulSeparated: true).render([rows[1]], tip: id, into: &nul)
        #expect(nul == Array("\(hex)\0M\0-\0-\0\0img.png\0".utf8))
    }
}
