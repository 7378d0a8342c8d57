/// Each snapshot commit's parents as indices into the same snapshot: the shape of the history that
/// tells the mainline (first parents) from the branches merged into it.
public struct CommitGraph: Hashable, Sendable {
    /// For each commit, the indices of its parents the snapshot holds, first parent first.
    public var parents: [[Int]]
    /// For each commit, whether its first parent is in the snapshot (false at a shallow boundary and at roots).
    public var hasFirstParent: [Bool]

    /// A graph from each commit's parents; `hasFirstParent` defaults to "has any parent".
    public init(parents: [[Int]], hasFirstParent: [Bool]? = nil) {
        self.parents = parents
        self.hasFirstParent = hasFirstParent ?? parents.map { !$0.isEmpty }
    }

    /// `commit` and its first parents back to the root, newest first.
    public func firstParentChain(from commit: Int) -> [Int] {
        var chain: [Int] = []
        var current = commit
        while current >= 0, current < parents.count {
            chain.append(current)
            guard hasFirstParent[current], let next = parents[current].first, next != current else { break }
            current = next
        }
        return chain
    }

    /// Whether each commit is `commit` or one of its ancestors.
    public func ancestry(of commit: Int) -> [Bool] {
        var reached = [Bool](repeating: false, count: parents.count)
        guard commit >= 0, commit < parents.count else { return reached }
        var pending = [commit]
        reached[commit] = true
        while let next = pending.popLast() {
            for parent in parents[next] where !reached[parent] {
                reached[parent] = true
                pending.append(parent)
            }
        }
        return reached
    }
}
