import HindsightTestSupport
import Testing

/// `--format table` into a pipe keeps to 80 columns, or says on standard error that it does not.
@Suite struct WideTableNoteTests {
    static func run(_ repo: FixtureRepository, _ arguments: [String]) throws -> ProcessResult {
        try HindsightBinary.run(arguments, in: repo.root, environment: repo.environment(day: 90))
    }

    @Test func aWideTableSaysSoAndANarrowOneSaysNothing() throws {
        let repo = try HealthCommandTests.repository()
        let health = try Self.run(repo, ["health", "--format", "table", "--since", "2020-09-01"])
        #expect(health.status == 0, "\(health.error)")
        let width = health.output.split(separator: "\n").map(\.count).max() ?? 0
        #expect(width > 80)
        #expect(
            health.error.contains(
                "hindsight: note: this table is \(width) columns wide; --format markdown, json or csv suit a pipe better."
            ),
            "\(health.error)")
        let quiet = try Self.run(repo, ["health", "--format", "table", "--since", "2020-09-01", "--quiet"])
        #expect(!quiet.error.contains("note:"), "--quiet says nothing: \(quiet.error)")
        let markdown = try Self.run(repo, ["health", "--format", "markdown", "--since", "2020-09-01"])
        #expect(!markdown.error.contains("note:"), "only tables are laid out for a terminal")
        let report = try Self.run(repo, ["report", "--format", "table", "--no-mine"])
        #expect(report.status == 0, "\(report.error)")
        #expect((report.output.split(separator: "\n").map(\.count).max() ?? 0) <= 80, "\(report.output)")
        #expect(!report.error.contains("note:"), "\(report.error)")
    }
}
