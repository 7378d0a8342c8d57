import HindsightCore

/// `doctor --format json`: `schemaVersion`, `ok` (no problems), `problems` and `warnings` (counts),
/// `repository`, `libgit2`, `index`, then `checks`, each `{id, status, summary, fix}`.
public struct JSONDoctorRenderer: DoctorRenderer {
    /// A renderer.
    public init() {}

    public func render(_ report: DoctorReport) -> String {
        let facts = report.facts
        let build = facts.libgit2
        let repository = facts.repository
        let document = JSONValue.object([
            ("schemaVersion", .int(1)),
            ("ok", .bool(report.count(.problem) == 0)),
            ("problems", .int(report.count(.problem))),
            ("warnings", .int(report.count(.warning))),
            (
                "repository",
                .object([
                    ("gitDirectory", .string(repository.gitDirectory)),
                    ("workTree", repository.workTree.map(JSONValue.string) ?? .null),
                    ("head", .commit(repository.head)),
                    ("isShallow", .bool(repository.isShallow || !repository.shallowBoundary.isEmpty)),
                    ("promisorRemotes", .array(repository.promisorRemotes.map(JSONValue.string))),
                ])
            ),
            (
                "libgit2",
                .object([
                    ("version", .string(build.version)), ("threads", .bool(build.hasThreads)),
                    ("https", .bool(build.hasHTTPS)), ("ssh", .bool(build.hasSSH)),
                    ("nsec", .bool(build.hasNanoseconds)),
                ])
            ),
            ("index", index(facts.index)),
            ("checks", .array(report.checks.map(check))),
        ])
        return document.serialized()
    }

    private func index(_ index: IndexFacts) -> JSONValue {
        let behind: (JSONValue, JSONValue) =
            switch index.behind {
            case .exactly(let count): (.int(count), .null)
            case .moreThan(let count): (.null, .int(count))
            case nil: (.null, .null)
            }
        return .object([
            ("path", .string(index.path)),
            ("exists", .bool(index.inspection != nil || index.unreadable != nil)),
            ("schema", index.inspection.map { .string($0.schema.rawValue) } ?? .null),
            ("tip", .commit(index.inspection?.tip)),
            ("behind", behind.0),
            ("behindMoreThan", behind.1),
            ("options", index.inspection?.options.map(JSONValue.string) ?? .null),
            ("configuredOptions", .string(index.configuredOptions)),
        ])
    }

    private func check(_ check: DoctorCheck) -> JSONValue {
        .object([
            ("id", .string(check.id)),
            ("status", .string(check.status.rawValue)),
            ("summary", .string(check.summary)),
            ("fix", check.fix.map(JSONValue.string) ?? .null),
        ])
    }
}
