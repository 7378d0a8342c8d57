import HindsightCore
import HindsightGit
import MCP

/// One tool: its name, what it answers, its arguments, and how it answers from the session.
struct ToolSpec: Sendable {
    let name: String
    let summary: String
    let arguments: [ArgumentSpec]
    let answer: @Sendable (ToolArguments, inout HistorySession.SessionAccess) throws -> ToolAnswer
    /// Whether it writes a lesson file: offered only when lesson writes are on.
    var writesLessons = false

    /// The tool as `tools/list` describes it.
    var tool: Tool {
        let specs = arguments + [ArgumentSpec.refresh]
        var schema: [String: Value] = [
            "type": "object",
            "properties": .object(Dictionary(uniqueKeysWithValues: specs.map { ($0.name, $0.schema) })),
            "additionalProperties": false,
        ]
        let required = specs.filter(\.isRequired).map { Value.string($0.name) }
        if !required.isEmpty { schema["required"] = .array(required) }
        return Tool(
            name: name, description: summary, inputSchema: .object(schema),
            annotations: .init(
                readOnlyHint: !writesLessons, destructiveHint: false, idempotentHint: !writesLessons,
                openWorldHint: false))
    }
}

/// Every tool the server offers, in the order `tools/list` gives them.
enum ToolCatalog {
    static let maximumTextBytes = 200
    static let maximumDiffBytes = 1 << 20

