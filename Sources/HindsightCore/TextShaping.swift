import Foundation

/// The text helpers every format and answer shares: counts with their nouns, fixed-point numbers and
/// percents, cutting to a width with `…`, padding to a column, and dropping invisible characters. Widths count characters.
public enum TextShaping {
    /// A count with its noun, plural when the count is not 1: `1 file`, `3 files`, `2 fixes` (with `plural`).
    public static func count(_ value: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(value) \(value == 1 ? singular : plural ?? singular + "s")"
    }

    /// `value` with exactly `decimals` digits after the point, e.g. `fixed(2/3, 3)` is `0.667`,
    /// whatever the locale.
    public static func fixed(_ value: Double, _ decimals: Int) -> String {
        let text = String(format: "%.\(max(0, decimals))f", value)
        // -0.001 prints as "-0.00"; a sign on zero only confuses.
        return text.hasPrefix("-") && text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." })
            ? String(text.dropFirst()) : text
    }

    /// A 0…1 share as a percent with `decimals` digits, e.g. `67%` or `0.4%`.
    public static func percent(_ share: Double, decimals: Int = 0) -> String {
        fixed(share * 100, decimals) + "%"
    }

    /// `text` cut to at most `width` characters, ending in `…` when it was cut.
    public static func truncated(_ text: String, _ width: Int) -> String {
        guard text.count > width else { return text }
        guard width > 1 else { return width == 1 ? "…" : "" }
        return String(text.prefix(width - 1)) + "…"
    }

    /// `text` cut to at most `width` characters with `…` in the middle, keeping more of the end (a
    /// path's file name).
    public static func elidedMiddle(_ text: String, _ width: Int) -> String {
        guard text.count > width else { return text }
        guard width > 1 else { return width == 1 ? "…" : "" }
        let head = (width - 1) / 3
        return String(text.prefix(head)) + "…" + String(text.suffix(width - 1 - head))
    }

    /// `text` padded with spaces to `width`: on the right, or on the left when `alignRight`.
    public static func padded(_ text: String, _ width: Int, alignRight: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return alignRight ? padding + text : text + padding
    }

    /// `text` without invisible format characters (zero-width, bidirectional overrides, BOM), which
    /// could hide words from a reader while an agent still reads them.
    public static func visible(_ text: String) -> String {
        // No ASCII character is a format character, and nearly every path and subject is ASCII.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        return String(
            String.UnicodeScalarView(text.unicodeScalars.filter { $0.properties.generalCategory != .format }))
    }

    /// Whether `text` holds `part` byte for byte (a search of UTF-8 bytes, without Foundation's
    /// Unicode comparison, which costs far more and is not needed for text built by the same code).
    public static func containsBytes(_ text: String, _ part: String) -> Bool {
        var text = text
        var part = part
        return text.withUTF8 { haystack in
            part.withUTF8 { needle in
                guard let first = needle.first else { return true }
                guard needle.count <= haystack.count else { return false }
                var start = 0
                let last = haystack.count - needle.count
                while start <= last {
                    guard haystack[start] == first else {
                        start += 1
                        continue
                    }
                    var matched = 1
                    while matched < needle.count, haystack[start + matched] == needle[matched] { matched += 1 }
                    if matched == needle.count { return true }
                    start += 1
                }
                return false
            }
        }
    }
}
