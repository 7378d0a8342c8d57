/// Words to find in history's text, ignoring ASCII case: a byte search, since Foundation's
/// case-insensitive `range(of:)` took 100 ms over the fix subjects of a 100,000-commit history.
struct TextNeedle: Sendable {
    private let bytes: [UInt8]

    /// The needle for `text`.
    init(_ text: String) {
        bytes = text.utf8.map(Self.folded)
    }

    /// Whether `text` contains the needle, ASCII letters compared without case.
    func isFound(in text: String) -> Bool {
        guard let first = bytes.first else { return true }
        var utf8 = Array(text.utf8)
        guard utf8.count >= bytes.count else { return false }
        for index in utf8.indices { utf8[index] = Self.folded(utf8[index]) }
        var start = 0
        let last = utf8.count - bytes.count
        while start <= last {
            guard let position = utf8[start...last].firstIndex(of: first) else { return false }
            if utf8[position..<(position + bytes.count)].elementsEqual(bytes) { return true }
            start = position + 1
        }
        return false
    }

    private static func folded(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }
}
