/// Where a guard stands: proposed by mining, accepted by a person, or muted with a reason.
public enum GuardStatus: String, CaseIterable, Sendable {
    case proposed, accepted, muted
}

/// One guard mined from history, as `.hindsight/guards.yml` holds it: what it matches, where, and
/// the commits that taught it. People review it like code: accept it, raise its severity, mute it.
public struct Guard: Hashable, Sendable {
    /// Derived from kind, scope and match (`hs-` and 12 hex digits), so re-mining finds the same guard.
    public var id: String
    /// The guard kind (`reintroduced-fix`, `recurring-pattern`, `reverted-change`).
    public var kind: String
    /// Proposed, accepted or muted.
    public var status: GuardStatus
    /// How much a finding matters.
    public var severity: Severity
    /// The paths it applies to (current paths; empty for the whole repository).
    public var scope: [RepoPath]
    /// What it matches: for `reintroduced-fix` the whitespace-normalized line a fix removed.
    public var match: String
    /// What a finding says.
    public var message: String
    /// What to do about a finding.
    public var action: String
    /// The commits that taught it.
    public var evidence: [CommitRef]
    /// Why a person muted it.
    public var muteReason: String?
    /// Its tally in the latest backtest `guards mine` ran, when it flagged a replayed commit.
    public var record: GuardTally?

    /// A guard from its parts; `id` defaults to the one derived from kind, scope and match.
    public init(
        id: String? = nil, kind: String, status: GuardStatus = .proposed, severity: Severity, scope: [RepoPath],
        match: String, message: String, action: String, evidence: [CommitRef], muteReason: String? = nil
    ) {
        self.id = id ?? Guard.id(kind: kind, scope: scope, match: match)
        self.kind = kind
        self.status = status
        self.severity = severity
        self.scope = scope
        self.match = match
        self.message = message
        self.action = action
        self.evidence = evidence
        self.muteReason = muteReason
    }

    /// The content-derived id: `hs-` and the first 12 hex digits of FNV-1a 64 over kind, scope and match.
    public static func id(kind: String, scope: [RepoPath], match: String) -> String {
        var hash = FNV1a64()
        let parts =
            [Array(kind.utf8)] + scope.map(\.bytes).sorted { $0.lexicographicallyPrecedes($1) } + [Array(match.utf8)]
        for part in parts { hash.add(part + [0]) }
        let hex = String(hash.value, radix: 16)
        return "hs-" + String((String(repeating: "0", count: 16 - hex.count) + hex).prefix(12))
    }
}

/// The guards of a repository, in a stable order (kind, then id).
public struct GuardSet: Hashable, Sendable {
    /// The guards.
    public var guards: [Guard]
    /// The latest backtest's record, by kind.
    public var record: BacktestRecord?
    /// The `risky-change` model `guards mine` learned; nil before it did, or when history was too short.
    public var riskModel: RiskModel?

    /// A set from guards, sorted.
    public init(guards: [Guard] = [], record: BacktestRecord? = nil, riskModel: RiskModel? = nil) {
        self.guards = guards.sorted { ($0.kind, $0.id) < ($1.kind, $1.id) }
        self.record = record
        self.riskModel = riskModel
    }

    /// IDs shorter than this never match by prefix (`hs` would match everything).
    public static let shortestPrefix = 6

    /// Positions of the guards `id` names: the one with exactly that id, else every guard whose id
    /// starts with it when it is at least `shortestPrefix` characters long.
    public func indices(matching id: String) -> [Int] {
        if let exact = guards.firstIndex(where: { $0.id == id }) { return [exact] }
        return id.count >= Self.shortestPrefix ? guards.indices.filter { guards[$0].id.hasPrefix(id) } : []
    }

    /// Merges freshly mined guards into this set, keeping what people decided: an existing guard
    /// keeps its status, severity, message, action and mute reason and only gets fresh evidence; new
    /// guards are added as proposed; guards no longer mined are kept (a person may still want them).
    public func merging(mined: [Guard]) -> GuardSet {
        var byID: [String: Guard] = [:]
        for existing in guards { byID[existing.id] = existing }
        for fresh in mined {
            if var existing = byID[fresh.id] {
                existing.evidence = fresh.evidence
                byID[fresh.id] = existing
            } else {
                byID[fresh.id] = fresh
            }
        }
        return GuardSet(guards: Array(byID.values), record: record, riskModel: riskModel)
    }
}
