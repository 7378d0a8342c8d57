import HindsightCore
import HindsightOutput

/// Where the index stands against `HEAD`, stated in every answer.
struct IndexStatus: Sendable, Equatable {
    /// The most new commits counted; past it the answer says "more than".
    static let countLimit = 10_000

    /// The commit the index was mined up to (nil: nothing mined).
    var tip: CommitID?
    /// The commit `HEAD` names (nil: an unborn branch).
    var head: CommitID?
    /// Commits reachable from `HEAD` that the index lacks; nil when more than `countLimit`.
    var behind: Int?
    /// What `refresh: true` did, or why it did nothing.
    var refreshNote: String?

    /// Whether the index describes `HEAD` exactly.
    var isCurrent: Bool { tip != nil && tip == head }

    /// One sentence for the text part.
    var sentence: String {
        let tipText = tip.map { "`\(String($0.hex.prefix(10)))`" } ?? "nothing yet"
        let headText = head.map { "`\(String($0.hex.prefix(10)))`" } ?? "an unborn branch"
        var sentence: String
        if tip == nil {
            sentence = "Index: none yet; run `hindsight mine` once."
        } else if isCurrent {
            sentence = "Index: at \(tipText), which is HEAD."
        } else if let behind, behind == 0 {
            sentence = "Index: at \(tipText); HEAD is \(headText), with no commit the index lacks."
        } else {
            let count = behind.map { TextShaping.count($0, "commit") } ?? "more than \(Self.countLimit) commits"
            sentence =
                "Index: at \(tipText), \(count) behind HEAD \(headText); answers leave those out. "
                + "Pass refresh: true (mines at most \(HistorySession.quickRefreshLimit) new commits) or run `hindsight mine`."
        }
        if let refreshNote { sentence += " " + refreshNote }
        return sentence
    }

    /// The `index` object of the structured content.
    var json: JSONValue {
        .object([
            ("commit", .commit(tip)),
            ("head", .commit(head)),
            ("behind", behind.map(JSONValue.int) ?? .null),
            ("isCurrent", .bool(isCurrent)),
            ("refresh", refreshNote.map(JSONValue.string) ?? .null),
        ])
    }
}
