import HindsightCore

/// Which files a tool call asks about: one path (a file, or a directory and everything below it)
/// or a glob with `.gitignore` semantics.
struct PathSelector: Sendable {
    /// A confined path or a glob over confined paths.
    enum Kind: Sendable {
        case path(RepoPath)
        case glob(GlobPattern)
    }

    /// The argument as given.
    let text: String
    let kind: Kind

    /// Checks `text` (see `ConfinedPath`) and reads it as a glob when it has `*` or `?`.
    init(_ text: String, workTree: String?, argument: String = "path") throws(ToolError) {
        self.text = text
        let path = try ConfinedPath.resolve(text, workTree: workTree, argument: argument)
        kind = ConfinedPath.isGlob(text) ? .glob(GlobPattern(path.string)) : .path(path)
    }

    /// Exactly `path` (and what lies below it), already confined.
    init(exactly path: RepoPath) {
        text = path.string
        kind = .path(path)
    }

    /// Whether `path` is selected.
    func matches(_ path: RepoPath) -> Bool {
        switch kind {
        case .path(let selected): path.isWithin(selected)
        case .glob(let pattern): pattern.matches(path)
        }
    }

    /// Whether `file` is selected.
    func matches(_ file: FileReport) -> Bool { matches(file.path) }

    /// The argument quoted for an answer's text.
    var quoted: String { ConfinedPath.quotedArgument(text) }
}
