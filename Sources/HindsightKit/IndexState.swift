import HindsightCore

/// Where the index stands against `HEAD`: the one rule every command and the MCP server use to say
/// that answers leave recent commits out.
public enum IndexState: Sendable, Equatable {
    /// Nothing has been mined yet.
    case missing
    /// The index is at `HEAD`, or the branch is unborn and there is nothing to mine.
    case current
    /// The index is at `tip`; `HEAD` is `head`.
    case behind(tip: CommitID, head: CommitID)

    /// The state of an index at `tip` (nil: none, or nothing mined) for a repository whose `HEAD` is
    /// `head` (nil: an unborn branch, which has nothing to mine).
    public init(tip: CommitID?, head: CommitID?) {
        guard let tip else {
            self = .missing
            return
        }
        if let head, head != tip { self = .behind(tip: tip, head: head) } else { self = .current }
    }

    /// The note a check gives, ending with `remedy` (how to bring the index up to date from there),
    /// or nil when the index is current.
    public func note(remedy: String) -> String? {
        switch self {
        case .current: nil
        case .missing: "no history index yet, so only the change itself was checked: run `hindsight mine` once."
        case .behind(let tip, let head):
            "the history index is at \(tip.short), not HEAD (\(head.short)): run `hindsight mine`, or \(remedy)."
        }
    }
}
