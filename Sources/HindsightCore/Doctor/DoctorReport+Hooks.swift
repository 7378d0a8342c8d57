extension DoctorReport {
    static func hookChecks(_ facts: DoctorFacts) -> [DoctorCheck] {
        guard let hooks = facts.hooks else {
            return [DoctorCheck("hooks", .ok, "a bare repository: no commits are made here, so it needs no hooks")]
        }
        let ours = hooks.hooks.filter { if case .hindsight = $0.owner { true } else { false } }
        let foreign = hooks.hooks.filter { $0.owner == .foreign }.map(\.name)
        var checks = [summaryCheck(hooks, ours: ours, foreign: foreign, managers: facts.managers)].compactMap(\.self)
        checks += ours.filter { !$0.isExecutable }.map { hook in
            let path = hooks.directory + "/" + hook.name
            return DoctorCheck(
                "hooks", .problem, "\(path) is hindsight's but not executable, so git never runs it",
                fix: "`chmod +x \(path)`")
        }
        let unreachable = Set(
            ours.compactMap { hook -> String? in
                guard case .hindsight(let recorded, let exists) = hook.owner, !exists, !hooks.isOnPath else {
                    return nil
                }
                return recorded ?? "the recorded path"
            })
        checks += unreachable.sorted().map { recorded in
            DoctorCheck(
                "hooks", .problem,
                "the hooks find hindsight neither on PATH nor at \(recorded), so commits go ahead unchecked",
                fix: "put hindsight on PATH, or run `hindsight install --binary PATH-TO-HINDSIGHT` again")
        }
        checks += facts.managers.map {
            managerCheck($0, hasOwnCheck: ours.contains { hooks.checking.contains($0.name) })
        }
        return checks
    }

    private static func summaryCheck(
        _ hooks: HookFacts, ours: [HookFile], foreign: [String], managers: [HookManagerFacts]
    ) -> DoctorCheck? {
        let viaManager = managers.filter(\.runsHindsight)
        let checkers = ours.filter { hooks.checking.contains($0.name) }.map(\.name)
        let refreshers = ours.filter { !hooks.checking.contains($0.name) }.map(\.name)
        let missing = hooks.defaults.filter { !hooks.checking.contains($0) && !refreshers.contains($0) }
        let others = foreign.isEmpty ? "" : " (not hindsight's: \(foreign.joined(separator: ", ")))"
        let chained = ours.filter(\.hasChained).map(\.name)
        let chains = chained.isEmpty ? "" : "; run first, the hooks they replaced: \(chained.joined(separator: ", "))"
        let place = "hooks in \(hooks.directory)"
        if ours.isEmpty {
            if let manager = viaManager.first {
                return DoctorCheck(
                    "hooks", .ok, "no hindsight hooks in \(hooks.directory): \(manager.name) runs hindsight\(others)")
            }
            // A manager that owns the hooks without running hindsight: its own line says what to do.
            if !managers.isEmpty { return nil }
            return DoctorCheck(
                "hooks", .problem,
                "no hindsight hooks in \(hooks.directory)\(others): commits are not checked and the index is not refreshed",
                fix: "run `hindsight install`"
                    + (foreign.isEmpty ? "" : " (it keeps each existing hook and runs it first)"))
        }
        if checkers.count > 1 {
            return DoctorCheck(
                "hooks", .warning,
                "\(place): both \(checkers.joined(separator: " and ")) run the check, so a finding blocks at pre-commit "
                    + "before a Hindsight-Allow: trailer is read\(others)",
                fix: "`hindsight uninstall --hooks pre-commit`")
        }
        guard let checker = checkers.first ?? viaManager.first.map(\.name) else {
            return DoctorCheck(
                "hooks", .warning,
                "\(place) refresh the index (\(refreshers.joined(separator: ", "))) but nothing checks commits\(others)",
                fix: "run `hindsight install`, which adds commit-msg")
        }
        let refreshing = refreshers.isEmpty ? "" : "; \(refreshers.joined(separator: ", ")) refresh the index"
        guard missing.isEmpty else {
            return DoctorCheck(
                "hooks", .warning,
                "\(place): \(checker) checks\(refreshing); missing: \(missing.joined(separator: ", ")), "
                    + "so the index falls behind after those\(others)",
                fix: "run `hindsight install`")
        }
        return DoctorCheck("hooks", .ok, "\(place): \(checker) checks\(refreshing)\(chains)\(others)")
    }

    private static func managerCheck(_ manager: HookManagerFacts, hasOwnCheck: Bool) -> DoctorCheck {
        let name = "\(manager.name) (\(manager.file))"
        if manager.runsHindsight { return DoctorCheck("hook-manager", .ok, "\(name) runs hindsight") }
        return DoctorCheck(
            "hook-manager", hasOwnCheck ? .warning : .problem,
            "\(name) manages the hooks and does not run hindsight"
                + (hasOwnCheck ? "; hindsight's own hooks run beside it" : ""),
            fix:
                "run `hindsight install --write` to add hindsight to \(manager.file), or `hindsight install` to list the lines it would add"
        )
    }
}
