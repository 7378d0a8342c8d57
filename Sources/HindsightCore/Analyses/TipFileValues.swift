/// Something about each of the tip's files (its line count, its text), read from the repository on
/// demand and remembered; the analyses' worker threads share one.
public final class TipFileValues<Value: Sendable>: Sendable {
    private let read: @Sendable (RepoPath) -> Value?
    private let known = Locked<[RepoPath: Value?]>([:])

    /// Values read by `read` (nil: no such text file at the tip).
    public init(read: @escaping @Sendable (RepoPath) -> Value?) {
        self.read = read
    }

    /// The value for `path` at the tip; nil when the tip has no text file there.
    public func value(of path: RepoPath) -> Value? {
        if let cached = known.withLock({ $0[path] }) { return cached }
        let value = read(path)
        known.withLock { $0[path] = value }
        return value
    }
}

/// The line counts of the tip's files.
public typealias TipLineCounts = TipFileValues<Int>

/// The texts of the tip's files (build files, manifests, contributing guides), for what only their
/// contents say, such as how the tests run.
public typealias TipTexts = TipFileValues<String>
