import Testing

@testable import HindsightCore

@Suite struct WordTableTests {
    /// Whole words of the table match in any ASCII case; prefixes, longer words and look-alikes do not.
    @Test(arguments: [
        ("fix", true), ("FIX", true), ("Fixes", true), ("flake8", true), ("fi", false), ("fixe", false),
        ("fixing", false), ("", false), ("_fix", false), ("8fix", false), ("fïx", false),
    ])
    func matchesWholeWordsIgnoringCase(word: String, expected: Bool) {
        let table = WordTable(["fix", "fixes", "flake8", "leak"])
        var text = word
        let found = text.withUTF8 { bytes in table.contains(bytes[0..<bytes.count]) }
        #expect(found == expected)
    }

    @Test func wordsSplitAsRegexWordBoundariesDo() {
        var text = "tests: don't-leak fd_3 ünï"
        let words = text.withUTF8 { bytes in
            var found: [String] = []
            var index = 0
            while let word = WordTable.nextWord(in: bytes, from: index) {
                found.append(String(decoding: bytes[word], as: UTF8.self))
                index = word.upperBound
            }
            return found
        }
        #expect(words == ["tests", "don", "t", "leak", "fd_3", "ünï"])
    }
}
