/// Markdown escaping for untrusted text (paths, subjects, names) so it shows literally and never
/// breaks a table row, starts markup, or smuggles HTML into the rendered page.
public enum MarkdownEscaping {
    /// Punctuation that Markdown (CommonMark, GFM tables, GitHub's math) would read as markup.
    private static let backslashed: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "[", "]", "|", "~", "$", "#"]

    /// `text` as inline Markdown that renders as the same characters, on one line, safe in a table cell.
    public static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case _ where backslashed.contains(scalar): result += "\\" + String(scalar)
            case _ where isLineBreakingOrControl(scalar): result += " "
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `text` as a code span (outside tables) whose fence is longer than any backtick run inside it.
    public static func codeSpan(_ text: String) -> String {
        var flat = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { flat.append(isLineBreakingOrControl(scalar) ? " " : scalar) }
        let body = String(flat)
        guard !body.isEmpty else { return "" }
        var longest = 0
        var run = 0
        for scalar in body.unicodeScalars {
            run = scalar == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        // CommonMark strips one space from each end, so pad when the text touches a backtick or space.
        let needsPadding = body.hasPrefix("`") || body.hasSuffix("`") || body.hasPrefix(" ") || body.hasSuffix(" ")
        let padding = needsPadding ? " " : ""
        return fence + padding + body + padding + fence
    }

    /// C0 and C1 controls, DEL, and Unicode line and paragraph separators.
    static func isLineBreakingOrControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7f...0x9f).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }
}
