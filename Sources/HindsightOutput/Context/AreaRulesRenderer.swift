import HindsightCore

/// One path-scoped rule file per area of the repository: everything the context knows about paths
/// there, in the same phrasing as the AGENTS.md block, at most `limit` facts per section.
public struct AreaRulesRenderer: Sendable {
    /// The most facts listed per section of one file.
    public var limit: Int

    /// A renderer listing at most `limit` facts per section.
    public init(limit: Int = 25) {
        self.limit = limit
    }

    /// The rule files' contents, one per area with more to say than recent activity, in path order.
    public func render(_ areas: [ContextArea]) -> [RuleFileContent] {
        var slugs = Set<String>()
        // Recent activity alone is in AGENTS.md already; a file for it would cost a read and teach nothing.
        return areas.filter { area in
            area.facts != AgentContext(head: area.facts.head, activeAreas: area.facts.activeAreas)
        }
        .compactMap { area in
            let name = area.directory.string.isEmpty ? "the repository root" : area.directory.string + "/"
            let globs =
                area.directory.string.isEmpty
                ? area.rootFiles.map { Self.globEscaped($0.string) } : [Self.globEscaped(area.directory.string) + "/**"]
            guard !globs.isEmpty else { return nil }
            // Two areas whose names sanitise alike (`src/io`, `src-io`) get distinct files.
            let base = RuleFileContent.sanitizedSlug(area.directory.string.isEmpty ? "root" : area.directory.string)
            var slug = base
            var number = 2
            while !slugs.insert(slug).inserted {
                slug = "\(base)-\(number)"
                number += 1
            }
            return RuleFileContent(
                slug: slug, description: "What history teaches about \(name): \(topics(area.facts))",
                globs: globs, body: body(area, name: name), head: area.facts.head?.hex)
        }
    }

    private func body(_ area: ContextArea, name: String) -> String {
        var lines = ["# History of \(ContextLines.flat(name, limit: 200))"]
        for (title, items) in ContextLines.sections(of: area.facts) where !items.isEmpty {
            lines += ["", "## \(title)", ""] + items.prefix(limit)
            if items.count > limit { lines.append("- … and \(items.count - limit) more: run `hindsight report`.") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func topics(_ facts: AgentContext) -> String {
        let named: [(Bool, String)] = [
            (!facts.doNotRetry.isEmpty, "reverted attempts"), (!facts.fixProne.isEmpty, "fix-prone files"),
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
