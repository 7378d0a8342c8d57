import Foundation
import HindsightCore

/// A JSON document with object keys in the order they were given, so output is byte-stable.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    /// Printed with at most four decimals, trailing zeros dropped.
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.serialized() == rhs.serialized() }

    /// An ISO 8601 UTC timestamp (`2024-01-31T12:00:00Z`), or null.
    public static func time(_ seconds: Int64?) -> JSONValue {
        seconds.map { .string(CalendarDate.isoTimestamp($0)) } ?? .null
    }

    /// A commit id, or null.
    public static func commit(_ id: CommitID?) -> JSONValue { id.map { .string($0.hex) } ?? .null }

    /// The key/value pairs for a path: `key` as text, plus `keyBase64` when the bytes are not UTF-8.
    public static func pathFields(_ key: String, _ path: RepoPath) -> [(String, JSONValue)] {
        var fields: [(String, JSONValue)] = [(key, .string(path.string))]
        if !path.isValidUTF8 { fields.append((key + "Base64", .string(Data(path.bytes).base64EncodedString()))) }
        return fields
    }

    /// The document as pretty-printed JSON (two-space indent), ending in a newline.
    public func serialized() -> String {
        var output: [UInt8] = []
        output.reserveCapacity(1 << 16)
        write(into: &output, indent: 0)
        output.append(0x0a)
        return String(decoding: output, as: UTF8.self)
    }

    /// The document on one line, without spaces (a JSON Lines record), and no newline.
    public func compactSerialized() -> String {
        var output: [UInt8] = []
        write(into: &output, indent: nil)
        return String(decoding: output, as: UTF8.self)
    }

    /// `indent` nil writes everything on one line.
    private func write(into output: inout [UInt8], indent: Int?) {
        switch self {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
        case .int(let value): output.append(contentsOf: String(value).utf8)
        case .number(let value): Self.append(value, to: &output)
        case .string(let value): JSONEscaping.appendQuoted(value, to: &output)
        case .array(let values):
            guard !values.isEmpty else {
                output.append(contentsOf: "[]".utf8)
                return
            }
            output.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                Self.newline(indent.map { $0 + 2 }, &output)
                value.write(into: &output, indent: indent.map { $0 + 2 })
            }
            Self.newline(indent, &output)
            output.append(UInt8(ascii: "]"))
        case .object(let fields):
            guard !fields.isEmpty else {
                output.append(contentsOf: "{}".utf8)
                return
            }
            output.append(UInt8(ascii: "{"))
            for (index, (key, value)) in fields.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                Self.newline(indent.map { $0 + 2 }, &output)
                JSONEscaping.appendQuoted(key, to: &output)
                output.append(contentsOf: (indent == nil ? ":" : ": ").utf8)
                value.write(into: &output, indent: indent.map { $0 + 2 })
            }
            Self.newline(indent, &output)
            output.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(_ indent: Int?, _ output: inout [UInt8]) {
        guard let indent else { return }
        output.append(0x0a)
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
    }

    /// At most four decimals, trailing zeros dropped, without a locale or `String(format:)`.
    static func append(_ value: Double, to output: inout [UInt8]) {
        guard value.isFinite, abs(value) < 9e14 else {
            output.append(contentsOf: "null".utf8)
            return
        }
        let scaled = Int((abs(value) * 10_000).rounded())
        if value < 0, scaled != 0 { output.append(UInt8(ascii: "-")) }
        output.append(contentsOf: String(scaled / 10_000).utf8)
        var fraction = scaled % 10_000
        guard fraction != 0 else { return }
        output.append(UInt8(ascii: "."))
        var divisor = 1_000
        while fraction != 0 {
            output.append(UInt8(ascii: "0") + UInt8(fraction / divisor))
            fraction %= divisor
            divisor /= 10
        }
    }
}
