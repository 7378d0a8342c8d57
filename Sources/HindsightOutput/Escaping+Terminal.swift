/// Terminal escaping for untrusted text (subjects, paths, names) printed to a terminal.
public enum TerminalEscaping {
    /// Untrusted text made safe for a terminal: controls (C0, DEL, C1, ESC), line separators and
    /// bidirectional overrides become visible escapes such as `\n`, `\e`, `\x01` or `\u{202e}`.
    public static func safe(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0a: result += "\\n"
            case 0x0d: result += "\\r"
            case 0x09: result += "\\t"
            case 0x1b: result += "\\e"
            case 0x00..<0x20, 0x7f: result += "\\x" + hexDigits(scalar.value, 2)
            case 0x80...0x9f, 0x2028, 0x2029, 0x200e, 0x200f, 0x202a...0x202e, 0x2066...0x2069:
                result += "\\u{" + hexDigits(scalar.value, 4) + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func hexDigits(_ value: UInt32, _ digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
