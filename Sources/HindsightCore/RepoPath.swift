/// A path inside a repository, kept as the exact bytes git stores (paths need not be UTF-8).
public struct RepoPath: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The path's bytes, `/`-separated, without a leading slash.
    public let bytes: [UInt8]

    /// A path from its raw bytes.
    public init(bytes: [UInt8]) { self.bytes = bytes }

    /// A path from a Swift string (UTF-8).
    public init(_ string: String) { self.bytes = Array(string.utf8) }

    /// The path as text; bytes that are not valid UTF-8 become U+FFFD.
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Whether the bytes are valid UTF-8, so `string` is lossless.
    public var isValidUTF8: Bool { String(validating: bytes, as: UTF8.self) != nil }

    /// The last path component's bytes.
    public var baseName: ArraySlice<UInt8> {
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return bytes[...] }
        return bytes[(slash + 1)...]
    }

    /// The bytes before the last `/`: the folder the path is in (empty at the root).
    public var directory: ArraySlice<UInt8> {
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return [] }
        return bytes[..<slash]
    }

    /// Whether `self` is `other` or lies below the directory `other`.
    public func isWithin(_ other: RepoPath) -> Bool {
        if other.bytes.isEmpty || bytes == other.bytes { return true }
        let prefix = other.bytes.last == UInt8(ascii: "/") ? other.bytes : other.bytes + [UInt8(ascii: "/")]
        return bytes.starts(with: prefix)
    }

    public var description: String { string }

    public static func < (lhs: RepoPath, rhs: RepoPath) -> Bool { lhs.bytes.lexicographicallyPrecedes(rhs.bytes) }
}
