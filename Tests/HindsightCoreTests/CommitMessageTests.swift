import HindsightCore
import Testing

@Suite struct CommitMessageTests {
    @Test func subjectIsTheFirstParagraphJoined() {
        let message = CommitMessage(parsing: "fix: parser\ncrash on empty input  \n\nLonger body.\nSecond line.\n")
        #expect(message.subject == "fix: parser crash on empty input")
        #expect(message.body == "Longer body.\nSecond line.")
        #expect(message.trailers.isEmpty)
    }

    @Test func trailersComeFromTheLastParagraphOnly() {
        let raw = """
            fix: off by one

            Details here: not a trailer block.

            Fixes: 0123456789abcdef0123456789abcdef01234567 ("feat: loop")
            Co-authored-by: Grace Hopper <grace@example.com>
              continued
            """
        let message = CommitMessage(parsing: raw)
        #expect(message.trailers.map(\.key) == ["Fixes", "Co-authored-by"])
        #expect(message.fixesReferences == [#"0123456789abcdef0123456789abcdef01234567 ("feat: loop")"#])
        #expect(message.coAuthors == [Person(name: "Grace Hopper", email: "grace@example.com")])
        #expect(message.trailers[1].value == "Grace Hopper <grace@example.com> continued")
    }

    @Test func aProseParagraphIsNotATrailerBlock() {
        let message = CommitMessage(parsing: "feat: x\n\nNote: this line\nand this one is prose.")
        #expect(message.trailers.isEmpty)
    }

    @Test func revertedCommitIsParsed() {
        let id = "89abcdef0123456789abcdef0123456789abcdef"
        let message = CommitMessage(parsing: "Revert \"feat: x\"\n\nThis reverts commit \(id).\n")
        #expect(message.revertedCommit?.hex == id)
        #expect(CommitMessage(parsing: "Revert \"feat: x\"\n\nThis reverts commit 1234.\n").revertedCommit == nil)
    }

    @Test func subjectOnlyMessage() {
        let message = CommitMessage(parsing: "chore: bump")
        #expect(message.subject == "chore: bump")
        #expect(message.body.isEmpty)
    }
}
