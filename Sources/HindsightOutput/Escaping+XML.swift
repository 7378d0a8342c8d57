/// XML 1.0 escaping for untrusted text (paths, messages, subjects) in element content and attributes.
///
/// `& < > " '` become entities; characters XML 1.0 forbids (C0 controls other than tab, LF and CR,
/// U+FFFE, U+FFFF) are dropped, since no character reference can carry them either.
public enum XMLEscaping {
    /// `text` safe as element content; line breaks stay line breaks (CR as `&#13;` so parsers keep it).
    public static func text(_ text: String) -> String {
        escaped(text, keepingLayout: true)
    }

    /// `text` safe inside a double- or single-quoted attribute; tab, LF and CR survive as references.
    public static func attribute(_ text: String) -> String {
        escaped(text, keepingLayout: false)
    }

    /// Whether XML 1.0 allows `scalar` in a document at all.
    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0a, 0x0d: true
        case 0x00..<0x20, 0xfffe, 0xffff: false
        default: true  // Swift strings hold no surrogates, so the rest of XML's Char production holds.
        }
    }

    private static func escaped(_ text: String, keepingLayout: Bool) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\r": result += "&#13;"
            case "\n" where !keepingLayout: result += "&#10;"
            case "\t" where !keepingLayout: result += "&#9;"
            case _ where !isAllowed(scalar): continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
