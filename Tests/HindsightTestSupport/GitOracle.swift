import Foundation

/// One row as git prints it: `git log --numstat` counts joined with `--name-status` letters.
public struct OracleRow: Hashable, Sendable, CustomStringConvertible {
    public var commit: String
    public var status: String
    public var added: String
    public var deleted: String
    public var oldPath: [UInt8]
    public var path: [UInt8]

    public init(commit: String, status: String, added: String, deleted: String, oldPath: [UInt8], path: [UInt8]) {
        self.commit = commit
        self.status = status
        self.added = added
        self.deleted = deleted
        self.oldPath = oldPath
        self.path = path
    }

    public var description: String {
        "\(commit.prefix(8)) \(status) \(added) \(deleted) \(String(decoding: oldPath, as: UTF8.self)) -> \(String(decoding: path, as: UTF8.self))"
    }
}

extension OracleRow {
    /// Parses `hindsight history -z` output (six NUL-ended fields a row); nil when the fields do not
    /// come in whole rows.
    public static func rows(fromHistoryZ output: Data) -> [OracleRow]? {
        let fields = Array(output).split(separator: 0, omittingEmptySubsequences: false).dropLast()
        guard fields.count % 6 == 0 else { return nil }
        return stride(from: fields.startIndex, to: fields.endIndex, by: 6).map { start in
            let text = { (offset: Int) in String(decoding: fields[start + offset], as: UTF8.self) }
            return OracleRow(
                commit: text(0), status: text(1), added: text(2), deleted: text(3),
                oldPath: Array(fields[start + 4]), path: Array(fields[start + 5]))
        }
    }
}

/// Asks the git CLI for the rows hindsight must reproduce.
public enum GitOracle {
    /// Every (commit, file) row of `git log` from HEAD, renames as `-M` (limit 1000) or `--no-renames`.
    public static func rows(
        in directory: URL, renames: Bool, environment: [String: String]? = nil
    ) throws -> [OracleRow] {
        let renameFlag = renames ? "-M" : "--no-renames"
        let common = [
            "-c", "diff.renameLimit=1000", "-c", "log.showRoot=true", "log", "-z", renameFlag, "--format=%x01%H",
        ]
        let numstat = try runGit(common + ["--numstat"], in: directory, environment: environment)
        let names = try runGit(common + ["--name-status"], in: directory, environment: environment)
        let counts = parse(numstat) { tokens in
            guard let first = tokens.next() else { return nil }
            let parts = first.split(separator: UInt8(ascii: "\t"), maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3 else { return nil }
            let path = Array(parts[2])
            if path.isEmpty, let old = tokens.next(), let new = tokens.next() {
                return (String(decoding: parts[0], as: UTF8.self), String(decoding: parts[1], as: UTF8.self), old, new)
            }
            return (String(decoding: parts[0], as: UTF8.self), String(decoding: parts[1], as: UTF8.self), [], path)
        }
        let statuses = parse(names) { tokens in
            guard let status = tokens.next(), let first = tokens.next() else { return nil }
            if status.first == UInt8(ascii: "R") || status.first == UInt8(ascii: "C"), let second = tokens.next() {
                return ("R", "", first, second)
            }
            return (String(decoding: status.prefix(1), as: UTF8.self), "", [], first)
        }
        var rows: [OracleRow] = []
        for (commit, entries) in counts {
            let letters = statuses.first { $0.0 == commit }?.1 ?? []
            for (index, entry) in entries.enumerated() {
                let letter = index < letters.count ? letters[index].0 : "?"
                rows.append(
                    OracleRow(
                        commit: commit, status: letter, added: entry.0, deleted: entry.1, oldPath: entry.2,
                        path: entry.3))
            }
        }
        return rows
    }

    private typealias Entry = (String, String, [UInt8], [UInt8])

    /// Splits `git log -z --format=%x01%H` output into commits and their entries.
    private static func parse(_ data: Data, entry: (inout TokenIterator) -> Entry?) -> [(String, [Entry])] {
        var result: [(String, [Entry])] = []
        for chunk in data.split(separator: 0x01, omittingEmptySubsequences: true) {
            var tokens = TokenIterator(Array(chunk))
            guard let sha = tokens.next() else { continue }
            var entries: [Entry] = []
            while let parsed = entry(&tokens) { entries.append(parsed) }
            result.append((String(decoding: sha, as: UTF8.self), entries))
        }
        return result
    }

    private static func runGit(_ arguments: [String], in directory: URL, environment: [String: String]?) throws -> Data
    {
        try ProcessRunner.run("/usr/bin/env", ["git"] + arguments, in: directory, environment: environment)
            .requireSuccess("git \(arguments.joined(separator: " "))").standardOutput
    }
}

/// NUL-separated tokens, skipping the newline git puts between a commit line and its entries.
struct TokenIterator {
    private var tokens: [[UInt8]]
    private var position = 0

    init(_ bytes: [UInt8]) {
        tokens = bytes.split(separator: 0, omittingEmptySubsequences: false).map { token in
            token.first == UInt8(ascii: "\n") ? Array(token.dropFirst()) : Array(token)
        }
        while tokens.last?.isEmpty == true { tokens.removeLast() }
    }

    mutating func next() -> [UInt8]? {
        guard position < tokens.count else { return nil }
        defer { position += 1 }
        return tokens[position]
    }
}
