import Foundation
import Testing

@testable import HindsightCore

/// The text helpers' fast paths answer as their general forms do.
@Suite struct TextShapingTests {
    @Test(arguments: [
        ("plain ascii/path.c", "plain ascii/path.c"), ("a\u{200B}b", "ab"), ("\u{FEFF}bom", "bom"),
        ("r\u{202E}tl", "rtl"), ("café", "café"), ("", ""),
    ])
    func visibleDropsFormatCharactersOnly(text: String, expected: String) {
        #expect(TextShaping.visible(text) == expected)
    }

    @Test func byteSearchAgreesWithFoundationOnBuiltText() {
        let texts = ["`src/copy.c` and `README.md`", "`a`", "aaab", "", "`é/ü.c` moved", "ab"]
        let parts = ["`src/copy.c`", "`README.md`", "`a`", "aab", "", "`é/ü.c`", "`b`", "abc", "b"]
        for text in texts {
            for part in parts {
                let expected = part.isEmpty || text.range(of: part) != nil
                #expect(TextShaping.containsBytes(text, part) == expected, "\(text) / \(part)")
            }
        }
    }
}
