/// What an index file holds, read without changing it (no migration, no write): `hindsight doctor`'s view.
public struct IndexInspection: Sendable, Equatable {
    /// How the file's schema compares with this hindsight's.
    public enum Schema: String, Sendable, Equatable {
        /// Every migration this hindsight knows, and no other.
        case current
        /// Written by an older hindsight: the next `mine` upgrades it (some upgrades re-mine everything).
        case older
        /// Written by a newer hindsight, which this one cannot read.
        case newer
    }

    /// The schema's state.
    public var schema: Schema
    /// The commit the index was last brought up to date with; nil before the first complete mine.
    public var tip: CommitID?
    /// The `HistoryOptions.fingerprint` its rows were mined with.
    public var options: String?
    /// The shallow boundary when the tip was mined (empty: a full clone); nil when not recorded.
    public var shallowBoundary: Set<CommitID>?
    /// Commits reachable from the tip, when recorded.
    public var reachableCommits: Int?

    /// An inspection from its parts.
    public init(
        schema: Schema, tip: CommitID? = nil, options: String? = nil, shallowBoundary: Set<CommitID>? = nil,
        reachableCommits: Int? = nil
    ) {
        self.schema = schema
        self.tip = tip
        self.options = options
        self.shallowBoundary = shallowBoundary
        self.reachableCommits = reachableCommits
    }
}
