import Yams

/// What adding hindsight to a hook manager's YAML file comes to: the new text, nothing (it is
/// there), or the lines to add by hand where an edit could not be proven to leave the rest alone.
public enum HookConfigEdit: Equatable, Sendable {
    /// The file with hindsight added; everything else parses as before.
    case edited(String)
    /// The file already runs hindsight's entries.
    case alreadyPresent
    /// What to add, and where, when the file's layout is not one an edit can be checked on.
    case byHand(String)
}

/// Line-level YAML helpers for edits that keep a user's comments, order and layout, which a parse
/// and re-serialise would lose. Each edit is checked by parsing both texts (see `verified`).
enum YAMLLines {
    /// The number of leading spaces.
    static func indent(_ line: Substring) -> Int { line.prefix { $0 == " " }.count }

    /// Blank or a comment: no content of its own.
    static func isBlankOrComment(_ line: Substring) -> Bool {
        let body = line.drop { $0 == " " }
        return body.isEmpty || body.hasPrefix("#")
    }

    /// The key a `key: …` line starts with (nil for list items, comments and plain text).
    static func key(of line: Substring) -> Substring? {
        let body = line.drop { $0 == " " }
        guard let colon = body.firstIndex(of: ":"), !body.hasPrefix("-"), !body.hasPrefix("#") else { return nil }
        let key = body[..<colon]
        let quotes: Set<Character> = ["\"", "'"]
        if let first = key.first, quotes.contains(first), key.count >= 2, key.last == first {
            return key.dropFirst().dropLast()
        }
        return key
    }

    /// What follows the key's colon, with a comment counted as nothing: "" opens a block.
    static func value(of line: Substring) -> Substring {
        guard let colon = line.firstIndex(of: ":") else { return "" }
        let rest = line[line.index(after: colon)...].drop { $0 == " " }
        return rest.hasPrefix("#") ? "" : rest
    }

    /// The lines after `start` that belong to its block: until the next content line indented no
    /// deeper than `indent` (trailing blank and comment lines stay outside).
    static func blockEnd(in lines: [Substring], after start: Int, indent: Int) -> Int {
        var end = start + 1
        var lastContent = start
        while end < lines.count {
            if !isBlankOrComment(lines[end]) {
                let depth = self.indent(lines[end])
                // A block sequence may sit at its key's own indent (`repos:` then `- repo: …`).
                if depth < indent || (depth == indent && !isListItem(lines[end])) { break }
                lastContent = end
            }
            end += 1
        }
        return lastContent + 1
    }

    static func isListItem(_ line: Substring) -> Bool {
        let body = line.drop { $0 == " " }
        return body == "-" || body.hasPrefix("- ")
    }

    static func spaces(_ count: Int) -> String { String(repeating: " ", count: count) }

    /// The parsed document, or nil when the text does not parse.
    static func parse(_ text: String) -> Node? {
        (try? Yams.compose(yaml: text)) ?? nil
    }

    /// The document as a node; a file of only blank lines and comments is an empty mapping.
    static func document(_ text: String) -> Node? {
        if text.split(separator: "\n").allSatisfy(isBlankOrComment) { return .mapping(Node.Mapping([])) }
        return parse(text)
    }

    /// `node` without the mapping key at `path` (the last element), or nil when the path is missing.
    static func removing(_ path: [String], from node: Node) -> Node? {
        guard let first = path.first, case .mapping(var mapping) = node, let child = mapping[first] else { return nil }
        if path.count == 1 {
            mapping[first] = nil
        } else {
            guard let reduced = removing(Array(path.dropFirst()), from: child) else { return nil }
            mapping[first] = reduced
        }
        return .mapping(mapping)
    }
}

extension HookConfigEdit {
    /// The lines an edit of `original` into `edited` adds or replaces, with their 1-based line
    /// numbers in `edited`: the edits only insert lines (and turn `repos: []` into `repos:`).
    public static func changedLines(from original: String, to edited: String) -> [(number: Int, text: String)] {
        let before = original.split(separator: "\n", omittingEmptySubsequences: false)
        let after = edited.split(separator: "\n", omittingEmptySubsequences: false)
        var changed: [(number: Int, text: String)] = []
        var old = 0
        for (index, line) in after.enumerated() {
            if old < before.count, before[old] == line {
                old += 1
            } else {
                // A line of the original that comes back later was pushed down; one that never does was replaced.
                if old < before.count, !after[(index + 1)...].contains(before[old]) { old += 1 }
                changed.append((index + 1, String(line)))
            }
        }
        return changed.filter { !$0.text.isEmpty || $0.number < after.count }
    }
}
