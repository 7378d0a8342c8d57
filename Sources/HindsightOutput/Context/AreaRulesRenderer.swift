import HindsightCore

/// One path-scoped rule file per area of the repository: what the context knows about paths there,
/// in the same phrasing as the AGENTS.md block, the most decision-relevant first, each whole file
/// (front matter included, in the largest format) within `budget` tokens.
public struct AreaRulesRenderer: Sendable {
    /// The most tokens one rule file may take.
    public var budget: Int

    /// A renderer keeping each file within `budget` tokens.
    public init(budget: Int = 400) {
        self.budget = budget
    }

    /// The smallest budget that holds the front matter, the title and a fact or two.
    public static let minimumBudget = 100

    /// The rule files' contents, one per area with more to say than that it is settled or busy, in path order.
    public func render(_ areas: [ContextArea]) -> [RuleFileContent] {
        var slugs = Set<String>()
        // Settled files and recent activity alone are in AGENTS.md already (or cut from it for
        // being least urgent); a file for them would be loaded on every touch and change no decision.
        return areas.filter { area in
            var decisive = area.facts
            decisive.stableAreas = []
            decisive.activeAreas = []
            return decisive != AgentContext(head: area.facts.head)
        }
        .compactMap { area in
            let isRoot = area.directory.string.isEmpty
            let name = isRoot ? "the repository root" : area.directory.string + "/"
            // Two areas whose names sanitise alike (`src/io`, `src-io`) get distinct files.
            let base = RuleFileContent.sanitizedSlug(isRoot ? "root" : area.directory.string)
            var slug = base
            var number = 2
            while !slugs.insert(slug).inserted {
                slug = "\(base)-\(number)"
                number += 1
            }
            var content = RuleFileContent(
                slug: slug, description: "What history teaches about \(name): \(topics(area.facts))",
                globs: isRoot ? [] : [Self.globEscaped(area.directory.string) + "/**"], body: "",
                head: area.facts.head?.hex)
            let wrapper = ruleFileFormats.map { ContextBudget.tokens($0.render(content)) }.max() ?? 0
            // The root's files are globbed one by one, so each fact pays for the globs it adds and the
            // file lists only the root files its facts name (git's root holds hundreds).
            let rootGlobs = Dictionary(
                uniqueKeysWithValues: area.rootFiles.map { (ContextLines.code($0.string), Self.globEscaped($0.string)) }
            )
            let (body, kept) = body(area, name: name, room: budget - wrapper) { item in
                rootGlobs.filter { TextShaping.containsBytes(item, $0.key) }.map(\.value)
            }
            if isRoot {
                content.globs = Set(
                    kept.flatMap { item in rootGlobs.filter { TextShaping.containsBytes(item, $0.key) }.map(\.value) }
                )
                .sorted()
                guard !content.globs.isEmpty else { return nil }
            }
            content.body = body
            return content
        }
    }

    /// The file's Markdown within `room` tokens, and the fact lines it kept: where the area's tests
    /// live first (what every change there needs), then the sections in the block's order, and what
    /// was cut. `globs` gives the glob lines a fact needs in the front matter, paid for once each.
    private func body(_ area: ContextArea, name: String, room: Int, globs: (String) -> [String]) -> (String, [String]) {
        let title = "# History of \(ContextLines.flat(name, limit: 200))"
        var sections = ContextLines.sections(of: area.facts).filter { !$0.items.isEmpty }
        if let tests = sections.firstIndex(where: { $0.title == ContextLines.conventionsTitle }) {
            sections.insert(sections.remove(at: tests), at: 0)
        }
        let hint = "; `hindsight report` has them all"
        let note = ContextBudget.leftOutNote(99_999, budget: budget, hint: hint) ?? ""
        let reserved = ContextBudget.tokens(title + "\n") + ContextBudget.tokens("\n" + note + "\n")
        // A glob line costs at most what Claude's `  - "glob"` list entry does.
        var paid = Set<String>()
        let taken = ContextBudget.fill(
            sections, room: room - reserved, rounds: [1, 3], heading: { "\n## \($0)\n\n" },
            extra: { item in
                let new = globs(item).filter { !paid.contains($0) }
                return (new.reduce(0) { $0 + ContextBudget.tokens("  - \"\($1)\"\n") }, { paid.formUnion(new) })
            })
        var lines = [title]
        var kept: [String] = []
        for (index, section) in sections.enumerated() where taken[index] > 0 {
            lines += ["", "## \(section.title)", ""] + section.items.prefix(taken[index])
            kept += section.items.prefix(taken[index])
        }
        let left = sections.enumerated().reduce(0) { $0 + $1.element.items.count - taken[$1.offset] }
        if let cut = ContextBudget.leftOutNote(left, budget: budget, hint: hint) { lines += ["", cut] }
        return (lines.joined(separator: "\n") + "\n", kept)
    }

    private func topics(_ facts: AgentContext) -> String {
        let named: [(Bool, String)] = [
            (!facts.lessons.isEmpty, "lessons"), (!facts.doNotRetry.isEmpty, "reverted attempts"),
            (!facts.fixProne.isEmpty, "fix-prone files"),
            (!facts.coChanges.isEmpty, "files that change together"), (!facts.guards.isEmpty, "guards"),
            (!facts.stableAreas.isEmpty, "settled files"), (!facts.activeAreas.isEmpty, "recent activity"),
            (!facts.conventions.isEmpty, "where tests live"),
        ]
        return named.filter(\.0).map(\.1).joined(separator: ", ")
    }

    /// A path as a glob that matches only itself: glob metacharacters backslash-escaped.
    static func globEscaped(_ path: String) -> String {
        var result = ""
        for character in path {
            if "*?[]{}\\!,".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
