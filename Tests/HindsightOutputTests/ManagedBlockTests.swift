import Foundation
import HindsightOutput
import Testing

/// The AGENTS.md markers, spelled out so a change to `ManagedBlock.agents` shows up here.
private enum Marker {
    static let begin = "<!-- hindsight:begin -->"
    static let end = "<!-- hindsight:end -->"
}

@Suite struct ManagedBlockTests {
    let block = ManagedBlock.agents
    let begin = Marker.begin
    let end = Marker.end

    static func bytes(_ text: String?) -> [UInt8]? { text.map { Array($0.utf8) } }

    /// Whether some "\n" in the text is not preceded by "\r".
    static func hasLoneLineFeed(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.indices.contains { bytes[$0] == 0x0A && ($0 == 0 || bytes[$0 - 1] != 0x0D) }
    }

    @Test func createsTheTextWhenThereIsNoFile() throws {
        #expect(
            Self.bytes(try block.splice("## Stable\n- a.swift", into: nil))
                == Self.bytes("\(begin)\n## Stable\n- a.swift\n\(end)\n"))
        #expect(Self.bytes(try block.splice("", into: nil)) == Self.bytes("\(begin)\n\(end)\n"))
    }

    @Test(arguments: [
        ("", "{block}"),
        ("# Notes\n", "# Notes\n\n{block}"),
        ("# Notes\n\n", "# Notes\n\n{block}"),  // already ends with an empty line: no second one
        ("\n", "\n{block}"),
        ("# Notes", "# Notes\n{block}"),  // no final newline: the newline only, so `removing` can undo it
    ])
    func appendsAfterABlankLine(original: String, expected: String) throws {
        let spliced = try block.splice("generated\n", into: original)
        let blockText = "\(begin)\ngenerated\n\(end)\n"
        #expect(Self.bytes(spliced) == Self.bytes(expected.replacingOccurrences(of: "{block}", with: blockText)))
    }

    @Test func replacesTheBlockAndKeepsTheTextAroundItByteForByte() throws {
        let before = "# Project\n\nHand-written  \t\nnotes ünïcode 👩‍👩‍👧 e\u{301}\r\n\n"
        let after = "\n## Mine\nkeep\tthis  \n\n\n"
        let text = before + "\(begin)\nold 1\nold 2\n\(end)\n" + after
        let replaced = try block.splice("new\n", into: text)
        #expect(Self.bytes(replaced) == Self.bytes(before + "\(begin)\nnew\n\(end)\n" + after))
        #expect(Array(replaced.utf8.prefix(before.utf8.count)) == Array(before.utf8))
        #expect(Array(replaced.utf8.suffix(after.utf8.count)) == Array(after.utf8))
    }

    @Test func aCRLFFileStaysCRLF() throws {
        let original = "# Project\r\n\r\nNotes\r\n"
        let appended = try block.splice("one\ntwo\n", into: original)
        #expect(Self.bytes(appended) == Self.bytes("\(original)\r\n\(begin)\r\none\r\ntwo\r\n\(end)\r\n"))
        let replaced = try block.splice("three", into: appended + "after\r\n")
        #expect(Self.bytes(replaced) == Self.bytes("\(original)\r\n\(begin)\r\nthree\r\n\(end)\r\nafter\r\n"))
        #expect(!Self.hasLoneLineFeed(appended))
        #expect(!Self.hasLoneLineFeed(replaced))
        #expect(!Self.hasLoneLineFeed(try block.splice("x", into: "no final newline\r\nhere")))
        #expect(Self.bytes(try block.content(of: replaced)) == Self.bytes("three\n"))
    }

    @Test func aMissingFinalNewlineStaysMissingAfterTheBlock() throws {
        let atEnd = "# Notes\n\n\(begin)\nold\n\(end)"
        #expect(Self.bytes(try block.splice("new", into: atEnd)) == Self.bytes("# Notes\n\n\(begin)\nnew\n\(end)"))
        let withTail = "\(begin)\r\nold\r\n\(end)\r\ntail"
        #expect(Self.bytes(try block.splice("new", into: withTail)) == Self.bytes("\(begin)\r\nnew\r\n\(end)\r\ntail"))
    }

    @Test(arguments: [
        "", "# Notes\n", "# Notes", "a\r\nb\r\n", "a\r\nb", "x\n\n", "\(Marker.begin)\nold\n\(Marker.end)\ntail",
    ])
    func splicingTwiceGivesTheSameBytes(original: String) throws {
        for content in ["## Hot files\n- a\n", "## Hot files\r\n- a", "\n\nblank lines\n\n"] {
            let once = try block.splice(content, into: original)
            let twice = try block.splice(content, into: once)
            #expect(Self.bytes(twice) == Self.bytes(once))
            let expected = content.replacingOccurrences(of: "\r\n", with: "\n")
            #expect(
                Self.bytes(try block.content(of: twice))
                    == Self.bytes(expected.hasSuffix("\n") ? expected : expected + "\n"))
        }
    }

    @Test(arguments: [
        (
            "intro\n\(Marker.begin)\nbody\n", ManagedBlockError.missingEnd(beginLine: 2),
            ["line 2", "add the end marker"]
        ),
        ("a\nb\n\(Marker.end)\n", .missingBegin(endLine: 3), ["line 3", "add the begin marker"]),
        (
            "\(Marker.begin)\n\(Marker.end)\n\n\(Marker.begin)\n", .duplicated(marker: Marker.begin, lines: [1, 4]),
            ["lines 1, 4", "delete the others"]
        ),
        (
            "\(Marker.begin)\nx\r\n\(Marker.end)\n\(Marker.end)\n", .duplicated(marker: Marker.end, lines: [3, 4]),
            ["lines 3, 4", Marker.end]
        ),
        (
            "top\n\(Marker.end)\nmid\n\(Marker.begin)\n", .outOfOrder(endLine: 2, beginLine: 4),
            ["line 2", "line 4", "swap them"]
        ),
    ])
    func malformedMarkersThrowAndNameTheFix(text: String, expected: ManagedBlockError, mentions: [String]) {
        #expect(throws: expected) { try block.content(of: text) }
        #expect(throws: expected) { try block.splice("new", into: text) }
        #expect(throws: expected) { try block.removing(from: text) }
        for phrase in mentions { #expect(expected.description.contains(phrase)) }
        #expect(!expected.description.contains("\n"))
    }

    @Test func contentHoldingAMarkerLineIsRefused() {
        #expect(throws: ManagedBlockError.duplicated(marker: Marker.end, lines: [2, 3])) {
            try block.splice("\(end)\n", into: nil)
        }
    }

    @Test func markersInFencedCodeAreNotTheBlock() throws {
        let readme = "# Setup\n\n```markdown\n\(begin)\nexample\n\(end)\n```\n\n~~~~\n\(end)\n~~~\n\(begin)\n~~~~\n"
        #expect(try block.content(of: readme) == nil)
        let spliced = try block.splice("real\n", into: readme)
        #expect(Array(spliced.utf8.prefix(readme.utf8.count)) == Array(readme.utf8))
        #expect(try block.content(of: spliced) == "real\n")
        #expect(Self.bytes(try block.removing(from: spliced)) == Self.bytes(readme))
        // Four spaces: code, not a fence.
        #expect(try block.content(of: "    ```\n\(begin)\nx\n\(end)\n```\n") == "x\n")
    }

    @Test func anUnclosedFenceDoesNotHideTheBlock() throws {
        let once = try block.splice("x", into: "notes\n```\ncode that never closes\n")
        #expect(Self.bytes(try block.splice("x", into: once)) == Self.bytes(once))
        #expect(try block.content(of: once) == "x\n")
    }

    @Test func indentedMarkersAreNotMarkers() throws {
        let text = "Example:\n\n    \(begin)\n    \(end)\n \(begin)\n\t\(end)\n"
        #expect(try block.content(of: text) == nil)
    }

    @Test func trailingBlanksAfterAMarkerAreAllowed() throws {
        #expect(try block.content(of: "\(begin) \t\r\nkept \r\n\(end)\t\r\n") == "kept \n")
    }

    @Test(arguments: [
        "", "# Notes\n", "# Notes", "# Notes\r\n\r\nbody\r\n", "# Notes\r\nbody", "a\n\n\nb\n", "  \n", "x\r\ny\nz",
    ])
    func removingUndoesAnAppend(original: String) throws {
        let spliced = try block.splice("## Generated\n", into: original)
        #expect(Self.bytes(try block.removing(from: spliced)) == Self.bytes(original))
    }

    /// The documented corner: "a\n\n" and "a\n" splice to the same bytes, so removal gives "a\n".
    @Test func removingFromAFileThatEndedWithABlankLineDropsOneLineEnding() throws {
        let spliced = try block.splice("x", into: "a\n\n")
        #expect(Self.bytes(spliced) == Self.bytes(try block.splice("x", into: "a\n")))
        #expect(Self.bytes(try block.removing(from: spliced)) == Self.bytes("a\n"))
    }

    @Test func removingKeepsTextAfterTheBlockAndIsNilWithoutOne() throws {
        #expect(try block.removing(from: "just notes\n") == nil)
        #expect(
            Self.bytes(try block.removing(from: "top\n\n\(begin)\nx\n\(end)\nbottom\n"))
                == Self.bytes("top\n\nbottom\n"))
    }

    @Test func theAgentsAndImportBlocksAreIndependent() throws {
        let claude = try ManagedBlock.claudeImport.splice("@AGENTS.md", into: "# Claude\n")
        let both = try ManagedBlock.agents.splice("generated", into: claude)
        #expect(try ManagedBlock.claudeImport.content(of: both) == "@AGENTS.md\n")
        #expect(try ManagedBlock.agents.content(of: both) == "generated\n")
        #expect(Self.bytes(try ManagedBlock.agents.removing(from: both)) == Self.bytes(claude))
    }
}
