import ArgumentParser
import HindsightCore
import HindsightKit
import HindsightOutput

extension DoctorFormat: ExpressibleByArgument {}

/// `hindsight doctor`: what is installed and what is wrong, each problem with its fix.
struct Doctor: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract:
            "Check the set-up: libgit2, the clone, the index against HEAD, configuration, hooks, hook managers and CI.",
        discussion: """
            One line per check, `ok`, `warning` or `problem`, and under each that has one a `fix:` line. \
            Checks: libgit2's version and features; a shallow or partial clone; the index (missing, \
            damaged, from an older or newer hindsight, commits behind HEAD, mined with other history \
            options than the configuration's); .hindsight.yml (or --config), .hindsight/guards.yml and \
            the lesson files, each error naming its file and line; the git hooks (hindsight's, someone \
            else's, not executable, or falling back to a hindsight that is not there); husky, lefthook \
            and the pre-commit framework, and whether they run hindsight; and CI files (GitHub Actions, \
            GitLab CI, Bitbucket, Azure Pipelines, CircleCI, Jenkins): whether they run hindsight, and \
            on a full clone. It reads and never writes. \
            --format json prints {schemaVersion, ok, problems, warnings, repository {gitDirectory, \
            workTree, head, isShallow, promisorRemotes}, libgit2 {version, threads, https, ssh, nsec}, \
            index {path, exists, schema, tip, behind, behindMoreThan, options, configuredOptions}, \
            checks [{id, status, summary, fix}]}; a check's id is one of libgit2, clone, index, \
            index-options, configuration, guards, lessons, hooks, hook-manager, ci. \
            Exit status: 0 when no check is a problem (warnings allowed), 1 when one is, 3 when there \
            is no repository.
            """
    )

    @OptionGroup var repository: RepositoryOptions

    @Option(help: ArgumentHelp("Output format: text or json.", valueName: "format"))
    var format: DoctorFormat = .text

    func run() throws {
        var (facts, git) = try DoctorGathering.facts(path: repository.path, configurationFile: repository.config)
        (facts.hooks, facts.managers) = HookInventory.facts(of: git)
        let report = DoctorReport(facts: facts)
        Terminal.writeOutput(Array(format.renderer.render(report).utf8))
        if report.exitStatus != .ok { throw ExitCode(report.exitStatus.rawValue) }
    }
}
