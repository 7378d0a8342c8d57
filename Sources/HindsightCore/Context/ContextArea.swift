/// The part of an agent context about one area of the repository (a directory cut to two
/// components, or the root's own files), for one path-scoped rule file.
public struct ContextArea: Hashable, Sendable {
    /// The directory ("" for files at the repository root).
    public var directory: RepoPath
    /// The facts about paths in the area, each list in the context's order.
    public var facts: AgentContext
    /// The files at the root the area covers, when `directory` is the root (rule files scope to them).
    public var rootFiles: [RepoPath]

    /// An area from its parts.
    public init(directory: RepoPath, facts: AgentContext, rootFiles: [RepoPath] = []) {
        self.directory = directory
        self.facts = facts
        self.rootFiles = rootFiles
    }
}

/// `context` split by area, areas in path order; an area exists when at least one fact falls in it.
/// Reverted attempts and guards go to every area they touch; a co-change pair goes to both files'
/// areas, partners outside the area first; conventions stay in AGENTS.md, except where tests
/// live, which goes to the source area.
public func contextAreas(of context: AgentContext) -> [ContextArea] {
    var areas: [RepoPath: AgentContext] = [:]
    func add(_ path: RepoPath, _ update: (inout AgentContext) -> Void) {
        update(&areas[areaDirectory(of: path), default: AgentContext(head: context.head)])
    }
    for attempt in context.doNotRetry {
        for directory in Set(attempt.files.map { areaDirectory(of: $0) }) {
            areas[directory, default: AgentContext(head: context.head)].doNotRetry.append(attempt)
        }
    }
    for file in context.fixProne { add(file.path) { $0.fixProne.append(file) } }
    for list in context.coChanges {
        add(list.path) { $0.coChanges.append(list) }
        // Each pair is listed once, under the file with more commits; an agent in the partner's area
        // needs it too, seen from its side.
        let home = areaDirectory(of: list.path)
        for partner in list.partners where areaDirectory(of: partner.path) != home {
            let mirrored = CoChangeList(
                path: partner.path, commits: partner.partnerCommits,
                partners: [
                    CouplingPartner(
                        path: list.path, degree: partner.degree, shared: partner.shared, partnerCommits: list.commits)
                ])
            add(partner.path) { $0.coChanges.append(mirrored) }
        }
    }
    for area in context.stableAreas {
        // A settled directory belongs to the area it sits in (or is): `a/b/c/` goes to `a/b`.
        let directory = area.isDirectory ? RepoPath(area.path.string + "/-") : area.path
        add(directory) { $0.stableAreas.append(area) }
    }
    for active in context.activeAreas {
        add(RepoPath(active.directory.string + "/-")) { $0.activeAreas.append(active) }
    }
    for convention in context.conventions {
        if case .testLocation(let source, _, _, _) = convention {
            add(RepoPath(source.string + "/-")) { $0.conventions.append(convention) }
        }
    }
    for entry in context.lessons {
        // A lesson about the whole repository stays in AGENTS.md; one about paths goes to each of their areas.
        for directory in Set(entry.lesson.paths.map(lessonArea)) {
            areas[directory, default: AgentContext(head: context.head)].lessons.append(entry)
        }
    }
    for item in context.guards {
        for directory in Set(item.scope.map { areaDirectory(of: $0) }) {
            areas[directory, default: AgentContext(head: context.head)].guards.append(item)
        }
    }
    for directory in areas.keys {
        // What an agent cannot see from inside the area comes first: partners elsewhere.
        let lists = areas[directory]?.coChanges ?? []
        let reachesOut = { (list: CoChangeList) in list.partners.contains { areaDirectory(of: $0.path) != directory } }
        areas[directory]?.coChanges = lists.filter(reachesOut) + lists.filter { !reachesOut($0) }
    }
    return areas.map { directory, facts in
        ContextArea(directory: directory, facts: facts, rootFiles: directory.string.isEmpty ? rootFiles(of: facts) : [])
    }.sorted { $0.directory < $1.directory }
}

/// The area a lesson's path or glob falls in: a folder (`src/cache/`) is its own, a file or glob
/// (`src/diff*.c`) the one its folder is in.
func lessonArea(_ path: String) -> RepoPath {
    let literal = literalPrefix(of: path)
    return areaDirectory(of: RepoPath(literal.hasSuffix("/") || literal != path ? literal + "-" : literal))
}

/// The root-level paths an area's facts mention.
private func rootFiles(of facts: AgentContext) -> [RepoPath] {
    let lessonFiles = facts.lessons.flatMap(\.lesson.paths).filter { !$0.contains("*") && !$0.contains("?") }
    let paths =
        facts.doNotRetry.flatMap(\.files) + facts.fixProne.map(\.path) + facts.coChanges.map(\.path)
        + facts.stableAreas.map(\.path) + facts.guards.flatMap(\.scope) + lessonFiles.map { RepoPath($0) }
    return Set(paths.filter { !$0.string.contains("/") }).sorted()
}
