/// How history is read into the index; a change to these invalidates the stored rows.
public struct HistoryOptions: Hashable, Sendable {
    /// Detect renames, as `git log -M` does; off gives `--no-renames` rows.
    public var detectRenames: Bool
    /// Minimum similarity, in percent, for an inexact rename (git's default 50).
    public var renameThreshold: Int
    /// Inexact rename detection is skipped in a commit whose added × deleted files exceed this squared,
    /// as git's `diff.renameLimit` does; exact renames are always paired. Never read from git config.
    public var renameLimit: Int
    /// Read a blob the object database lacks (a damaged or trimmed copy) as binary, with no line
    /// counts, instead of stopping; off by default, since the figures then undercount.
    public var missingBlobsAreBinary: Bool

    /// Options from their parts; the defaults are git's.
    public init(
        detectRenames: Bool = true, renameThreshold: Int = 50, renameLimit: Int = 1000,
        missingBlobsAreBinary: Bool = false
    ) {
        self.detectRenames = detectRenames
        self.renameThreshold = renameThreshold
        self.renameLimit = renameLimit
        self.missingBlobsAreBinary = missingBlobsAreBinary
    }

    /// A short text that changes whenever stored rows would differ.
    public var fingerprint: String {
        (detectRenames ? "renames=\(renameThreshold)%/limit=\(renameLimit)" : "renames=off")
            + (missingBlobsAreBinary ? "/missing-blobs=binary" : "")
    }
}
