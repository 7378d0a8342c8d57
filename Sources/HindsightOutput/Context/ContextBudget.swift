import HindsightCore

/// How many facts of each section fit a token budget, shared by the AGENTS.md block and the rule
/// files so both rank and cut the same way.
enum ContextBudget {
    /// Tokens `text` is estimated to take: one per four UTF-8 bytes, rounded up (close to what
    /// tokenizers give for English and code, and never less for the ASCII-heavy text written here).
    static func tokens(_ text: String) -> Int { (text.utf8.count + 3) / 4 }

    /// How many items of each section fit in `room` tokens, in rounds: in each, sections in order
    /// take items up to that round's count (`[3]`: three each, then the rest), so every kind of fact
    /// gets a say before any gets more. Each section keeps its own ranking: an item is taken only
    /// after every item above it. `heading` is what a section's title costs once its first item is in;
    /// `extra` what else an item costs beside its line, and what to note once it is taken.
    static func fill(
        _ sections: [(title: String, items: [String])], room: Int, rounds: [Int] = [3],
        heading: (String) -> String, extra: (String) -> (cost: Int, take: () -> Void) = { _ in (0, {}) }
    ) -> [Int] {
        var taken = Array(repeating: 0, count: sections.count)
        var used = 0
        for limit in rounds + [Int.max] {
            for (index, section) in sections.enumerated() {
                while taken[index] < min(limit, section.items.count) {
                    let item = section.items[taken[index]]
                    let title = taken[index] == 0 ? tokens(heading(section.title)) : 0
                    let more = extra(item)
                    let cost = title + tokens(item + "\n") + more.cost
                    if used + cost > room { break }
                    used += cost
                    more.take()
                    taken[index] += 1
                }
            }
        }
        return taken
    }

    /// The note on what a budget left out (with `hint` on where to find it), or nil when nothing was.
    static func leftOutNote(_ count: Int, budget: Int, hint: String = "") -> String? {
        count > 0 ? "(\(TextShaping.count(count, "more fact")) left out to stay within \(budget) tokens\(hint).)" : nil
    }
}
