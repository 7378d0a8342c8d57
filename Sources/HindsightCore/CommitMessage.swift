/// A commit message split the way git presents it: subject, body and trailers.
public struct CommitMessage: Hashable, Sendable {
    /// The first paragraph, its lines joined by spaces (git's `%s`).
    public var subject: String
    /// Everything after the first paragraph, trimmed (git's `%b`).
    public var body: String
    /// `Key: value` lines of the final paragraph, in order.
    public var trailers: [Trailer]
    /// The commit named by git's `This reverts commit <id>.` line, if any.
    public var revertedCommit: CommitID?

    /// A message from already separated parts.
    public init(subject: String, body: String = "", trailers: [Trailer] = [], revertedCommit: CommitID? = nil) {
        self.subject = subject
        self.body = body
        self.trailers = trailers
        self.revertedCommit = revertedCommit
    }

    /// Parses a raw commit message.
    public init(parsing raw: String) {
        // Work on UTF-8 bytes: messages are parsed once per commit, and Character-level
        // splitting dominated mining time.
        var paragraphs: [[Substring]] = []
        var current: [Substring] = []
        for line in raw.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            let trimmed = Self.trimmingTrailingSpace(line)
            if trimmed.isEmpty {
                if !current.isEmpty {
                    paragraphs.append(current)
                    current = []
                }
            } else {
                current.append(Substring(trimmed))
            }
        }
        if !current.isEmpty { paragraphs.append(current) }

        subject = paragraphs.first.map { $0.map { $0.trimmingLeadingWhitespace() }.joined(separator: " ") } ?? ""
        let rest = paragraphs.dropFirst()
        body = rest.map { $0.joined(separator: "\n") }.joined(separator: "\n\n")
        trailers = rest.count > 0 ? Trailer.parseBlock(rest.last ?? []) : []
        revertedCommit = Self.revertedCommit(in: body)
    }

    private static func trimmingTrailingSpace(_ line: Substring.UTF8View) -> Substring.UTF8View {
        var end = line.endIndex
        while end > line.startIndex {
            let previous = line.index(before: end)
            let byte = line[previous]
            guard byte == 0x20 || byte == 0x09 || byte == 0x0d || byte == 0x0b || byte == 0x0c else { break }
            end = previous
        }
        return line[line.startIndex..<end]
    }

    /// Values of `Fixes:` trailers (a commit id, often followed by its subject).
    public var fixesReferences: [String] { trailers.filter { $0.key.lowercased() == "fixes" }.map(\.value) }

    /// People named in `Co-authored-by:` trailers.
    public var coAuthors: [Person] {
        trailers.filter { $0.key.lowercased() == "co-authored-by" }.compactMap { Person(parsingIdent: $0.value) }
    }

    private static let revertMarker = "This reverts commit "

    private static func revertedCommit(in body: String) -> CommitID? {
        // Byte search: Foundation's range(of:) showed up in mining profiles.
        let bytes = Array(body.utf8)
        let marker = Array(revertMarker.utf8)
        guard bytes.count >= marker.count,
            let start = (0...(bytes.count - marker.count)).first(where: {
                bytes[$0..<($0 + marker.count)].elementsEqual(marker)
            })
        else { return nil }
        let digits = bytes[(start + marker.count)...].prefix { byte in
            (48...57).contains(byte) || (97...102).contains(byte) || (65...70).contains(byte)
        }
        return CommitID(hex: String(decoding: digits, as: UTF8.self))
    }
}

/// One `Key: value` trailer line of a commit message.
public struct Trailer: Hashable, Sendable {
    /// The key as written (`Fixes`, `Co-authored-by`).
    public var key: String
    /// The value, continuation lines joined by a space.
    public var value: String

    /// A trailer from its key and value.
    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }

    /// Parses a paragraph as a trailer block; returns no trailers unless every line is a trailer
    /// or a continuation of one.
    static func parseBlock(_ lines: [Substring]) -> [Trailer] {
        var result: [Trailer] = []
        for line in lines {
            if line.first == " " || line.first == "\t" {
                guard !result.isEmpty else { return [] }
                result[result.count - 1].value += " " + line.trimmingLeadingWhitespace()
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { return [] }
            let key = line[..<colon]
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else { return [] }
            result.append(
                Trailer(key: String(key), value: String(line[line.index(after: colon)...].trimmingLeadingWhitespace())))
        }
        return result
    }
}

extension Person {
    /// Parses `Name <email>`; nil when there are no angle brackets.
    public init?(parsingIdent ident: String) {
        guard let open = ident.lastIndex(of: "<"), let close = ident.lastIndex(of: ">"), open < close else {
            return nil
        }
        let name = ident[..<open].trimmingLeadingWhitespace().trimmingTrailingWhitespace()
        self.init(name: String(name), email: String(ident[ident.index(after: open)..<close]))
    }
}

extension StringProtocol {
    func trimmingTrailingWhitespace() -> SubSequence {
        guard let last = lastIndex(where: { !$0.isWhitespace }) else { return self[startIndex..<startIndex] }
        return self[...last]
    }

    func trimmingLeadingWhitespace() -> SubSequence {
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return self[endIndex...] }
        return self[first...]
    }
}
