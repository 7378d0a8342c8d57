import HindsightCore

/// One Markdown bullet per context fact, phrased as an instruction with its evidence. History's text
/// (paths, subjects, names, reasons) is untrusted: it is flattened to one line, stripped of invisible
/// format characters, capped, and escaped or put in code spans, so it can close no marker, fence or
/// front matter, and it is quoted as data.
enum ContextLines {
    /// Every fact of `context` as bullet lines under section titles, most critical section first.
    static func sections(of context: AgentContext) -> [(title: String, items: [String])] {
        let days = context.activeAreas.first?.days ?? 30
        return [
            (lessonsTitle, context.lessons.map(lesson)),
            ("Do not retry: reverted attempts", context.doNotRetry.map(attempt) + leftOut(context.doNotRetryLeftOut)),
            ("Fix-prone code: run its tests", context.fixProne.map(fixProne)),
            ("Change together", context.coChanges.map(coChange)),
            ("Guards that run on every commit", context.guards.map(guardLine)),
            ("Settled: leave alone without a reason", context.stableAreas.map(stable)),
            (
                "Active in the last \(days) days: expect concurrent work, pull before you start",
                context.activeAreas.map(active)
            ),
            (conventionsTitle, context.conventions.map(convention)),
        ]
    }

    /// The title of the conventions section, where a rule file's test location sits.
    static let conventionsTitle = "Conventions"

    /// The title of the lessons section.
    static let lessonsTitle = "Lessons people and agents recorded"

    /// A lesson as an instruction: what, where, the outcome or reason, who and when, and any doubt.
    static func lesson(_ entry: LessonEntry) -> String {
        let lesson = entry.lesson
        let label = ["tried": "Tried", "avoid": "Avoid", "convention": "Convention", "note": "Note"]
        let place =
            lesson.paths.isEmpty
            ? "anywhere"
            : "in " + lesson.paths.prefix(3).map(code).joined(separator: ", ")
                + (lesson.paths.count > 3 ? " and \(lesson.paths.count - 3) more" : "")
        var line = "- \(label[lesson.kind.rawValue] ?? "Note") \(place): \(quoted(lesson.text, limit: 200))"
        if let outcome = lesson.outcome {
            line += " — \(lesson.kind == .tried ? "outcome" : "why"): \(quoted(outcome, limit: 140))"
        }
        let origin: String
        switch lesson.source {
        case .file: origin = code(lesson.id)
        case .trailer(let commit): origin = "trailer of \(code(String(commit.hex.prefix(10))))"
        }
        line +=
            " (\(origin), \(flat(lesson.author, limit: 40))\(lesson.byAgent ? ", an agent" : ""), "
            + "\(CalendarDate.isoDate(lesson.created)))"
        if let doubt = entry.state.doubt { line += "; " + doubt }
        return line + "."
    }

    static func attempt(_ attempt: RevertedAttempt) -> String {
        let tried =
            attempt.attempt.map { "\(quoted($0.subject)) from \(commit($0))" }
            ?? "commit \(code(String(attempt.revertedID.hex.prefix(10))))"
        var line = "- Do not retry \(tried): reverted by \(commit(attempt.revert))"
        if let reason = attempt.reason { line += " — \(quoted(reason, limit: 160))" }
        var what: [String] = []
        if !attempt.files.isEmpty { what.append("files: \(paths(attempt.files, limit: 4))") }
        if !attempt.addedGone.isEmpty {
            what.append("it added \(added(attempt.addedGone)), which the tree still lacks")
        }
        return line + "; " + what.joined(separator: "; ") + "."
    }

    /// What an attempt added, folder by folder: a folder with three files or more as `dir/` (N files).
    static func added(_ files: [RepoPath]) -> String {
        let folders = Dictionary(grouping: files) { $0.string.split(separator: "/").dropLast().joined(separator: "/") }
        let named = folders.keys.sorted().flatMap { folder -> [String] in
            let members = folders[folder] ?? []
            guard members.count >= 3, !folder.isEmpty else { return members.map { code($0.string) } }
            return ["\(code(folder + "/")) (\(members.count) files)"]
        }
        return named.count > 4
            ? named.prefix(4).joined(separator: ", ") + " and \(named.count - 4) more" : named.joined(separator: ", ")
    }

    /// The line saying which reverted attempts are not listed, when any are not.
    static func leftOut(_ leftOut: AttemptsLeftOut) -> [String] {
        var parts: [String] = []
        if leftOut.superseded > 0 {
            parts.append(
                "\(TextShaping.count(leftOut.superseded, "attempt")) whose revert later work undid (its lines are gone, its files back)"
            )
        }
        if leftOut.older > 0 {
            parts.append("\(TextShaping.count(leftOut.older, "revert")) older than \(leftOut.horizonYears) years")
        }
        return parts.isEmpty ? [] : ["- Not listed: " + parts.joined(separator: "; ") + "."]
    }

