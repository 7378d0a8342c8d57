/// The lines one fix commit changed, as `GitRepository.changeSet(for: .commit(id))` reads them.
public struct FixDiff: Sendable {
    /// The fix commit's index in the snapshot.
    public var commit: Int
    /// Its changed files with their added and removed lines.
    public var change: ChangeSet

    /// A fix diff from its parts.
    public init(commit: Int, change: ChangeSet) {
        self.commit = commit
        self.change = change
    }
}

/// `reintroduced-fix` guards: a line a fix commit removed from a file (and did not re-add), that is
/// not trivial, not a comment, not common across files, and is still absent from the file today. One guard per
/// (current path, line), with every fix that removed it as evidence, newest first.
///
/// - Parameters:
///   - maxRemovedLines: a fix that removed more lines than this from a file rewrote it rather than
///     fixed a line or two; its lines teach nothing precise and are skipped.
///   - currentText: the file's text at the tip, by current path (nil when unreadable).
public func reintroducedFixGuards(
    from fixes: [FixDiff], input: AnalysisInput, severity: Severity = .warning, maxRemovedLines: Int = 20,
    currentText: (RepoPath) -> String?
) -> [Guard] {
    let currentPath = currentPaths(of: Set(fixes.map(\.commit)), in: input)
    var filesWithLine: [String: Set<RepoPath>] = [:]
    for fix in fixes {
        for file in fix.change.files {
            for line in file.removed + file.added {
                filesWithLine[normalizedLine(line.text), default: []].insert(file.path)
            }
        }
    }
    var evidence: [PathLine: [Int]] = [:]
    for fix in fixes {
        for file in fix.change.files
        where [.modified, .renamed].contains(file.status) && file.removed.count <= maxRemovedLines {
            guard let path = currentPath[PathAtCommit(commit: fix.commit, path: file.path)] else { continue }
            let readded = Set(file.added.map { normalizedLine($0.text) })
            for line in file.removed {
                let text = normalizedLine(line.text)
                guard isDistinctive(text), !isCommentLine(text), !readded.contains(text),
                    (filesWithLine[text]?.count ?? 0) < 3
                else {
                    continue
                }
                evidence[PathLine(path: path, line: text), default: []].append(fix.commit)
            }
        }
    }
    var linesNow: [RepoPath: Set<String>] = [:]
    var guards: [Guard] = []
    for (key, commits) in evidence {
        if linesNow[key.path] == nil {
            linesNow[key.path] = Set(
                (currentText(key.path) ?? "").split(separator: "\n", omittingEmptySubsequences: false)
                    .map { normalizedLine(String($0)) })
        }
        if linesNow[key.path]?.contains(key.line) == true { continue }
        let refs = Array(Set(commits)).sorted(by: >).map(input.reference)
        guard let latest = refs.first else { continue }
        guards.append(
            Guard(
                kind: GuardKind.reintroducedFix.id, severity: severity, scope: [key.path], match: key.line,
                message:
                    "A fix removed `\(TextShaping.truncated(key.line, 60))` from \(key.path.string), and it had not come back.",
                action: "Removed by \(latest.shortID) '\(latest.subject)': keep it out, or say why.",
                evidence: refs))
    }
    return guards.sorted { $0.id < $1.id }
}

/// A line with runs of whitespace collapsed to one space and both ends trimmed.
public func normalizedLine(_ text: String) -> String {
    var text = text
    // ASCII lines (nearly all code) are read byte by byte and returned as they are when already normal;
    // anything else is split by Characters, whose grapheme rules decide what counts as a space.
    let ascii = text.withUTF8 { bytes -> ASCIILine? in
        var isNormal = true
        var previous = UInt8(ascii: " ")
        for byte in bytes {
            // A line feed could pair with a carriage return into one Character: the slow path decides.
            guard byte < 0x80, byte != UInt8(ascii: "\n") else { return nil }
            if isLineSpace(byte), byte != UInt8(ascii: " ") || previous == UInt8(ascii: " ") { isNormal = false }
            previous = byte
        }
        if isNormal, previous != UInt8(ascii: " ") || bytes.isEmpty { return .normal }
        var collapsed: [UInt8] = []
        collapsed.reserveCapacity(bytes.count)
        var spaceBefore = false
        for byte in bytes {
            if isLineSpace(byte) {
                spaceBefore = true
                continue
            }
            if spaceBefore, !collapsed.isEmpty { collapsed.append(UInt8(ascii: " ")) }
            spaceBefore = false
            collapsed.append(byte)
        }
        return .collapsed(collapsed)
    }
    switch ascii {
    case .normal: return text
    case .collapsed(let bytes): return String(decoding: bytes, as: UTF8.self)
    case nil: return text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }
}

private enum ASCIILine {
    case normal
    case collapsed([UInt8])
}

private func isLineSpace(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
}

/// Long enough and wordy enough to mean something (not a brace, `break;` or `end`): at least 12
/// characters, 6 of them letters or digits.
func isDistinctive(_ line: String) -> Bool {
    line.count >= 12 && line.unicodeScalars.count { $0.properties.isAlphabetic || ("0"..."9").contains($0) } >= 6
}

private struct PathLine: Hashable {
    let path: RepoPath
    let line: String
}

struct PathAtCommit: Hashable {
    let commit: Int
    let path: RepoPath
}

/// For the given commits, each changed path (as of that commit) mapped to the file's current path.
func currentPaths(of commits: Set<Int>, in input: AnalysisInput) -> [PathAtCommit: RepoPath] {
    var result: [PathAtCommit: RepoPath] = [:]
    for file in input.files where !file.isDeleted {
        for (change, commit) in zip(file.changes, file.commits) where commits.contains(commit) {
            result[PathAtCommit(commit: commit, path: input.snapshot.paths[input.snapshot.changes[change].path])] =
                file.path
        }
    }
    return result
}
