import Foundation

/// The submodule paths a `.gitmodules` file lists (its `path = …` lines), in file order; a quoted
/// value loses its quotes, a trailing slash is dropped, comments (`#`, `;`) are skipped.
public func submodulePaths(inGitmodules text: String) -> [RepoPath] {
    text.split(whereSeparator: \.isNewline).compactMap { line -> RepoPath? in
        let entry = line.trimmingCharacters(in: .whitespaces)
        guard !entry.hasPrefix("#"), !entry.hasPrefix(";"), let equals = entry.firstIndex(of: "="),
            entry[..<equals].trimmingCharacters(in: .whitespaces).lowercased() == "path"
        else { return nil }
        var value = entry[entry.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
            value = String(value.dropFirst().dropLast())
        }
        while value.hasSuffix("/") { value.removeLast() }
        return value.isEmpty ? nil : RepoPath(value)
    }
}
