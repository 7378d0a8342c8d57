/// HTML escaping for untrusted text (paths, subjects, names, emails) in element text and attributes.
public enum HTMLEscaping {
    /// `text` safe inside an element or a double- or single-quoted attribute value.
    ///
    /// Escapes `& < > " '` and turns control characters (newlines, tabs, NUL, C1 controls) into
    /// spaces, so a subject stays on one line and a tooltip holds no raw line breaks.
    public static func escaped(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\u{0}"..."\u{1F}", "\u{7F}"..."\u{9F}", "\u{2028}", "\u{2029}": result += " "
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

extension String {
    /// The string escaped for HTML text or a quoted attribute value.
    var htmlEscaped: String { HTMLEscaping.escaped(self) }
}
