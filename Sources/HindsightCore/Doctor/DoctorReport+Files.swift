extension DoctorReport {
    static func fileChecks(_ facts: DoctorFacts) -> [DoctorCheck] {
        var checks = [configurationCheck(facts.configuration)]
        if facts.repository.workTree != nil { checks.append(guardsCheck(facts.guards)) }
        checks += facts.lessons.problems.map { DoctorCheck("lessons", .problem, $0.problem, fix: $0.fix) }
        if facts.lessons.readable > 0 {
            checks.append(
                DoctorCheck("lessons", .ok, "\(TextShaping.count(facts.lessons.readable, "lesson")) read"))
        }
        return checks
    }

    private static func configurationCheck(_ file: ConfigFileFacts) -> DoctorCheck {
        if let issue = file.issue { return DoctorCheck("configuration", .problem, issue.problem, fix: issue.fix) }
        guard file.exists else {
            return DoctorCheck("configuration", .ok, "no configuration file (\(file.path)): the defaults apply")
        }
        return DoctorCheck("configuration", .ok, "the configuration \(file.path) reads")
    }

    private static func guardsCheck(_ file: ConfigFileFacts) -> DoctorCheck {
        if let issue = file.issue { return DoctorCheck("guards", .problem, issue.problem, fix: issue.fix) }
        guard file.exists else {
            return DoctorCheck(
                "guards", .ok,
                "no guards file (\(file.path)) yet: `hindsight guards mine` proposes guards from history's fixes and reverts"
            )
        }
        let muted = file.muted > 0 ? " (\(file.muted) muted)" : ""
        return DoctorCheck("guards", .ok, "\(file.path): \(TextShaping.count(file.entries, "guard"))\(muted)")
    }

    static func ciChecks(_ facts: DoctorFacts) -> [DoctorCheck] {
        guard facts.repository.workTree != nil else { return [] }
        let running = facts.ci.filter(\.runsHindsight)
        var checks: [DoctorCheck] = running.map { file in
            guard file.asksForFullClone else {
                return DoctorCheck(
                    "ci", .warning,
                    "\(file.platform): \(file.path) runs hindsight on a shallow checkout, where `hindsight check` stops with exit 3",
                    fix: "\(file.fullCloneSetting ?? "ask for the whole history") in \(file.path)")
            }
            return DoctorCheck("ci", .ok, "\(file.platform): \(file.path) runs hindsight")
        }
        if facts.ci.isEmpty {
            checks.append(
                DoctorCheck(
                    "ci", .ok,
                    "no CI configuration found; hindsight's ci-templates/ has jobs for GitHub Actions, GitLab CI, "
                        + "Bitbucket, Azure Pipelines, CircleCI and Jenkins"))
        } else if running.isEmpty {
            let shown = facts.ci.prefix(3).map(\.path).joined(separator: ", ")
            let files = facts.ci.count > 3 ? "\(shown) and \(facts.ci.count - 3) more" : shown
            let first = facts.ci[0]
            checks.append(
                DoctorCheck(
                    "ci", .warning, "CI runs without hindsight (\(files)): pull requests are not checked",
                    fix: "add the \(first.platform) job hindsight ships, \(first.template) (see ci-templates/README.md)"
                ))
        }
        return checks
    }

}
