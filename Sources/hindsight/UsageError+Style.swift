import ArgumentParser

/// Usage errors in the tool's one error style: `hindsight: error: …` on the first line, then
/// ArgumentParser's help and usage lines, and a suggestion for a mistyped subcommand.
enum UsageErrorStyle {
    /// `message` (ArgumentParser's full message for a parse error) restyled; `arguments` are the
    /// command line's arguments after the program name.
    static func restyled(_ message: String, arguments: [String], commands: [String]) -> String {
        var lines = message.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard var first = lines.first else { return message }
        if first.hasPrefix("Error: ") { first.removeFirst("Error: ".count) }
        // At the root, a first word that is no command is the mistake, whatever else follows it.
        if let typed = arguments.first, !typed.hasPrefix("-"), !commands.contains(typed),
            lines.contains(where: { $0.hasPrefix("Usage: hindsight <subcommand>") })
        {
            let nearest = commands.map { ($0, editDistance($0, typed)) }.filter { $0.1 <= 2 }.min { $0.1 < $1.1 }
            first = "unknown command '\(typed)'" + (nearest.map { "; did you mean '\($0.0)'?" } ?? "")
        }
        lines[0] = "hindsight: error: " + first.prefix(1).lowercased() + first.dropFirst()
        return lines.joined(separator: "\n")
    }

    /// Levenshtein distance over characters.
    static func editDistance(_ left: String, _ right: String) -> Int {
        let right = Array(right)
        var previous = Array(0...right.count)
        for (row, character) in left.enumerated() {
            var current = [row + 1]
            for (column, other) in right.enumerated() {
                current.append(
                    min(previous[column + 1] + 1, current[column] + 1, previous[column] + (character == other ? 0 : 1)))
            }
            previous = current
        }
        return previous[right.count]
    }
}
