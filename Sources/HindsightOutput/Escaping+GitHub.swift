/// GitHub Actions workflow-command escaping for untrusted text (paths, messages, subjects), so it
/// can neither end the command line nor start a command of its own.
///
/// Follows `@actions/core`: data escapes `%`, CR and LF; properties also `:` and `,`. Other control
/// characters (ESC, NUL, C1, line separators, bidi overrides) become visible escapes such as `\e`.
public enum GitHubEscaping {
    /// `text` as the message of a workflow command (after the second `::`).
    public static func data(_ text: String) -> String {
        escaped(text, isProperty: false)
    }

    /// `text` as a workflow-command property value (`file=`, `title=`).
    public static func property(_ text: String) -> String {
        escaped(text, isProperty: true)
    }

    private static func escaped(_ text: String, isProperty: Bool) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": result += "%25"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            case ":" where isProperty: result += "%3A"
            case "," where isProperty: result += "%2C"
            default:
                let single = String(scalar)
                result +=
                    scalar.value < 0x80 && scalar.value >= 0x20 && scalar.value != 0x7f
                    ? single : ReportText.terminalSafe(single)
            }
        }
        return result
    }
}
