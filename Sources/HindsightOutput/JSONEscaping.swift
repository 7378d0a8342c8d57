/// JSON string quoting for untrusted text (paths, messages, names).
public enum JSONEscaping {
    /// `text` as a JSON string literal, with quotes, backslashes and control characters escaped.
    public static func quoted(_ text: String) -> [UInt8] {
        var result: [UInt8] = []
        appendQuoted(text, to: &result)
        return result
    }

    /// Appends `text` as a JSON string literal to `result`.
    public static func appendQuoted(_ text: String, to result: inout [UInt8]) {
        result.append(UInt8(ascii: "\""))
        let utf8 = text.utf8
        if !utf8.contains(where: { $0 < 0x20 || $0 == 0x7f || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            result.append(contentsOf: utf8)
            result.append(UInt8(ascii: "\""))
            return
        }
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "\""): result += Array("\\\"".utf8)
            case UInt8(ascii: "\\"): result += Array("\\\\".utf8)
            case 0x0a: result += Array("\\n".utf8)
            case 0x0d: result += Array("\\r".utf8)
            case 0x09: result += Array("\\t".utf8)
            case 0..<0x20, 0x7f:
                let hex = Array("0123456789abcdef".utf8)
                result += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xf)]]
            default: result.append(byte)
            }
        }
        result.append(UInt8(ascii: "\""))
    }
}
