import HindsightOutput

/// What a tool says: short text for the model and the same facts as structured JSON.
struct ToolAnswer: Sendable {
    /// Lines of text; history's text in them is quoted.
    var lines: [String]
    /// The structured content's fields, in order.
    var fields: [(String, JSONValue)]

    /// An answer from its parts.
    init(lines: [String], fields: [(String, JSONValue)]) {
        self.lines = lines
        self.fields = fields
    }

    /// The answer with the index's state appended to the text and the structured content.
    func stamped(with status: IndexStatus) -> ToolAnswer {
        ToolAnswer(lines: lines + [status.sentence, HistoryText.provenance], fields: fields + [("index", status.json)])
    }

    /// The structured content.
    var json: JSONValue { .object(fields) }

    /// The text content.
    var text: String { lines.joined(separator: "\n") }
}

/// A tool call the server refuses, with one message saying what was wrong and what to give instead.
struct ToolError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The message.
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

/// How many items of a list an answer shows and how many it left out.
struct Shown<Element> {
    /// The items shown.
    let items: [Element]
    /// Items left out by the limit.
    let omitted: Int

    /// The first `limit` of `all`.
    init(_ all: [Element], limit: Int) {
        items = Array(all.prefix(limit))
        omitted = max(0, all.count - limit)
    }

    /// "(N more not shown; raise limit)" when some were left out, else nil.
    var note: String? {
        omitted == 0 ? nil : "(\(omitted) more not shown; pass a larger limit to see them.)"
    }
}
