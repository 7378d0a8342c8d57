/// A commit's object id as 40 (or 64) lowercase hexadecimal digits.
public struct CommitID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The full hexadecimal id.
    public let hex: String

    /// Wraps a hexadecimal id; returns nil unless it is 40 or 64 hexadecimal digits.
    public init?(hex: String) {
        let lowered = hex.lowercased()
        guard lowered.count == 40 || lowered.count == 64,
            lowered.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) })
        else { return nil }
        self.hex = lowered
    }

    /// Wraps an id already known to be well formed (from libgit2 or the index).
    public init(trustedHex: String) { self.hex = trustedHex }

    /// The first seven digits, as git abbreviates by default.
    public var short: String { String(hex.prefix(7)) }

    public var description: String { hex }

    public static func < (lhs: CommitID, rhs: CommitID) -> Bool { lhs.hex < rhs.hex }
}
