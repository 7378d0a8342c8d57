/// The line counts of the tip's files, read from the repository on demand and remembered; the
/// analyses' worker threads share one.
public final class TipLineCounts: Sendable {
    private let read: @Sendable (RepoPath) -> Int?
    private let known = Locked<[RepoPath: Int?]>([:])

    /// Counts read by `read` (nil: no such text file at the tip).
    public init(read: @escaping @Sendable (RepoPath) -> Int?) {
        self.read = read
    }

    /// The lines of `path` at the tip; nil when the tip has no text file there.
    public func lines(of path: RepoPath) -> Int? {
        if let cached = known.withLock({ $0[path] }) { return cached }
        let lines = read(path)
        known.withLock { $0[path] = lines }
        return lines
    }
}
