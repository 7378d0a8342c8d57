import ArgumentParser
import Foundation
import HindsightCore
import HindsightKit
import HindsightOutput

extension ExportFormat: ExpressibleByArgument {}

/// `hindsight export`: the repository's report, commits, fix-inducing commits, guards, lessons and
/// health as tables for an analytical engine (docs/fleet.md loads many repositories into DuckDB).
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract:
            "Write the report, commits, fix-inducing commits, guards, lessons and health as CSV or JSON Lines tables.",
        discussion: """
            Writes one file per table into DIR (files, commits, fix_inducing, guards, guard_kinds, \
            lessons, health) and manifest.json, which gives the schema version and every column's type \
            and meaning. Every row starts with the repository's identity, so the exports of many \
            repositories load into one table each (docs/fleet.md shows DuckDB queries over a fleet). \
            Files are replaced atomically; nothing else in DIR is touched. Parquet: have DuckDB convert \
            (COPY … TO 'files.parquet'), as docs/fleet.md shows.
            """
    )

    @OptionGroup var repository: RepositoryOptions

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp("The folder to write the tables into (made if missing).", valueName: "dir"))
    var output: String

    @Option(help: ArgumentHelp("Table format.", valueName: "format"))
    var format: ExportFormat = .csv

    @Option(
        name: .customLong("repository"),
        help: ArgumentHelp(
            "The repository's identity in every row (default: the origin remote as host/owner/name, else the folder's name).",
            valueName: "name"))
    var identity: String?

    @Flag(help: "Read the index as it is, without mining new commits first.")
    var noMine = false

    @Flag(name: .shortAndLong, help: "No progress bar and no \"wrote\" line.")
    var quiet = false

    func validate() throws {
        if let identity, identity.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--repository needs a name (got an empty one).")
        }
    }

    func run() throws {
        let workspace = try repository.openWorkspace()
        if !noMine { try IndexUpdate.run(workspace, quiet: quiet) }
        guard let store = try workspace.index() else {
            Terminal.writeError("nothing to export yet: the repository has no commits.\n")
            return
        }
        let session = ReportSession(workspace: workspace)
        let input = try session.input(store)
        let report = session.report(of: input, selecting: ReportSelection())
        var health = HealthSession(workspace: workspace)
        if !quiet { health.announce = { Terminal.writeError("hindsight export: \($0)\n") } }
        let (healthReport, problems) = try health.report(store)
        for problem in problems { Terminal.printWarning(problem.description) }
        let name = identity ?? Self.identity(of: workspace)
        let export = FleetExport(
            repository: name, report: report, snapshot: input.snapshot, isFix: input.isFix,
            isAgentCommit: input.isAgentCommit, health: healthReport, guards: try workspace.guardSet(),
            lessons: try workspace.lessonBook(store: store).entries)
        try write(export, head: input.snapshot.tip)
    }

    private func write(_ export: FleetExport, head: CommitID?) throws {
        let folder = URL(fileURLWithPath: output, isDirectory: true)
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), !isFolder.boolValue {
            throw UsageError("\(output) is a file, not a folder. Give --output a folder to write the tables into.")
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let tables = export.tables
            for table in tables {
                try OutputFile.write(
                    Data(format.render(table).utf8),
                    to: folder.appendingPathComponent(table.name + "." + format.fileExtension).path)
            }
            let manifest = ExportFormat.manifest(tables, repository: export.repository, head: head, format: format)
            try OutputFile.write(Data(manifest.utf8), to: folder.appendingPathComponent("manifest.json").path)
            if !quiet {
                Terminal.writeError(
                    "wrote \(tables.count) tables and manifest.json for \(export.repository) to \(output)\n")
            }
        } catch let error as UsageError {
            throw error
        } catch {
            throw UsageError(
                "cannot write the export into \(output) (\(error.localizedDescription)). Check that it is writable.")
        }
    }

    /// The origin remote as host/owner/name, else the work tree's (or git directory's) folder name.
    static func identity(of workspace: Workspace) -> String {
        if let url = workspace.git.configValue("remote.origin.url"), let name = RepositoryIdentity.fromRemote(url) {
            return name
        }
        let folder = workspace.workTree ?? URL(fileURLWithPath: workspace.git.gitDirectory.path)
        return folder.standardizedFileURL.lastPathComponent
    }
}
