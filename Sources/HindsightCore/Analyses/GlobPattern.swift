/// A path pattern with `.gitignore` semantics: `*` and `?` stay within a path component, `**`
/// spans directories, a pattern without a slash matches a file or directory name at any depth,
/// a trailing slash matches directories only, and matching a directory covers everything below it.
public struct GlobPattern: Hashable, Sendable, CustomStringConvertible {
    /// The pattern as written.
    public let description: String
    private let segments: [[UInt8]]
    private let isAnchored: Bool
    private let isDirectoryOnly: Bool

    /// Vendored folders, lock files, generated and minified files, and Hindsight's own `.hindsight/`.
    public static let defaultIgnores: [GlobPattern] = [
        "vendor/", "third_party/", "third-party/", "node_modules/", "bower_components/", "Pods/", "Carthage/",
        "*.lock", "package-lock.json", "npm-shrinkwrap.json", "pnpm-lock.yaml", "go.sum", "Package.resolved",
        "*.min.js", "*.min.css", "*.js.map", "*.css.map", "*.pb.go", "*_pb2.py", "*.pb.swift", "*.generated.*",
        // Hindsight's own files: the guard file and the lesson files are data about the code, not code.
        "/.hindsight/",
    ].map { GlobPattern($0) }

    /// Parses a pattern; an empty pattern matches nothing.
    public init(_ pattern: String) {
        description = pattern
        var bytes = Array(pattern.utf8)
        isDirectoryOnly = bytes.last == UInt8(ascii: "/")
        while bytes.last == UInt8(ascii: "/") { bytes.removeLast() }
        let hasInnerSlash = bytes.contains(UInt8(ascii: "/"))
        while bytes.first == UInt8(ascii: "/") { bytes.removeFirst() }
        isAnchored = hasInnerSlash
        segments = bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true).map(Array.init)
    }

    /// Whether `path` (or a directory above it) matches.
    public func matches(_ path: RepoPath) -> Bool {
        guard !segments.isEmpty else { return false }
        let components = path.bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true)
        // A directory-only pattern may match any leading part but the whole path (the file itself).
        let lastEnd = isDirectoryOnly ? components.count - 1 : components.count
        guard lastEnd > 0 else { return false }
        if isAnchored {
            return (1...lastEnd).contains { Self.match(segments[...], components[..<$0]) }
        }
        return components[..<lastEnd].contains { Self.wildcardMatch(segments[0][...], $0) }
    }

    private static func match(_ pattern: ArraySlice<[UInt8]>, _ parts: ArraySlice<ArraySlice<UInt8>>) -> Bool {
        guard let head = pattern.first else { return parts.isEmpty }
        if head == Array("**".utf8) {
            let rest = pattern.dropFirst()
            return (parts.startIndex...parts.endIndex).contains { match(rest, parts[$0...]) }
        }
        guard let part = parts.first, wildcardMatch(head[...], part) else { return false }
        return match(pattern.dropFirst(), parts.dropFirst())
    }

    /// `*` and `?` matching within one component (`[` is taken literally).
    static func wildcardMatch(_ pattern: ArraySlice<UInt8>, _ text: ArraySlice<UInt8>) -> Bool {
        var p = pattern.startIndex
        var t = text.startIndex
        var star: Int?
        var starText = text.startIndex
        while t < text.endIndex {
            if p < pattern.endIndex, pattern[p] == UInt8(ascii: "?") || pattern[p] == text[t] {
                p += 1
                t += 1
            } else if p < pattern.endIndex, pattern[p] == UInt8(ascii: "*") {
                star = p
                starText = t
                p += 1
            } else if let star {
                p = star + 1
                starText += 1
                t = starText
            } else {
                return false
            }
        }
        while p < pattern.endIndex, pattern[p] == UInt8(ascii: "*") { p += 1 }
        return p == pattern.endIndex
    }
}
