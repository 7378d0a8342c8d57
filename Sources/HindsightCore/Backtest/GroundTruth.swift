/// Where the backtest learns that a commit needed a later fix, in order of trust.
public enum FixInducingSource: String, CaseIterable, Sendable, Comparable {
    /// A later commit's `Fixes: <id>` trailer names it.
    case fixesTrailer = "fixes-trailer"
    /// A later commit reverted it (`This reverts commit <id>.`).
    case reverted
    /// A later fix deleted or changed a line it added (SZZ by content).
    case szz

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}

/// The commits of a backtest window known to have needed a later fix, each with every source that says so.
public struct GroundTruth: Hashable, Sendable {
    /// Commit index (into the snapshot) → the sources naming it.
    public var sources: [Int: Set<FixInducingSource>]

    /// Ground truth from its parts.
    public init(sources: [Int: Set<FixInducingSource>] = [:]) {
        self.sources = sources
    }

    /// Every fix-inducing commit, whatever the source.
    public var commits: Set<Int> { Set(sources.keys) }

    /// The commits `source` names.
    public func commits(from source: FixInducingSource) -> Set<Int> {
        Set(sources.filter { $0.value.contains(source) }.keys)
    }

    /// Adds `source` for `commit`.
    public mutating func add(_ commit: Int, _ source: FixInducingSource) {
        sources[commit, default: []].insert(source)
    }
}

/// The window's commits that a later commit (up to `until`, exclusive) names in a `Fixes:` trailer or
/// reverts. `window` and `until` are commit indices in the snapshot's order (oldest first); merges are
/// never fix-inducing, and a commit can only be named by one after it.
public func explicitGroundTruth(in snapshot: HistorySnapshot, window: Range<Int>, until: Int) -> GroundTruth {
    let inWindow = window.filter { !snapshot.commits[$0].isMerge }
    var byHex: [String: Int] = [:]
    for index in inWindow { byHex[snapshot.commits[index].id.hex] = index }
    var truth = GroundTruth()
    for later in window.lowerBound..<min(until, snapshot.commits.count) {
        let commit = snapshot.commits[later]
        if let reverted = commit.revertedCommit, let index = byHex[reverted.hex], index < later {
            truth.add(index, .reverted)
        }
        for reference in commit.fixesReferences {
            guard let index = commitIndex(named: reference, in: byHex), index < later else { continue }
            truth.add(index, .fixesTrailer)
        }
    }
    return truth
}

/// The commit a `Fixes:` value names: its first word, 7 to 40 hex digits, as a unique id prefix.
func commitIndex(named reference: String, in byHex: [String: Int]) -> Int? {
    guard let word = reference.split(whereSeparator: { $0 == " " || $0 == "\t" }).first?.lowercased(),
        (7...40).contains(word.count), word.allSatisfy(\.isHexDigit)
    else { return nil }
    if let exact = byHex[word] { return exact }
    let matches = byHex.filter { $0.key.hasPrefix(word) }
    return matches.count == 1 ? matches.first?.value : nil
}
