/// `text` as a YAML scalar that reads back to exactly `text`: plain when that is unambiguous
/// (`src/parser.c`, `Ada Lovelace`), else double-quoted with escapes for quotes, backslashes,
/// control characters, line separators and invisible bidirectional marks (so a reviewer sees them).
func yamlScalar(_ text: String) -> String {
    isPlainSafe(text) ? text : doubleQuoted(text)
}

/// Words YAML 1.1 reads as booleans or null when plain.
private let reservedWords: Set<String> = [
    "y", "n", "yes", "no", "true", "false", "on", "off", "null",
]

/// Whether `text` can be written plain: it starts with a letter, `/` or `_` (so it never reads as
/// a number, date, `~`, `.inf` or an indicator), holds only letters, digits, spaces and harmless
/// punctuation (no `:`, `#`, quotes or brackets), does not end in a space and is no reserved word.
private func isPlainSafe(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
        isLetter(first) || first == "/" || first == "_", last != " ",
        !reservedWords.contains(text.lowercased())
    else { return false }
    return text.unicodeScalars.allSatisfy { scalar in
        isLetter(scalar) || ("0"..."9").contains(scalar) || " _-./,()+=;@!?%'".unicodeScalars.contains(scalar)
    }
}

private func isLetter(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isASCII ? ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) : scalar.properties.isAlphabetic
}

/// `text` double-quoted with escapes, for values that must always read as text (commit ids, dates).
func doubleQuoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
        switch scalar.value {
        case 0x5c: result += "\\\\"
        case 0x22: result += "\\\""
        case 0x0a: result += "\\n"
        case 0x09: result += "\\t"
        case 0x0d: result += "\\r"
        case 0x00: result += "\\0"
        case 0x01..<0x20, 0x7f...0x9f: result += "\\x" + hex(scalar.value, digits: 2)
        case 0x200b...0x200f, 0x2028...0x202e, 0x2060...0x206f, 0xfeff, 0xfffe, 0xffff:
            result += "\\u" + hex(scalar.value, digits: 4)
        default: result.unicodeScalars.append(scalar)
        }
    }
    return result + "\""
}

private func hex(_ value: UInt32, digits: Int) -> String {
    let text = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, digits - text.count)) + text
}
