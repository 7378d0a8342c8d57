import HindsightCore

/// A path or glob a tool was given, checked to stay inside the repository: relative to the work
/// tree's root, or absolute below it; never `..`, NUL or longer than the cap.
enum ConfinedPath {
    /// The most bytes a path or glob argument may have.
    static let maximumBytes = 1_024

    /// `text` as a path from the work tree's root ("" for the root itself).
    ///
    /// - Parameter workTree: the work tree's absolute path without a trailing slash; nil in a bare
    ///   repository, where only relative paths are taken.
    static func resolve(_ text: String, workTree: String?, argument: String = "path") throws(ToolError) -> RepoPath {
        let bytes = Array(text.utf8)
        if bytes.count > maximumBytes {
            throw ToolError("\(argument) is \(bytes.count) bytes long; the cap is \(maximumBytes).")
        }
        if bytes.contains(0) { throw ToolError("\(argument) contains a NUL byte; give a path inside the repository.") }
        var relative = Substring(text)
        if relative.hasPrefix("/") {
            guard let root = workTree, relative == root || relative.hasPrefix(root + "/") else {
                throw ToolError(
                    "\(argument) \(quotedArgument(text)) is outside the repository; give a path relative to its root.")
            }
            relative = relative.dropFirst(root.count)
        }
        let components = relative.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        if components.contains("..") {
            throw ToolError("\(argument) \(quotedArgument(text)) contains '..'; paths must stay inside the repository.")
        }
        return RepoPath(components.joined(separator: "/"))
    }

    /// Whether `text` is a glob (has `*` or `?`) rather than a plain path.
    static func isGlob(_ text: String) -> Bool {
        text.contains("*") || text.contains("?")
    }

    /// An argument as it is quoted back in an error: JSON string quoting, capped.
    static func quotedArgument(_ text: String) -> String {
        HistoryText.quoted(text, limit: 120)
    }
}
