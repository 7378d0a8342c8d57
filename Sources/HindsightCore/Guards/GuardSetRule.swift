/// Runs the guards of `.hindsight/guards.yml` (all but muted ones) on a change.
public struct GuardSetRule: GuardRule {
    /// The guards to run.
    public let guards: [Guard]
    public let kind = "guard-set"
    /// One descriptor per guard, for findings formats that list rules.
    public let descriptors: [RuleDescriptor]
    /// `reintroduced-fix` guards by scope path and matched line.
    private let removedLines: [RepoPath: [String: [Int]]]
    /// Indexes of the `recurring-pattern` and `reverted-change` guards.
    private let patterns: [Int], reverts: [Int]

    /// A rule over `guards`; muted ones never run. Indexed once, so a backtest replaying thousands of
    /// commits (or a check against thousands of guards) looks each added line up instead of scanning.
    public init(guards: [Guard]) {
        let guards = guards.filter { $0.status != .muted }
        self.guards = guards
        descriptors = guards.map {
            RuleDescriptor(id: $0.id, kind: $0.kind, summary: $0.message, help: $0.action, severity: $0.severity)
        }
        var removedLines: [RepoPath: [String: [Int]]] = [:]
        for (index, item) in guards.enumerated() where item.kind == GuardKind.reintroducedFix.id {
            for path in item.scope { removedLines[path, default: [:]][item.match, default: []].append(index) }
        }
        self.removedLines = removedLines
        patterns = guards.indices.filter { guards[$0].kind == GuardKind.recurringPattern.id }
        reverts = guards.indices.filter { guards[$0].kind == GuardKind.revertedChange.id }
    }

    public var descriptor: RuleDescriptor {
        RuleDescriptor(
            id: kind, kind: kind, summary: "Guards mined from this repository's history (.hindsight/guards.yml).",
            help: "Each guard carries the commits that taught it; `hindsight guards explain ID` shows them.",
            severity: .warning)
    }

    public func findings(in change: ChangeSet, context: GuardContext) -> [Finding] {
        var findings = patternFindings(in: change)
        for item in reverts.map({ guards[$0] }) where reapplies(item, in: change) {
            let path =
                change.files.first { file in item.scope.contains(file.path) }?.path ?? change.files.first?.path
                ?? RepoPath("")
            findings.append(item.finding(path: path, line: nil, fingerprint: item.id))
        }
        for file in change.files {
            guard let lines = removedLines[file.oldPath ?? file.path] ?? removedLines[file.path] else { continue }
            for added in file.added {
                for item in (lines[normalizedLine(added.text)] ?? []).map({ guards[$0] }) {
                    findings.append(
                        item.finding(path: file.path, line: added.number, fingerprint: "\(item.id)|\(file.path.string)")
                    )
                }
            }
        }
        return findings
    }

    /// Findings of `recurring-pattern` guards: an added line calling a pattern fixes kept removing.
    private func patternFindings(in change: ChangeSet) -> [Finding] {
        guard !patterns.isEmpty else { return [] }
        let patterns = patterns.map { guards[$0] }
        var findings: [Finding] = []
        for file in change.files {
            for added in file.added {
                let calls = Set(callTokens(in: added.text))
                for item in patterns where calls.contains(item.match) {
                    guard item.scope.isEmpty || item.scope.contains(where: file.path.isWithin) else { continue }
                    findings.append(
                        item.finding(
                            path: file.path, line: added.number,
                            fingerprint: "\(item.id)|\(file.path.string)|\(normalizedLine(added.text))"))
                }
            }
        }
        return findings
    }
}

extension Guard {
    /// A finding of this guard at `path` (and `line`), with its message, action and evidence.
    func finding(path: RepoPath, line: Int?, fingerprint: String) -> Finding {
        Finding(
            ruleID: id, kind: kind, severity: severity, path: path, line: line, message: message, action: action,
            evidence: evidence,
            fingerprint: fingerprint)
    }
}
