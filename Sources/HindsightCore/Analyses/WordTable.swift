/// A set of lower-case ASCII words that byte slices are tested against, ignoring ASCII case and
/// allocating nothing: the fix detector reads every word of every message of a history with it.
struct WordTable: Sendable {
    /// Candidates by first letter (`a` is 0) and length (capped at `maxLength + 1`).
    private let buckets: [[[UInt8]]]
    private let maxLength: Int

    /// A table of `words`, each lower-case ASCII starting with a letter.
    init(_ words: some Sequence<String>) {
        let bytes = words.map { Array($0.utf8) }
        let longest = bytes.map(\.count).max() ?? 0
        var buckets = [[[UInt8]]](repeating: [], count: 26 * (longest + 1))
        for word in bytes {
            guard let initial = word.first, (0x61...0x7a).contains(initial) else { continue }
            buckets[Int(initial - 0x61) * (longest + 1) + word.count].append(word)
        }
        self.buckets = buckets
        maxLength = longest
    }

    /// Whether `word` is one of the table's words, ignoring ASCII case.
    func contains(_ word: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        let count = word.count
        guard count > 0, count <= maxLength else { return false }
        let initial = word[word.startIndex] | 0x20
        guard initial >= 0x61, initial <= 0x7a else { return false }
        for candidate in buckets[Int(initial - 0x61) * (maxLength + 1) + count] {
            var index = word.startIndex
            var matches = true
            for byte in candidate {
                if word[index] | 0x20 != byte {
                    matches = false
                    break
                }
                index += 1
            }
            if matches { return true }
        }
        return false
    }

    /// Whether `byte` belongs to a word as `\b` sees it: an ASCII letter or digit, `_`, or any
    /// non-ASCII byte.
    @inline(__always)
    static func isWordByte(_ byte: UInt8) -> Bool {
        // Arithmetic, not a lookup table: a static table costs an initialisation check and a
        // bounds check per byte, which made the scan of every message half again as slow.
        (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7a) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5f || byte >= 0x80
    }

    /// The next word of `bytes` at or after `start`, if any.
    static func nextWord(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Range<Int>? {
        var index = start
        while index < bytes.count, !isWordByte(bytes[index]) { index += 1 }
        let first = index
        while index < bytes.count, isWordByte(bytes[index]) { index += 1 }
        return index > first ? first..<index : nil
    }
}
