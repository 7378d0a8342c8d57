import ArgumentParser
import Foundation
import HindsightConfig
import HindsightCore
import HindsightGit
import HindsightIndex
import HindsightKit
import HindsightOutput

extension ReportFormat: ExpressibleByArgument {}
extension ReportSort: ExpressibleByArgument {}

/// `hindsight report`: how stable each file is, and why.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Show how stable each file is: stable, active, churning, hotspot or new, with the figures behind it.",
        discussion: """
            Folds history onto current paths through renames, then reports per file: commits, lines, \
            recency-weighted churn, owners, fix commits, bug score, reverts, files that change with it, \
            and a class with the rule that placed it there; then directories, recurring fixes, reverts \
            and a timeline. Thresholds and ignore globs come from .hindsight.yml and are printed with \
            the results. Vendored and fixture trees (submodules; directories with their own license whose \
            files arrived in bulk; testdata, fixtures, corpora, __snapshots__, tests/resources) are left \
            out of the figures and listed in a section of their own; --include-vendored (or \
            report.recogniseTrees: false) reports their files like any other. The index is brought up to \
            date first unless --no-mine.
            """
    )

    @OptionGroup var repository: RepositoryOptions

    @Option(
        help: ArgumentHelp(
            "Output format (default: table on a terminal, else markdown; with --output, from its extension).",
            valueName: "format"))
    var format: ReportFormat?

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    @Option(
        help: ArgumentHelp(
            "Only commits since a date (2024-01-31) or a span back from now (90d, 12w, 6m, 2y).", valueName: "when"),
        transform: SinceWindow.parse)
    var since: TimeWindow?

    @Option(help: ArgumentHelp("Only files at or below this path.", valueName: "path"))
    var path: String?

    @Option(
        help: ArgumentHelp(
            "Show at most this many files and directories (default: 25 in table and markdown, all otherwise; 0 for all). "
                + "In html, this many files in full (default: \(HTMLReportRenderer.defaultDetailedFiles)) "
                + "and every other one line each in a compact table.",
            valueName: "n"))
    var top: Int?

    @Option(
        name: .customLong("class"), parsing: .upToNextOption,
        help: ArgumentHelp(
            "Only files of these classes (\(FileClass.allCases.map(\.rawValue).joined(separator: ", "))); comma-separated or repeated.",
            valueName: "class"),
        completion: .list(FileClass.allCases.map(\.rawValue)),
        transform: FileClassList.parse)
    var classes: [[FileClass]] = []

    @Option(help: ArgumentHelp("File order.", valueName: "order"))
    var sort: ReportSort = .attention

    @Option(help: ArgumentHelp("Explain one file: the commits behind each of its figures.", valueName: "path"))
    var explain: String?

    @Flag(help: "Include files that no longer exist.")
    var includeDeleted = false

    @Flag(
        help:
            "Report files under vendored and fixture trees as ordinary files, in every figure (default: leave them out and list the trees)."
    )
    var includeVendored = false

    @Option(
        help: ArgumentHelp("Measure ages from this date instead of HEAD's committer date.", valueName: "date"),
        transform: AsOfDate.parse)
    var asOf: Int64?

    @Flag(help: "Read the index as it is, without mining new commits first.")
    var noMine = false

    @Flag(name: .shortAndLong, help: "No progress bar and no \"wrote FILE\" line.")
    var quiet = false

    @Flag(help: .hidden)
    var timings = false

    func validate() throws {
        if let top, top < 0 { throw ValidationError("--top must be 0 (all) or more (got \(top)).") }
        if explain != nil, let format, !ExplanationRenderer.supports(format) {
            throw ValidationError("--explain prints table, markdown or json (got \(format.rawValue)).")
        }
        if output != nil, format == nil, ReportFormat(fileExtension: output ?? "") == nil {
            throw ValidationError(
                "cannot tell the format from '\(output ?? "")'; add --format (table, markdown, json, csv, html).")
        }
    }

    func run() throws {
        let workspace = try repository.openWorkspace()
        let git = workspace.git
        let selectedPath = try path.map { try RepositoryPath.resolve($0, base: repository.path, in: git) }
        if !noMine { try IndexUpdate.run(workspace, quiet: quiet) }
        guard let store = try workspace.index() else {
            Terminal.writeError("nothing to report yet: the repository has no commits.\n")
            return
        }
        var clock = PhaseClock(isEnabled: timings)
        var session = ReportSession(workspace: workspace)
        session.asOf = asOf
        session.since = since
        session.includeDeleted = includeDeleted
        session.includeVendored = includeVendored
        let input = try session.input(store)
        clock.lap("load, fold and classify")
        let format = resolvedFormat
        if let explain {
            let target = try RepositoryPath.resolve(explain, base: repository.path, in: git)
            try emit(
                ExplanationRenderer(format: format).render(
                    try session.explanation(of: target, shown: explain, in: input)))
            return
        }
        let selection = ReportSelection(
            path: selectedPath, classes: Set(classes.joined()), sort: sort, top: limit(for: format))
        var report = session.report(of: input, selecting: selection)
        clock.lap("analyse")
        let (lessons, problems) = try session.lessons(store, input: input, about: selection.path)
        report.lessons = lessons
        for problem in problems { Terminal.printWarning(problem.description) }
        clock.lap("lessons")
        let text = format.renderer(
            width: Terminal.outputWidth, useColor: output == nil && Terminal.isOutputColored,
            detailedFiles: detailedFiles(for: format)
        ).render(report)
        clock.lap("render")
        WideTableNote.check(text, isTable: format == .table, output: output, quiet: quiet)
        try emit(text)
    }

    private var resolvedFormat: ReportFormat {
        .resolved(format, output: output, terminal: .table, pipe: .markdown)
    }

    /// How many files and directories the report keeps; html keeps every file and shows `--top` of them in full.
    private func limit(for format: ReportFormat) -> Int? {
        if format == .html { return nil }
        if let top { return top == 0 ? nil : top }
        return format == .table || format == .markdown ? 25 : nil
    }

    /// How many files the html page shows in full: `--top`, 0 for all, or the default.
    private func detailedFiles(for format: ReportFormat) -> Int? {
        guard format == .html else { return nil }
        if let top { return top == 0 ? nil : top }
        return HTMLReportRenderer.defaultDetailedFiles
    }

    private func emit(_ text: String) throws {
        try OutputFile.emit(text, to: output)
        if let output, !quiet { Terminal.writeError("wrote \(output)\n") }
    }
}

extension ReportFormat: ExtensionImpliedFormat {}
