/// Runs the guards of `.hindsight/guards.yml` (all but muted ones) on a change.
public struct GuardSetRule: GuardRule {
    /// The guards to run.
    public let guards: [Guard]
    public let kind = "guard-set"
    /// One descriptor per guard, for findings formats that list rules.
    public let descriptors: [RuleDescriptor]
    /// `reintroduced-fix` guards by scope path and matched line.
    private let removedLines: [RepoPath: [String: [Int]]]
    /// Indexes of the `recurring-pattern` guards.
    private let patterns: [Int]
    /// `reverted-change` guards: each one's index and count of distinct lines, and which of them hold a line.
    private let reverts: [(guardIndex: Int, lines: Int)], revertsByLine: [String: [Int]]

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
        var reverts: [(guardIndex: Int, lines: Int)] = []
        var revertsByLine: [String: [Int]] = [:]
        for index in guards.indices where guards[index].kind == GuardKind.revertedChange.id {
            let lines = Set(guards[index].match.split(separator: "\n").map(String.init))
            for line in lines { revertsByLine[line, default: []].append(reverts.count) }
            reverts.append((index, lines.count))
        }
        self.reverts = reverts
        self.revertsByLine = revertsByLine
    }

    public var descriptor: RuleDescriptor {
        RuleDescriptor(
            id: kind, kind: kind, summary: "Guards mined from this repository's history (.hindsight/guards.yml).",
            help: "Each guard carries the commits that taught it; `hindsight guards explain ID` shows them.",
            severity: .warning)
    }

    public func findings(in change: ChangeSet, context: GuardContext) -> [Finding] {
        var findings = patternFindings(in: change)
        for item in reappliedReverts(in: change) {
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

    /// The `reverted-change` guards `change` re-applies: it adds most (at least 60%, and at least 3) of
    /// the distinct lines a guard holds. Each added line is looked up once, whatever the number of guards.
    private func reappliedReverts(in change: ChangeSet) -> [Guard] {
        guard !reverts.isEmpty else { return [] }
        var matched = [Int](repeating: 0, count: reverts.count)
        for line in Set(change.files.flatMap { $0.added.map { normalizedLine($0.text) } }) {
            for position in revertsByLine[line] ?? [] { matched[position] += 1 }
        }
        return reverts.indices.compactMap { position in
            let (guardIndex, lines) = reverts[position]
            let count = matched[position]
            return lines >= 3 && count >= 3 && Double(count) >= 0.6 * Double(lines) ? guards[guardIndex] : nil
        }
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
