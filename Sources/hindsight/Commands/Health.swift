import ArgumentParser
import Foundation
import HindsightCore
import HindsightKit
import HindsightOutput

extension HealthFormat: ExpressibleByArgument {}
extension HealthGranularity: ExpressibleByArgument {}

/// `hindsight health`: whether the codebase is getting better, period by period.
struct Health: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "health",
        abstract: "Show, per month or week, what was made and how much of it was fixing, reverting or agents' work.",
        discussion: """
            Per period (UTC, by author date): non-merge commits, authors (people, not bots or agents), \
            lines changed in covered files (ignored, vendored and fixture trees left out; deleted files \
            counted), the fix ratio (the report's fix detector), the fix-inducing rate (commits a later \
            fix traced to by SZZ, named in Fixes: or reverted; provisional, marked *, while younger than \
            backtest.grace), rework (added lines changed or deleted within health.reworkDays, 21), \
            refixes (fixes changing lines a fix added within 14 days), re-adds (commits adding back a \
            distinctive line a fix removed from the same file within 365 days), reverts, relands (reverts of \
            reverts) and the agent share. Then the loop (refreshes of .hindsight/guards.yml and their \
            record, guards accepted and muted, context file commits, lessons), a verdict per figure (the \
            last 3 periods pooled against the 6 before, by a two-proportion z-test, commits by a rate \
            test, at the 1% level; a difference that could be noise, or a cell expecting fewer than 5 \
            events, is "no clear change"), and agents' commits against people's. SZZ origins and re-added \
            lines are kept in the index, so only the first run reads every fix's diff. The index is brought up to date first \
            unless --no-mine.
            """
    )

    @OptionGroup var repository: RepositoryOptions

    @Option(help: ArgumentHelp("Period length: month or week.", valueName: "period"))
    var by: HealthGranularity = .month

    @Option(
        help: ArgumentHelp(
            "First period to show: a date (2024-01-31) or a span back (90d, 12w, 6m, 2y); default 24 months or 26 weeks.",
            valueName: "when"),
        transform: SinceWindow.parse)
    var since: TimeWindow?

    @Option(
        help: ArgumentHelp(
            "Output format: table, markdown, json, csv, html, or summary (one Markdown paragraph of verdicts). Default: table on a terminal, else markdown; with --output, from its extension.",
            valueName: "format"))
    var format: HealthFormat?

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    @Option(
        help: ArgumentHelp("Count up to this date instead of HEAD's committer date.", valueName: "date"),
        transform: AsOfDate.parse)
    var asOf: Int64?

    @Flag(help: "Read the index as it is, without mining new commits first.")
    var noMine = false

    @Flag(name: .shortAndLong, help: "No progress bar and no \"wrote FILE\" line.")
    var quiet = false

    /// For `bench/health.py`: the fix-inducing commits counted, one id per line, instead of the report.
    @Flag(help: .hidden)
    var listFixInducing = false

    func validate() throws {
        if let output, format == nil, HealthFormat(fileExtension: output) == nil {
            throw ValidationError(
                "cannot tell the format from '\(output)'; add --format (table, markdown, json, csv, html, summary).")
        }
    }

    func run() throws {
        let workspace = try repository.openWorkspace()
        if !noMine { try IndexUpdate.run(workspace, quiet: quiet) }
        guard let store = try workspace.index() else {
            Terminal.writeError("no health to show yet: the repository has no commits.\n")
            return
        }
        var session = HealthSession(workspace: workspace)
        session.granularity = by
        session.since = since
        session.asOf = asOf
        if !quiet { session.announce = { Terminal.writeError("hindsight health: \($0)\n") } }
        let (report, problems) = try session.report(store)
        for problem in problems { Terminal.printWarning(problem.description) }
        if listFixInducing {
            Terminal.writeOutput(Array(report.fixInducingCommits.map { $0.hex + "\n" }.joined().utf8))
            return
        }
        let text = resolvedFormat.renderer.render(report)
        WideTableNote.check(text, isTable: resolvedFormat == .table, output: output, quiet: quiet)
        try OutputFile.emit(text, to: output)
        if let output, !quiet { Terminal.writeError("wrote \(output)\n") }
    }

    private var resolvedFormat: HealthFormat {
        .resolved(format, output: output, terminal: .table, pipe: .markdown)
    }
}

extension HealthFormat: ExtensionImpliedFormat {}
