import MCP
import Testing

@testable import HindsightMCP

/// Tool arguments are checked against their specs, each refusal one clear message.
@Suite struct ToolArgumentsTests {
    static let specs = [
        ArgumentSpec(name: "path", kind: .string(maxBytes: 16), summary: "A path.", isRequired: true),
        ArgumentSpec.limit(default: 10, maximum: 50, of: "files"),
        ArgumentSpec.refresh,
    ]

    static func arguments(_ values: [String: Value]) throws(ToolError) -> ToolArguments {
        try ToolArguments(values, specs: specs, tool: "demo")
    }

    @Test func givenValuesAndDefaultsAreRead() throws {
        let given = try Self.arguments(["path": "src/a.c", "limit": 3, "refresh": true])
        #expect(try given.string("path") == "src/a.c")
        #expect(try given.integer("limit") == 3)
        #expect(try given.flag("refresh"))
        let defaults = try Self.arguments(["path": "src", "limit": .null])
        #expect(try defaults.integer("limit") == 10)
        #expect(try defaults.flag("refresh") == false)
        #expect(try Self.arguments(["path": "x", "limit": .double(4)]).integer("limit") == 4)
    }

    @Test(
        arguments: [
            (
                ["path": Value.string("x"), "color": .string("red")],
                "demo has no argument \"color\"; it takes path, limit, refresh."
            ),
            ([:], "demo needs the argument path: A path."),
            (["path": .int(3)], "path must be a string (got a number)."),
            (["path": "x", "limit": "ten"], "limit must be a whole number (got a string)."),
            (["path": "x", "limit": .int(0)], "limit must be from 1 to 50 (got 0)."),
            (["path": "x", "limit": .double(2.5)], "limit must be a whole number (got a number)."),
            (["path": "x", "refresh": "yes"], "refresh must be true or false (got a string)."),
            (["path": .string(String(repeating: "é", count: 9))], "path is 18 bytes; the cap is 16 bytes."),
            (["path": .array([])], "path must be a string (got an array)."),
        ] as [([String: Value], String)])
    func badArgumentsGetOneClearMessage(values: [String: Value], message: String) {
        #expect(throws: ToolError(message)) { try Self.arguments(values) }
    }

    @Test func theSchemaStatesTypesCapsAndDefaults() {
        #expect(
            Self.specs[0].schema
                == .object([
                    "type": "string", "description": "A path. At most 16 bytes.", "maxLength": 16,
                ]))
        #expect(
            Self.specs[1].schema
                == .object([
                    "type": "integer", "description": "Most files to list. Default 10, at most 50.", "minimum": 1,
                    "maximum": 50, "default": 10,
                ]))
    }

    static let listSpecs = [
        ArgumentSpec(name: "paths", kind: .strings(maxItems: 2, maxBytes: 8), summary: "Paths."),
        ArgumentSpec(
            name: "kind", kind: .string(maxBytes: 8), summary: "A kind.", choices: ["tried", "note"]),
    ]

    @Test func aStringListIsReadAndAbsentIsEmpty() throws {
        let given = try ToolArguments(["paths": .array(["a", "b/c"])], specs: Self.listSpecs, tool: "demo")
        #expect(try given.strings("paths") == ["a", "b/c"])
        #expect(try ToolArguments([:], specs: Self.listSpecs, tool: "demo").strings("paths") == [])
    }

    @Test(
        arguments: [
            (["paths": Value.string("a")], "paths must be an array of strings (got a string)."),
            (["paths": .array(["a", "b", "c"])], "paths has 3 items; the cap is 2."),
            (["paths": .array(["a", .int(1)])], "paths[1] must be a string (got a number)."),
            (["paths": .array(["123456789"])], "paths[0] is 9 bytes; the cap is 8 bytes."),
            (["paths": .array(["a\u{0}b"])], "paths[0] contains a NUL byte."),
        ] as [([String: Value], String)])
    func badStringListsGetOneClearMessage(values: [String: Value], message: String) {
        #expect(throws: ToolError(message)) { try ToolArguments(values, specs: Self.listSpecs, tool: "demo") }
    }

    @Test func theSchemaOfAListAndOfChoices() {
        #expect(
            Self.listSpecs[0].schema
                == .object([
                    "type": "array", "description": "Paths. At most 2, each at most 8 bytes.",
                    "items": .object(["type": "string", "maxLength": 8]), "maxItems": 2,
                ]))
        #expect(
            Self.listSpecs[1].schema
                == .object([
                    "type": "string", "description": "A kind. At most 8 bytes.", "maxLength": 8,
                    "enum": .array(["tried", "note"]),
                ]))
    }
}
