import HindsightCore

/// Remembers which paths `.gitattributes` marks as not diffable, shared by every worker of a mine:
/// each lookup costs libgit2 about ten file-system calls, and a path recurs across thousands of commits.
public final class AttributeCache: Sendable {
    private let binaryByPath = Locked<[[UInt8]: Bool]>([:])

    /// An empty cache.
    public init() {}

    /// The cached answer for `path`, or `compute()`'s, remembered.
    func isBinary(_ path: [UInt8], compute: () -> Bool) -> Bool {
        if let known = binaryByPath.withLock({ $0[path] }) { return known }
        let marked = compute()
        binaryByPath.withLock { $0[path] = marked }
        return marked
    }
}
