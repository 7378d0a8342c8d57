extension DoctorReport {
    static func libraryChecks(_ facts: DoctorFacts) -> [DoctorCheck] {
        let build = facts.libgit2
        let features = [
            (build.hasThreads, "threads"), (build.hasHTTPS, "https"), (build.hasSSH, "ssh"),
            (build.hasNanoseconds, "nsec"),
        ]
        let with = features.filter(\.0).map(\.1)
        let without = features.filter { !$0.0 }.map(\.1)
        let summary =
            "libgit2 \(build.version)" + (with.isEmpty ? "" : " with \(with.joined(separator: ", "))")
            + (without.isEmpty ? "" : ", without \(without.joined(separator: ", "))")
        guard build.hasThreads else {
            return [
                DoctorCheck(
                    "libgit2", .warning, summary + ": mining reads history on several threads, which needs threads",
                    fix:
                        "link a libgit2 built with threads (THREADSAFE=ON, as distributions build it), or mine with `hindsight mine --workers 1`"
                )
            ]
        }
        return [DoctorCheck("libgit2", .ok, summary)]
    }

    static func cloneChecks(_ facts: DoctorFacts) -> [DoctorCheck] {
        let repository = facts.repository
        var checks: [DoctorCheck] = []
        if !repository.promisorRemotes.isEmpty {
            checks.append(
                DoctorCheck(
                    "clone", .problem,
                    "a partial clone (promisor remote \(repository.promisorRemotes.joined(separator: ", "))): "
                        + "libgit2 cannot fetch the objects it lacks, so `hindsight mine` refuses it",
                    fix: "clone the repository again without --filter"))
        }
        if repository.isShallow || !repository.shallowBoundary.isEmpty {
            let cut = repository.shallowBoundary.count
            checks.append(
                DoctorCheck(
                    "clone", .problem,
                    "a shallow clone (history cut off at \(TextShaping.count(cut, "commit"))): the index learns "
                        + "only from the history present, and `hindsight check` stops with exit 3",
                    fix: "fetch the whole history with `git fetch --unshallow`"))
        }
        if checks.isEmpty { checks.append(DoctorCheck("clone", .ok, "a full clone")) }
        return checks
    }

    static func indexChecks(_ facts: DoctorFacts) -> [DoctorCheck] {
        let index = facts.index
        let head = facts.repository.head
        if let issue = index.unreadable { return [DoctorCheck("index", .problem, issue.problem, fix: issue.fix)] }
        guard let inspection = index.inspection else {
            guard head != nil else { return [DoctorCheck("index", .ok, "no commits yet, so nothing to mine")] }
            return [
                DoctorCheck(
                    "index", .problem, "no history index yet (\(index.path))",
                    fix: facts.repository.workTree == nil
                        ? "run `hindsight mine`, and again after each fetch"
                        : "run `hindsight mine` once; the hooks `hindsight install` writes keep it current")
            ]
        }
        switch inspection.schema {
        case .newer:
            return [
                DoctorCheck(
                    "index", .problem, "the index at \(index.path) was written by a newer hindsight",
                    fix: "upgrade hindsight, or run `hindsight mine --rebuild` to build it again for this one")
            ]
        case .older:
            return [
                DoctorCheck(
                    "index", .warning, "the index at \(index.path) is from an older hindsight",
                    fix: "run `hindsight mine`, which upgrades it (some upgrades mine the whole history again)")
            ]
        case .current:
            return [state(of: inspection, index, head: head)] + optionChecks(inspection, facts)
        }
    }

    private static func state(of inspection: IndexInspection, _ index: IndexFacts, head: CommitID?) -> DoctorCheck {
        let mine = "run `hindsight mine`"
        guard let tip = inspection.tip else {
            return DoctorCheck(
                "index", .problem, "the index at \(index.path) holds no finished mine (was one interrupted?)",
                fix: mine)
        }
        guard let head else {
            return DoctorCheck("index", .ok, "the index is at \(tip.short); HEAD is an unborn branch")
        }
        let size = inspection.reachableCommits.map { " (\(TextShaping.count($0, "commit")))" } ?? ""
        if tip == head { return DoctorCheck("index", .ok, "the index is at HEAD, \(head.short)\(size)") }
        let lag: String
        var them = "them"
        switch index.behind {
        case .exactly(0):
            return DoctorCheck(
                "index", .warning,
                "the index is at \(tip.short), not HEAD (\(head.short)), though it holds every commit HEAD reaches",
                fix: mine + " (it only marks what HEAD reaches; no commit is read again)")
        case .exactly(let count):
            lag = TextShaping.count(count, "commit")
            if count == 1 { them = "it" }
        case .moreThan(let count): lag = "more than \(TextShaping.count(count, "commit"))"
        case nil: lag = "some commits"
        }
        return DoctorCheck(
            "index", .warning,
            "the index is at \(tip.short), \(lag) behind HEAD (\(head.short)): answers and checks leave \(them) out",
            fix: mine + "; the refresh hooks of `hindsight install` do it after every commit")
    }

    private static func optionChecks(_ inspection: IndexInspection, _ facts: DoctorFacts) -> [DoctorCheck] {
        let configured = facts.index.configuredOptions
        guard let stored = inspection.options else { return [] }
        if stored != configured {
            return [
                DoctorCheck(
                    "index-options", .warning,
                    "the index was mined with history options `\(stored)`; the configuration asks for `\(configured)`",
                    fix: "run `hindsight mine`, which mines the whole history again with the configured options")
            ]
        }
        if let boundary = inspection.shallowBoundary, boundary != facts.repository.shallowBoundary {
            return [
                DoctorCheck(
                    "index-options", .warning, "the clone's shallow boundary moved since the index was mined",
                    fix: "run `hindsight mine`, which mines the history present again")
            ]
        }
        return [DoctorCheck("index-options", .ok, "mined with the configured history options (`\(stored)`)")]
    }
}
