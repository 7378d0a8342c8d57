/// git's C-style path quoting (`core.quotePath` on): a path with a control character, a quote, a
/// backslash or a non-ASCII byte is printed in double quotes with backslash escapes.
public enum GitQuoting {
    /// `path` as git prints it in a tab-separated listing.
    public static func quoted(_ path: [UInt8]) -> [UInt8] {
        guard path.contains(where: needsQuoting) else { return path }
        var result: [UInt8] = [UInt8(ascii: "\"")]
        for byte in path {
            if let escape = shortEscapes[byte] {
                result += [UInt8(ascii: "\\"), escape]
            } else if needsQuoting(byte) {
                result += [
                    UInt8(ascii: "\\"), octalDigit(byte >> 6), octalDigit((byte >> 3) & 7), octalDigit(byte & 7),
                ]
            } else {
                result.append(byte)
            }
        }
        result.append(UInt8(ascii: "\""))
        return result
    }

    private static let shortEscapes: [UInt8: UInt8] = [
        7: UInt8(ascii: "a"), 8: UInt8(ascii: "b"), 9: UInt8(ascii: "t"), 10: UInt8(ascii: "n"),
        11: UInt8(ascii: "v"), 12: UInt8(ascii: "f"), 13: UInt8(ascii: "r"),
        UInt8(ascii: "\""): UInt8(ascii: "\""), UInt8(ascii: "\\"): UInt8(ascii: "\\"),
    ]

    private static func needsQuoting(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte >= 0x7f || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    private static func octalDigit(_ value: UInt8) -> UInt8 { UInt8(ascii: "0") + value }
}
