import ArgumentParser
import Foundation
import HindsightCore
import HindsightGit

/// Turns a path typed by the user into a path inside the repository.
enum RepositoryPath {
    /// `text` relative to `base` (the `--repo` directory, itself relative to the current directory),
    /// as a path from the work tree's root. In a bare repository `text` is taken as it is.
    static func resolve(_ text: String, base: String, in repository: GitRepository) throws -> RepoPath {
        guard let workTree = repository.workTree else { return RepoPath(trimmingSlashes(text)) }
        let baseURL = URL(fileURLWithPath: base, isDirectory: true)
        let absolute = URL(fileURLWithPath: text, relativeTo: baseURL).standardizedFileURL.resolvingSymlinksInPath()
            .path
        let root = workTree.standardizedFileURL.resolvingSymlinksInPath().path
        if absolute == root { return RepoPath("") }
        guard absolute.hasPrefix(root + "/") else {
            throw ValidationError("'\(text)' is outside the repository at \(root).")
        }
        return RepoPath(trimmingSlashes(String(absolute.dropFirst(root.count + 1))))
    }

    private static func trimmingSlashes(_ text: String) -> String {
        var trimmed = Substring(text)
        while trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        while trimmed.hasPrefix("./") { trimmed = trimmed.dropFirst(2) }
        return String(trimmed)
    }
}
