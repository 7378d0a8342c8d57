/// RFC 4180 field quoting for CSV, with a guard against spreadsheet formula injection.
public enum CSVEscaping {
    /// Characters that make a spreadsheet read a cell as a formula when they come first.
    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// `text` as an RFC 4180 field: in double quotes (inner quotes doubled) when it holds a comma,
    /// a quote, CR or LF; as is otherwise.
    public static func field(_ text: String) -> String {
        let needsQuotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return text }
        var result = String.UnicodeScalarView()
        result.append("\"")
        for scalar in text.unicodeScalars {
            if scalar == "\"" { result.append("\"") }
            result.append(scalar)
        }
        result.append("\"")
        return String(result)
    }

    /// Untrusted text (from history) as a field: formula-guarded, then quoted as needed.
    public static func untrustedField(_ text: String) -> String {
        field(formulaGuarded(text))
    }

    /// `text` with a leading `'` when it starts with `=`, `+`, `-`, `@`, tab or CR, so a spreadsheet
    /// shows it as text instead of evaluating it.
    public static func formulaGuarded(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, formulaStarts.contains(first) else { return text }
        return "'" + text
    }
}