    static func fixProne(_ file: FixProneFile) -> String {
        var line = "- \(code(file.path.string))"
        if !file.regions.isEmpty {
            line +=
                " "
                + file.regions.map { region in
                    let lines =
                        region.lines.count == 1
                        ? "line \(region.lines.lowerBound)"
                        : "lines \(region.lines.lowerBound)–\(region.lines.upperBound)"
                    return "\(lines) (\(region.fixCount) fixes)"
                }.joined(separator: ", ")
        }
        line +=
            ": \(TextShaping.count(file.fixCount, "fix commit")), \(file.fileClass == .hotspot ? "a hotspot" : "fixes recur")"
        if let latest = file.latestFixes.first { line += "; latest \(commit(latest)) \(quoted(latest.subject))" }
        if let command = file.testCommand {
            line += ". Run \(code(command)) after changing it"
        } else if !file.tests.isEmpty {
            line += ". Its tests: \(paths(file.tests, limit: 3)) (no test runner was recognised to run them)"
        } else {
            line += ". No test changes with it: add one with your change"
        }
        return line + "."
    }

    static func coChange(_ list: CoChangeList) -> String {
        let partners = list.partners.map { partner in
            "\(code(partner.path.string)) (\(partner.shared) of \(list.commits) commits)"
        }
        return "- When you change \(code(list.path.string)), also check \(partners.joined(separator: ", "))."
    }

    static func guardLine(_ item: Guard) -> String {
        let scope = item.scope.isEmpty ? "anywhere" : "in " + paths(item.scope, limit: 2)
        return
            "- \(code(item.id)) \(item.kind) \(scope): \(flat(item.message, limit: 160)) → \(flat(item.action, limit: 160))"
    }

    static func stable(_ area: StableArea) -> String {
        let what =
            area.isDirectory
            ? "\(code(area.path.string + "/")) (\(TextShaping.count(area.files, "file")))" : code(area.path.string)
        return "- \(what): unchanged for \(area.daysUnchanged) days."
    }

    static func active(_ area: ActiveArea) -> String {
        let directory = area.directory.string.isEmpty ? "the repository root" : code(area.directory.string + "/")
        let people =
            area.authors.isEmpty ? "" : " by " + area.authors.map { flat($0, limit: 40) }.joined(separator: ", ")
        return "- \(directory): \(TextShaping.count(area.commits, "commit")) in \(area.days) days\(people); latest "
            + "\(commit(area.latest)) \(quoted(area.latest.subject))."
    }

    static func convention(_ convention: Convention) -> String {
        switch convention {
        case .conventionalCommits(let share, let sample, let types):
            let counts = types.map { "\($0.type) \($0.count)" }.joined(separator: ", ")
            return
                "- Write commit subjects as Conventional Commits (`type(scope): summary`): \(ReportText.percent(share)) of the "
                + "latest \(sample) do (\(flat(counts, limit: 120)))."
        case .areaSubjects(let share, let sample, let types):
            let counts = types.map { "\($0.type) \($0.count)" }.joined(separator: ", ")
            return
                "- Start commit subjects with the area they change (`area: summary`, e.g. \(code((types.first?.type ?? "area") + ": …"))): "
                + "\(ReportText.percent(share)) of the latest \(sample) do (\(flat(counts, limit: 120))); this is not Conventional Commits."
        case .testLocation(let source, let tests, let pairs, let command):
            let run = command.map { "; run those that change with it most: \(code($0))" } ?? ""
            return
                "- Tests for \(source.string.isEmpty ? "files at the repository root" : code(source.string + "/")) live in \(code(tests.string + "/")) (\(pairs) files change with tests there)\(run)."
        case .generatedFiles(let files):
            return "- Generated files, never edit by hand (regenerate with their tool): \(paths(files, limit: 6))."
        }
    }

    // MARK: - Untrusted text

    /// A commit as `1a2b3c4d5e` (2024-03-01).
    static func commit(_ ref: CommitRef) -> String { "\(code(ref.shortID)) (\(ReportText.date(ref.time)))" }

    /// Paths as code spans, at most `limit`, then "and N more".
    static func paths(_ paths: [RepoPath], limit: Int) -> String {
        let shown = paths.prefix(limit).map { code($0.string) }.joined(separator: ", ")
        return paths.count > limit ? shown + " and \(paths.count - limit) more" : shown
    }

    /// History's text in quotation marks, escaped.
    static func quoted(_ text: String, limit: Int = 100) -> String { "“" + flat(text, limit: limit) + "”" }

    /// History's text as escaped inline Markdown on one line, capped at `limit` characters.
    static func flat(_ text: String, limit: Int) -> String {
        MarkdownEscaping.escaped(TextShaping.truncated(visible(text), limit))
    }

    /// History's text as a code span on one line.
    static func code(_ text: String) -> String { MarkdownEscaping.codeSpan(TextShaping.truncated(visible(text), 200)) }

    /// `text` without invisible format characters (zero-width, bidirectional overrides, BOM), which
    /// could hide words from a reader while an agent still reads them.
    static func visible(_ text: String) -> String { TextShaping.visible(text) }
}
