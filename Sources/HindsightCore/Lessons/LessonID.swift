/// A new lesson's id: `ls-` and eight hexadecimal digits of its content and moment, so two branches
/// adding lessons never pick the same file name; `attempt` varies it when a file already has it.
public func newLessonID(
    kind: LessonKind, paths: [String], text: String, author: String, created: Int64, attempt: Int = 0
)
    -> String
{
    var hash = FNV1a64()
    for part in [kind.rawValue, paths.joined(separator: "\n"), text, author, String(created), String(attempt)] {
        hash.add(part.utf8)
        hash.add([0])
    }
    let hex = String(hash.value >> 32, radix: 16)
    return "ls-" + String(repeating: "0", count: 8 - hex.count) + hex
}

/// Whether `id` can name a lesson file: `ls-` then lower-case letters, digits and dashes (at most 64 in all).
public func isLessonID(_ id: String) -> Bool {
    id.hasPrefix("ls-") && id.count > 3 && id.count <= 64
        && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
}
