/// One version of `.hindsight/guards.yml` as a commit left it: its backtest record and which guards
/// people had accepted or muted, for `hindsight health`'s figures on the loop itself.
public struct GuardFileVersion: Hashable, Sendable {
    /// The commit (snapshot index) that wrote this version.
    public var commit: Int
    /// The backtest record, when the version holds one.
    public var record: BacktestRecord?
    /// Ids of accepted guards.
    public var accepted: Set<String>
    /// Ids of muted guards.
    public var muted: Set<String>

    /// A version from its parts.
    public init(commit: Int, record: BacktestRecord?, accepted: Set<String>, muted: Set<String>) {
        self.commit = commit
        self.record = record
        self.accepted = accepted
        self.muted = muted
    }
}
