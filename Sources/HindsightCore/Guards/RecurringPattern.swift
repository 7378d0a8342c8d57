/// `recurring-pattern` guards: a call (`name(`) that at least three fix commits, across at least two
/// files, removed without adding it back — say `strcpy(` replaced by `strlcpy(`. An added line that
/// calls it again is flagged anywhere in the repository.
public func recurringPatternGuards(
    from fixes: [FixDiff], input: AnalysisInput, severity: Severity = .warning, minimumFixes: Int = 3,
    minimumFiles: Int = 2
) -> [Guard] {
    var commitsRemoving: [String: Set<Int>] = [:]
    var filesRemoving: [String: Set<RepoPath>] = [:]
    var replacements: [String: [String: Int]] = [:]
    for fix in fixes {
        for file in fix.change.files {
            let added = Set(file.added.flatMap { callTokens(in: $0.text) })
            let removed = Set(file.removed.flatMap { callTokens(in: $0.text) }).subtracting(added)
            for token in removed {
                commitsRemoving[token, default: []].insert(fix.commit)
                filesRemoving[token, default: []].insert(file.path)
                for replacement in added { replacements[token, default: [:]][replacement, default: 0] += 1 }
            }
        }
    }
    return commitsRemoving.compactMap { token, commits -> Guard? in
        let files = filesRemoving[token] ?? []
        guard commits.count >= minimumFixes, files.count >= minimumFiles else { return nil }
        let instead = (replacements[token] ?? [:]).max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
        let refs = commits.sorted(by: >).map(input.reference)
        return Guard(
            kind: GuardKind.recurringPattern.id, severity: severity, scope: [], match: token,
            message:
                "\(commits.count) fix commits across \(files.count) files removed `\(token)`; this change adds it.",
            action: instead.map {
                "Use what those fixes used instead (most often `\($0)`), or say why `\(token)` is safe here."
            }
                ?? "Read those fixes before calling `\(token)` again, or say why it is safe here.",
            evidence: Array(refs.prefix(5)))
    }.sorted { $0.id < $1.id }
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
