/// How often commits that are not fixes remove each call, from a sample of them: the base rate a
/// recurring pattern must beat, or every common call (`free(`, `strlen(`) would be one.
public struct CallRemovalBaseline: Hashable, Sendable {
    /// Commits that are not fixes, read.
    public var commits: Int
    /// Call → how many of them removed it.
    public var removing: [String: Int]
    /// The share of fix commits among the history's non-merge commits.
    public var fixShare: Double

    /// The baseline of `changes` (commits that are not fixes), with fixes `fixShare` of all commits.
    public init(changes: [ChangeSet], fixShare: Double) {
        commits = changes.count
        var removing: [String: Int] = [:]
        for change in changes { for call in removedCalls(in: change) { removing[call, default: 0] += 1 } }
        self.removing = removing
        self.fixShare = min(max(fixShare, 0), 1)
    }

    /// The share of all commits that remove `call`, when `fixRate` of the fixes do: fixes and other
    /// commits weighed by how many of each the history has.
    func allCommitsRate(of call: String, fixRate: Double) -> Double {
        let otherRate = commits > 0 ? Double(removing[call] ?? 0) / Double(commits) : fixRate
        return fixShare * fixRate + (1 - fixShare) * otherRate
    }
}

/// `recurring-pattern` guards: a call (`name(`) that at least three fix commits, across at least two
/// files, removed without adding it back — say `strcpy(` replaced by `strlcpy(` — and that fixes
/// remove at least `minimumRatio` times as often as all commits do. An added line that calls it
/// again is flagged anywhere in the repository. A replacement is suggested only when the fixes'
/// own hunks added it where they removed the call, in at least half of those fixes (two or more).
public func recurringPatternGuards(
    from fixes: [FixDiff], baseline: CallRemovalBaseline, input: AnalysisInput, severity: Severity = .warning,
    minimumFixes: Int = 3, minimumFiles: Int = 2, minimumRatio: Double = 2
) -> [Guard] {
    var commitsRemoving: [String: Set<Int>] = [:]
    var filesRemoving: [String: Set<RepoPath>] = [:]
    var replacements: [String: [String: Set<Int>]] = [:]
    for fix in fixes {
        for file in fix.change.files {
            let addedInFile = Set(file.added.flatMap { callTokens(in: $0.text) })
            for hunk in file.hunks {
                let added = Set(hunk.added.flatMap { callTokens(in: $0.text) })
                let removed = Set(hunk.removed.flatMap { callTokens(in: $0.text) }).subtracting(addedInFile)
                for token in removed {
                    commitsRemoving[token, default: []].insert(fix.commit)
                    filesRemoving[token, default: []].insert(file.path)
                    for replacement in added {
                        replacements[token, default: [:]][replacement, default: []].insert(fix.commit)
                    }
                }
            }
        }
    }
    return commitsRemoving.compactMap { token, commits -> Guard? in
        let files = filesRemoving[token] ?? []
        guard commits.count >= minimumFixes, files.count >= minimumFiles, !fixes.isEmpty else { return nil }
        let fixRate = Double(commits.count) / Double(fixes.count)
        let allRate = baseline.allCommitsRate(of: token, fixRate: fixRate)
        let ratio = allRate > 0 ? fixRate / allRate : 0
        guard ratio >= minimumRatio else { return nil }
        let needed = max(2, (commits.count + 1) / 2)
        let instead = (replacements[token] ?? [:]).filter { $0.value.count >= needed }
            .max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }?.key
        let refs = commits.sorted(by: >).map(input.reference)
        return Guard(
            kind: GuardKind.recurringPattern.id, severity: severity, scope: [], match: token,
            message:
                "\(commits.count) of \(fixes.count) fix commits read, across \(files.count) files, removed `\(token)`: "
                + "\(percent(fixRate)) of fixes against \(percent(allRate)) of all commits, "
                + "\(TextShaping.fixed(ratio, 1))× its base rate; this change adds it.",
            action: instead.map {
                "Use what those fixes put in its place (`\($0)`), or say why `\(token)` is safe here."
            }
                ?? "Read those fixes before calling `\(token)` again, or say why it is safe here.",
            evidence: Array(refs.prefix(5)))
    }.sorted { $0.id < $1.id }
}

/// Calls a change removed from a file without adding them back to that file.
func removedCalls(in change: ChangeSet) -> Set<String> {
    var calls = Set<String>()
    for file in change.files {
        let added = Set(file.added.flatMap { callTokens(in: $0.text) })
        calls.formUnion(Set(file.removed.flatMap { callTokens(in: $0.text) }).subtracting(added))
    }
    return calls
}

private func percent(_ share: Double) -> String {
    TextShaping.percent(share, decimals: share >= 0.1 ? 0 : 1)
}

/// The calls in a line: identifiers directly followed by `(`, as `name(`, skipping keywords that
/// take parentheses (`if (`, `for(`…).
public func callTokens(in line: String) -> [String] {
    let bytes = Array(line.utf8)
    var tokens: [String] = []
    var index = 0
    while index < bytes.count {
        guard isIdentifierStart(bytes[index]) else {
            index += 1
            continue
        }
        let start = index
        while index < bytes.count, isIdentifierStart(bytes[index]) || (bytes[index] >= 0x30 && bytes[index] <= 0x39) {
            index += 1
        }
        let name = String(decoding: bytes[start..<index], as: UTF8.self)
        let isPrecededByWordOrDot =
            start > 0 && (bytes[start - 1] == UInt8(ascii: ".") || isIdentifierStart(bytes[start - 1]))
        if index < bytes.count, bytes[index] == UInt8(ascii: "("), name.count >= 3, !isPrecededByWordOrDot,
            !callKeywords.contains(name)
        {
            tokens.append(name + "(")
        }
    }
    return tokens
}

private let callKeywords: Set<String> = [
    "if", "for", "while", "switch", "return", "sizeof", "catch", "func", "function", "def", "elif", "guard", "init",
    "print", "printf", "assert", "defined", "typeof", "super", "self", "this", "new", "delete", "case", "when", "match",
]

private func isIdentifierStart(_ byte: UInt8) -> Bool {
    (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7a) || byte == 0x5f
}
