import ArgumentParser
import Foundation
import HindsightConfig
import HindsightCore
import HindsightGit
import HindsightIndex
import HindsightKit
import HindsightOutput

/// `hindsight check`: run the guards on a change.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run the guards on a change: staged changes (default), a pull request, a commit or a range.",
        discussion: """
            Reads the change with libgit2 and never modifies the working tree or the git index. Findings \
            carry the commits that taught them and what to do. Exit status 1 when a finding is at or above \
            --fail-on (default error, or check.failOn in .hindsight.yml). The index is read as it is; if it \
            is missing or behind HEAD, check says so in one line (add --mine to update it first). \
            --new-only leaves out findings about lines the base already had, such as moved code. \
            A finding is let through by a `Hindsight-Allow: KIND|ID` trailer in the commit message (read \
            from --message-file when staged, as the commit-msg hook passes it), by HINDSIGHT_ALLOW=KIND|ID,… \
            in the environment, or by --allow; each finding says which of these works where it runs.
            """
    )

    @OptionGroup var repository: RepositoryOptions

    @Flag(help: "Check what `git commit` would commit (the default).")
    var staged = false

    @Option(
        help: ArgumentHelp("Check a pull request: from the merge base of REF and HEAD up to HEAD.", valueName: "ref"))
    var base: String?

    @Option(
        help: ArgumentHelp(
            "With --staged: the commit message being written (the commit-msg hook passes its file); its Hindsight-Allow: trailers apply.",
            valueName: "file"))
    var messageFile: String?

    @Option(help: ArgumentHelp("Check one commit against its first parent.", valueName: "ref"))
    var commit: String?

    @Option(help: ArgumentHelp("Check everything in A..B.", valueName: "A..B"))
    var range: String?

    @Option(
        help: ArgumentHelp(
            "Output format: auto (the CI's annotations: github on GitHub Actions, else text), text (the default), json, sarif, junit, github, gitlab, checkstyle.",
            valueName: "format"),
        completion: .list(["auto"] + FindingsFormat.allCases.map(\.rawValue)),
        transform: FindingsFormatChoice.parse)
    var format: FindingsFormatChoice = .fixed(.text)

    @Flag(help: "In a shallow clone, check the history present instead of failing (exit 3) with the fix.")
    var allowShallow = false

    @Option(
        name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(
        help: ArgumentHelp(
            "Exit 1 on findings at or above this level: error, warning, notice or never.", valueName: "level"),
        completion: .list(["error", "warning", "notice", "never"]),
        transform: FailLevel.parse)
    var failOn: FailLevel?

    @Option(
        parsing: .singleValue,
        help: ArgumentHelp("Allow a guard kind or id for this run (repeatable).", valueName: "kind|id"))
    var allow: [String] = []

    @Flag(help: "Leave out findings about lines the base already had (moved or re-indented code).")
    var newOnly = false

    @Flag(name: .shortAndLong, help: "Print nothing when there are no findings (as the pre-commit hook runs it).")
    var quiet = false

    @Flag(help: "Bring the index up to date first (can take long on a first run).")
    var mine = false

    @Flag(help: .hidden)
    var timings = false

    func validate() throws {
        let targets = [staged, base != nil, commit != nil, range != nil].filter { $0 }.count
        if targets > 1 { throw ValidationError("give at most one of --staged, --base, --commit and --range.") }
        if let range, Self.split(range) == nil { throw ValidationError("--range takes A..B (got '\(range)').") }
        if messageFile != nil, base != nil || commit != nil || range != nil {
            throw ValidationError("--message-file goes with --staged: a commit's own message is read from it.")
        }
    }

    func run() throws {
        var clock = PhaseClock(isEnabled: timings)
        var target = self.target
        let workspace = try repository.openWorkspace(fromEnvironment: target == .staged && Self.isInHook)
        clock.lap("open repository and config")
        // A merge's commit-msg hook would see the whole merged branch staged; its commits were checked
        // as they were made, and merges are not mined either.
        if messageFile != nil, workspace.git.isMerging {
            if !quiet {
                Terminal.writeError(
                    "hindsight check: a merge is being committed; its commits were checked as they were made.\n")
            }
            return
        }
        if mine { try IndexUpdate.run(workspace, quiet: false) }
        let store = try workspace.indexIfMined()
        clock.lap("open index")
        var shallowNote = try shallowNote(workspace.git, target: target)
        var change = try workspace.change(target)
        // Under the pre-commit framework with nothing staged (`pre-commit run --all-files`), the
        // change it names or the CI's pull request is checked instead; the staged change is read once.
        if target == .staged, messageFile == nil, let outcome = preCommitOutcome(nothingStaged: change.files.isEmpty) {
            switch outcome {
            case .check(let other, let note):
                if !quiet { Terminal.writeError("hindsight check: \(note)\n") }
                target = other
                shallowNote = try self.shallowNote(workspace.git, target: target)
                change = try workspace.change(target)
            case .nothing(let note):
                if !quiet { Terminal.writeError("hindsight check: \(note)\n") }
                return
            }
        }
        if let messageFile { change.messages = [try Self.message(in: messageFile, git: workspace.git)] }
        clock.lap("read change")
        // The staged check runs from the pre-commit hook: it reads only the guards the change can trip.
        var guards =
            target == .staged ? try workspace.guardSet(touching: change, store: store) : try workspace.guardSet()
        let facts: KnownFacts
        // A commit, a range or a pull request is checked with what was known before it, never after.
        if target != .staged, let store,
            let past = try PastCheckView.load(
                for: change, guards: guards, store: store, in: workspace)
        {
            (guards, facts) = past
        } else {
            let settings = workspace.analysisSettings(now: try workspace.referenceTime())
            facts = try FileFactsLoader.load(store: store, in: workspace, settings: settings, touching: change)
        }
        clock.lap("load file facts")
        var session = CheckSession(
            configuration: workspace.configuration.check, allow: allow + Self.environmentAllow,
            fixes: workspace.configuration.report.fixDetector, bots: workspace.configuration.report.botDetector)
        session.stage = target != .staged ? .commits : messageFile == nil ? .preCommit : .commitMessage
        // Lesson files are read as they are (no history: a hook must stay fast); a past change sees
        // only the lessons written before it.
        let book = try workspace.lessonBook(store: nil, asOf: facts.now)
        for problem in book.problems { Terminal.printWarning(problem.description) }
        let lessons = book.inForce.filter { entry in target == .staged || entry.lesson.created <= facts.now }
        var result = session.run(
            change, guards: guards, lessons: lessons, facts: facts,
            baseline: newOnly ? try workspace.baseline(of: change) : nil)
        clock.lap("run guards")
        let indexNote = try workspace.indexState(store).note(remedy: "check --mine")
        let notes = [indexNote, shallowNote].compactMap { $0 }
        result.indexNote = notes.isEmpty ? nil : notes.joined(separator: "; ")
        let format = resolvedFormat
        if quiet, result.findings.isEmpty, output == nil, format == .text { return }
        let rendered = format.renderer(
            useColor: output == nil && format == .text && Terminal.isOutputColored,
            site: Self.documentationSite(configured: workspace.configuration.check.docsURL)
        ).render(result)
        try OutputFile.emit(rendered, to: output)
        clock.lap("render")
        if format == .github, let summary = ProcessInfo.processInfo.environment["GITHUB_STEP_SUMMARY"], !summary.isEmpty
        {
            try? OutputFile.append(Data(GitHubFindingsRenderer().stepSummary(result).utf8), to: summary)
        }
        let threshold =
            failOn.map(\.threshold) ?? workspace.configuration.check.failOn
        if let threshold, result.findings.contains(where: { $0.severity >= threshold }) { throw ExitCode(1) }
    }

    /// What to check: the flag given; else, inside a CI, its pull request (or HEAD's commit when the
    /// build is not for one); else the staged changes.
    private var target: CheckTarget {
        if let base { return .base(base) }
        if let commit { return .commit(commit) }
        if let range, let (from, to) = Self.split(range) { return .range(from: from, to: to) }
        if !staged, messageFile == nil, let platform = Self.platform {
            return platform.pullRequestBase.map(CheckTarget.base) ?? .commit("HEAD")
        }
        return .staged
    }

    private static var platform: CIPlatform? { CIPlatform.detect(in: ProcessInfo.processInfo.environment) }

    private var resolvedFormat: FindingsFormat {
        switch format {
        case .auto: Self.platform?.readsGitHubAnnotations == true ? .github : .text
        case .fixed(let format): format
        }
    }

    /// History is missing in a shallow clone: a pull request's or commit's check fails with the fix for
    /// the CI it runs on (exit 3) unless --allow-shallow, which checks what is there and says so.
    private func shallowNote(_ git: GitRepository, target: CheckTarget) throws -> String? {
        guard target != .staged, !git.shallowBoundary().isEmpty else { return nil }
        guard allowShallow else {
            let fix = Self.platform.map { "On \($0.name), \($0.unshallowFix)" } ?? "Run `git fetch --unshallow`"
            throw RepositoryProblem(
                "this is a shallow clone, so the history the check needs is missing. \(fix); or pass --allow-shallow to check the history present."
            )
        }
        return "shallow clone: checked the history present (--allow-shallow)"
    }

    /// Where SARIF links to: `HINDSIGHT_DOCS_URL` (the GitHub Action sets it to the Hindsight it
    /// built), else `check.docsURL`; a value that is not an http(s) URL is reported and left out.
    private static func documentationSite(configured: String?) -> DocumentationSite? {
        let variable = ProcessInfo.processInfo.environment["HINDSIGHT_DOCS_URL"].flatMap { $0.isEmpty ? nil : $0 }
        guard let text = variable ?? configured else { return nil }
        if let site = DocumentationSite(base: text) { return site }
        Terminal.printWarning("HINDSIGHT_DOCS_URL is not an http(s) URL ('\(text)'); SARIF is written without links.")
        return nil
    }

    /// The kinds or ids `HINDSIGHT_ALLOW` lets through, comma-separated.
    private static var environmentAllow: [String] {
        (ProcessInfo.processInfo.environment["HINDSIGHT_ALLOW"] ?? "").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The message being committed, as git will store it: comment lines and everything below a
    /// scissors line (`git commit -v`) left out.
    static func message(in path: String, git: GitRepository) throws -> CommitMessage {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UsageError(
                "cannot read the commit message file \(path). Pass the file git hands the commit-msg hook.")
        }
        let configured = git.configValue("core.commentChar") ?? git.configValue("core.commentString")
        let comment = configured.flatMap { $0 == "auto" || $0.isEmpty ? nil : $0 } ?? "#"
        var kept: [Substring] = []
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix(comment + " ------------------------ >8 ------------------------") { break }
            if !line.hasPrefix(comment) { kept.append(line) }
        }
        return CommitMessage(parsing: kept.joined(separator: "\n"))
    }

    /// Whether git runs us from a hook with a temporary index (`git commit -a`, `git commit <paths>`).
    /// Under the pre-commit framework with nothing staged, the change to check instead (see PreCommitRun).
    private func preCommitOutcome(nothingStaged: Bool) -> PreCommitRun.Outcome? {
        PreCommitRun.outcome(
            environment: ProcessInfo.processInfo.environment, nothingStaged: nothingStaged, platform: Self.platform)
    }

    private static var isInHook: Bool { ProcessInfo.processInfo.environment["GIT_INDEX_FILE"] != nil }

    private static func split(_ range: String) -> (String, String)? {
        let parts = range.components(separatedBy: "..")
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, !parts[1].hasPrefix(".") else { return nil }
        return (parts[0], parts[1])
    }
}
