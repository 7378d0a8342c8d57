import MCP

/// One argument a tool takes: its name, JSON type, limits and what it means.
struct ArgumentSpec: Sendable {
    /// The JSON types arguments come in, with their limits.
    enum Kind: Sendable {
        /// A string of at most this many UTF-8 bytes.
        case string(maxBytes: Int)
        /// A whole number in the range.
        case integer(ClosedRange<Int>, default: Int)
        /// `true` or `false`.
        case boolean
        /// An array of at most `maxItems` strings, each of at most `maxBytes` UTF-8 bytes.
        case strings(maxItems: Int, maxBytes: Int)
    }

    let name: String
    let kind: Kind
    let summary: String
    var isRequired = false
    /// The values a string may take, stated in the schema for clients (the tool checks them itself).
    var choices: [String] = []

    /// The JSON Schema of this argument.
    var schema: Value {
        switch kind {
        case .string(let maxBytes):
            .object(
                [
                    "type": "string", "description": .string(summary + " At most \(maxBytes) bytes."),
                    "maxLength": .int(maxBytes),
                ].merging(choices.isEmpty ? [:] : ["enum": .array(choices.map(Value.string))]) { first, _ in first })
        case .strings(let maxItems, let maxBytes):
            .object([
                "type": "array",
                "description": .string(summary + " At most \(maxItems), each at most \(maxBytes) bytes."),
                "items": .object(["type": "string", "maxLength": .int(maxBytes)]), "maxItems": .int(maxItems),
            ])
        case .integer(let range, let fallback):
            .object([
                "type": "integer",
                "description": .string(summary + " Default \(fallback), at most \(range.upperBound)."),
                "minimum": .int(range.lowerBound), "maximum": .int(range.upperBound), "default": .int(fallback),
            ])
        case .boolean:
            .object(["type": "boolean", "description": .string(summary)])
        }
    }

    /// `refresh`, which every tool takes.
    static let refresh = ArgumentSpec(
        name: "refresh", kind: .boolean,
        summary:
            "Mine new commits first when there are at most \(HistorySession.quickRefreshLimit) (default false: answer from the index as it is)."
    )

    /// A `limit` with a default and a cap.
    static func limit(default fallback: Int, maximum: Int, of what: String) -> ArgumentSpec {
        ArgumentSpec(name: "limit", kind: .integer(1...maximum, default: fallback), summary: "Most \(what) to list.")
    }
}

/// A tool call's arguments, checked against the tool's specs: no unknown names, the right types,
/// sizes within their caps.
struct ToolArguments: Sendable {
    private let values: [String: Value]
    private let specs: [String: ArgumentSpec]

    /// Checks `values` against `specs`; every message names the argument and what to give instead.
    init(_ values: [String: Value], specs: [ArgumentSpec], tool: String) throws(ToolError) {
        let byName = Dictionary(specs.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for name in values.keys.sorted() where byName[name] == nil {
            let known = specs.map(\.name).joined(separator: ", ")
            throw ToolError("\(tool) has no argument \(ConfinedPath.quotedArgument(name)); it takes \(known).")
        }
        for spec in specs where spec.isRequired && (values[spec.name] ?? .null).isNull {
            throw ToolError("\(tool) needs the argument \(spec.name): \(spec.summary)")
        }
        self.values = values
        self.specs = byName
        for spec in specs { _ = try value(spec.name) }
    }

    /// The string argument `name`, or nil when absent.
    func string(_ name: String) throws(ToolError) -> String? {
        guard case .string(let text)? = try value(name) else { return nil }
        return text
    }

    /// The string-list argument `name`, empty when absent.
    func strings(_ name: String) throws(ToolError) -> [String] {
        guard case .array(let items)? = try value(name) else { return [] }
        return items.compactMap { item in
            guard case .string(let text) = item else { return nil }
            return text
        }
    }

    /// The integer argument `name`, or its default.
    func integer(_ name: String) throws(ToolError) -> Int {
        guard let spec = specs[name], case .integer(_, let fallback) = spec.kind else { return 0 }
        guard case .int(let number)? = try value(name) else { return fallback }
        return number
    }

    /// The boolean argument `name`, false when absent.
    func flag(_ name: String) throws(ToolError) -> Bool {
        guard case .bool(let flag)? = try value(name) else { return false }
        return flag
    }

    /// The argument checked against its spec; nil when absent or null.
    private func value(_ name: String) throws(ToolError) -> Value? {
        guard let spec = specs[name], let raw = values[name], !raw.isNull else { return nil }
        switch (spec.kind, raw) {
        case (.string(let maxBytes), .string(let text)):
            try Self.check(text, maxBytes: maxBytes, name)
            return raw
        case (.strings(let maxItems, let maxBytes), .array(let items)):
            if items.count > maxItems { throw ToolError("\(name) has \(items.count) items; the cap is \(maxItems).") }
            for (index, item) in items.enumerated() {
                guard case .string(let text) = item else {
                    if case .data = item { throw ToolError("\(name)[\(index)] must be plain text, not a data: URL.") }
                    throw ToolError("\(name)[\(index)] must be a string (got \(Self.typeName(item))).")
                }
                try Self.check(text, maxBytes: maxBytes, "\(name)[\(index)]")
            }
            return raw
        case (.integer(let range, _), .int(let number)):
            return .int(try Self.checked(number, in: range, name))
        case (.integer(let range, _), .double(let number)) where number.rounded() == number && abs(number) < 1e9:
            return .int(try Self.checked(Int(number), in: range, name))
        case (.boolean, .bool):
            return raw
        case (.string, .data):
            throw ToolError("\(name) must be plain text, not a data: URL.")
        default:
            throw ToolError("\(name) must be \(Self.typeName(spec.kind)) (got \(Self.typeName(raw))).")
        }
    }

    private static func check(_ text: String, maxBytes: Int, _ name: String) throws(ToolError) {
        let size = text.utf8.count
        if size > maxBytes { throw ToolError("\(name) is \(size) bytes; the cap is \(maxBytes) bytes.") }
        if text.utf8.contains(0) { throw ToolError("\(name) contains a NUL byte.") }
    }

    private static func checked(_ number: Int, in range: ClosedRange<Int>, _ name: String) throws(ToolError) -> Int {
        guard range.contains(number) else {
            throw ToolError("\(name) must be from \(range.lowerBound) to \(range.upperBound) (got \(number)).")
        }
        return number
    }

    private static func typeName(_ kind: ArgumentSpec.Kind) -> String {
        switch kind {
        case .string: "a string"
        case .integer: "a whole number"
        case .boolean: "true or false"
        case .strings: "an array of strings"
        }
    }

    private static func typeName(_ value: Value) -> String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .int, .double: "a number"
        case .string, .data: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
