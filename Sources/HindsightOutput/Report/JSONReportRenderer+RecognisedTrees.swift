import HindsightCore

extension JSONReportRenderer {
    /// A vendored or fixture tree: `path`, `kind`, `reason`, `files`, `commits`, `lastChanged`.
    static func recognisedTree(_ report: RecognisedTreeReport) -> JSONValue {
        .object(
            JSONValue.pathFields("path", report.tree.path) + [
                ("kind", .string(report.tree.kind.rawValue)), ("reason", .string(report.tree.reason)),
                ("files", .int(report.tree.files)), ("commits", .int(report.commits)),
                ("lastChanged", .time(report.lastChanged)),
            ])
    }
}