    static let all: [ToolSpec] = [
        ToolSpec(
            name: "file_stability",
            summary:
                "Is this file settled or in flux? Class (hotspot, churning, active, new, stable) with the rule behind it, "
                + "churn, age, last change, owners and bug score, with evidence commits, for a file, a directory or a glob; "
                + "and the lessons people and agents recorded about it.",
            arguments: [
                ArgumentSpec(
                    name: "path", kind: .string(maxBytes: ConfinedPath.maximumBytes),
                    summary:
                        "A file or directory relative to the repository root, or a glob such as \"src/**/*.swift\".",
                    isRequired: true),
                .limit(default: 10, maximum: 100, of: "files"),
            ],
            answer: { arguments, access in
                let selector = try PathSelector(try arguments.string("path") ?? "", workTree: access.workTree)
                let model = try access.model()
                let limit = try arguments.integer("limit")
                let lessons = LessonSelection(
                    try access.lessonBook(), selector: selector, text: nil, livePaths: model.input.snapshot.livePaths,
                    limit: limit)
                return try model.fileStability(selector, lessons: lessons, limit: limit)
            }),
        ToolSpec(
            name: "file_history",
            summary:
                "The commits that changed one file, following renames, newest first: id, date, author, subject, lines, fix or revert.",
            arguments: [
                ArgumentSpec(
                    name: "path", kind: .string(maxBytes: ConfinedPath.maximumBytes),
                    summary: "The file, relative to the repository root (a deleted file's last path works too).",
                    isRequired: true),
                .limit(default: 20, maximum: 500, of: "commits"),
            ],
            answer: { arguments, access in
                let path = try ConfinedPath.resolve(try arguments.string("path") ?? "", workTree: access.workTree)
                return try access.model().fileHistory(path, limit: try arguments.integer("limit"))
            }),
        ToolSpec(
            name: "what_was_tried",
            summary:
                "What was tried here before: the lessons people and agents recorded (tried, avoid, conventions, notes), "
                + "reverted attempts (do not retry the standing ones), recurring fixes and the guards that keep their lessons, "
                + "with lesson, commit and guard ids. Give a path (file, directory or glob), a text to search lessons, "
                + "commit subjects and revert reasons for, or both.",
            arguments: [
                ArgumentSpec(
                    name: "path", kind: .string(maxBytes: ConfinedPath.maximumBytes),
                    summary: "A file, directory or glob."),
                ArgumentSpec(
                    name: "text", kind: .string(maxBytes: maximumTextBytes),
                    summary: "Words to find in lessons, subjects, reasons and guard messages (case-insensitive)."),
                .limit(default: 10, maximum: 100, of: "items of each kind"),
            ],
            answer: { arguments, access in
                let path = try arguments.string("path")
                let text = try arguments.string("text")
                guard path != nil || text != nil else {
                    throw ToolError("what_was_tried needs a path, a text, or both.")
                }
                let query = TriedQuery(
                    selector: try path.map { try PathSelector($0, workTree: access.workTree) }, text: text)
                let guards = try access.guardSet().guards
                let model = try access.model()
                let limit = try arguments.integer("limit")
                let lessons = LessonSelection(
                    try access.lessonBook(), selector: query.selector, text: text,
                    livePaths: model.input.snapshot.livePaths, limit: limit)
                return model.whatWasTried(query, guards: guards, lessons: lessons, limit: limit)
            }),
        ToolSpec(
            name: "co_changes",
            summary:
                "Files that change together with this one: degree (100 × shared / average commits), shared and partner commit "
                + "counts, whether check flags the pair, and the latest commits that changed both.",
            arguments: [
                ArgumentSpec(
                    name: "path", kind: .string(maxBytes: ConfinedPath.maximumBytes),
                    summary: "The file, relative to the repository root.", isRequired: true),
                .limit(default: 10, maximum: 100, of: "partner files"),
            ],
            answer: { arguments, access in
                let path = try ConfinedPath.resolve(try arguments.string("path") ?? "", workTree: access.workTree)
                return try access.model().coChangesAnswer(path, limit: try arguments.integer("limit"))
            }),
        ToolSpec(
            name: "hotspots",
            summary:
                "The files most in need of care: hotspots (churning and fix-heavy), then churning files, with bug score and churn.",
            arguments: [
                .limit(default: 10, maximum: 200, of: "files"),
                ArgumentSpec(
                    name: "path", kind: .string(maxBytes: ConfinedPath.maximumBytes),
                    summary: "Only files at or below this directory (or matching this glob)."),
            ],
            answer: { arguments, access in
                let selector = try (try arguments.string("path")).map {
                    try PathSelector($0, workTree: access.workTree)
                }
                return try access.model().hotspots(under: selector, limit: try arguments.integer("limit"))
            }),
        ToolSpec(
            name: "guards_for",
            summary:
                "The guards (.hindsight/guards.yml) that cover a file, and what the live rules (co-change, stable-file, "
                + "fix-needs-test) would report if a change touched only it.",
            arguments: [
                ArgumentSpec(
                    name: "path", kind: .string(maxBytes: ConfinedPath.maximumBytes),
                    summary: "A file or directory, relative to the repository root.", isRequired: true),
                .limit(default: 20, maximum: 200, of: "guards"),
            ],
            answer: { arguments, access in
                let path = try ConfinedPath.resolve(try arguments.string("path") ?? "", workTree: access.workTree)
                let set = try access.guardSet()
                return try access.model().guardsFor(
                    path, guards: set.guards, severities: access.checkSession.severities(record: set.record),
                    limit: try arguments.integer("limit"))
            }),
        ToolSpec(
            name: "explain_guard",
            summary:
                "One guard in full: what it matches and where, what to do, the commits that taught it, and how to accept or mute it.",
            arguments: [
                ArgumentSpec(
                    name: "id", kind: .string(maxBytes: 64),
                    summary: "The guard's id (hs-…), or a unique prefix of at least 6 characters.", isRequired: true)
            ],
            answer: { arguments, access in
                try explainGuard(try arguments.string("id") ?? "", in: try access.guardSet())
            }),
        ToolSpec(
            name: "check_diff",
            summary:
                "Would this change trip a guard? Runs hindsight check on a unified diff (git diff output) or on the staged "
                + "changes, and gives the findings as `check --format json` does. Reads only; writes nothing.",
            arguments: [
                ArgumentSpec(
                    name: "diff", kind: .string(maxBytes: maximumDiffBytes),
                    summary: "A unified diff in git's format (diff --git …)."),
                ArgumentSpec(name: "staged", kind: .boolean, summary: "Check what `git commit` would commit instead."),
            ],
            answer: { arguments, access in
                let diff = try arguments.string("diff")
                let staged = try arguments.flag("staged")
                guard (diff != nil) != staged else {
                    throw ToolError(
                        "check_diff takes either diff (the text of a unified diff) or staged: true, not both and not neither."
                    )
                }
                let change =
                    try diff.map { text throws -> ChangeSet in
                        do { return try confined(try PatchText.changeSet(parsing: text)) } catch let error as GitError {
                            throw ToolError(
                                "diff is not a unified diff libgit2 can read (\(error.description)). Give `git diff` output."
                            )
                        }
                    } ?? access.stagedChange()
                let model = try access.model()
                // The agent has yet to commit: what lets a finding through is what works for `git commit`.
                var session = access.checkSession
                session.stage = .preCommit
                return model.checkDiff(
                    change, guards: try access.guardSet(), session: session, indexNote: access.indexNote)
            }),
        recordLesson,
    ]

    /// The tools `tools/list` gives: `record_lesson` only when lesson writes are on.
    static func listed(allowingLessonWrites: Bool) -> [ToolSpec] {
        all.filter { allowingLessonWrites || !$0.writesLessons }
    }

    /// The tool named `name`.
    static func tool(named name: String) -> ToolSpec? { all.first { $0.name == name } }
}
