import Foundation

extension HistorySnapshot {
    /// The snapshot with the reverts git's trailer does not name in full: a `Revert "<subject>"`
    /// subject without the trailer names the latest earlier commit with that subject, and a trailer
    /// with a short id (7 to 39 hex digits) names the one earlier commit whose id starts with it.
    ///
    /// It reads every message of the history on each report, so it hashes only the subjects some
    /// revert quotes and scans bodies as bytes.
    public consuming func linkingReverts() -> HistorySnapshot {
        var quotedSubjects: Set<String> = []
        for index in commits.indices where commits[index].revertedCommit == nil && !commits[index].isMerge {
            if let quoted = Self.quotedSubject(ofRevert: commits[index].subject) { quotedSubjects.insert(quoted) }
        }
        var links: [(index: Int, original: CommitID)] = []
        var latestWithSubject: [String: Int] = [:]
        var withIDStart: [String: [Int]]?  // the first 7 hex digits → the commits whose ids start so
        for index in commits.indices {
            defer {
                if !commits[index].isMerge, !quotedSubjects.isEmpty, quotedSubjects.contains(commits[index].subject) {
                    latestWithSubject[commits[index].subject] = index
                }
            }
            guard commits[index].revertedCommit == nil, !commits[index].isMerge else { continue }
            if let prefix = Self.shortRevertedID(in: commits[index].body) {
                if withIDStart == nil {
                    withIDStart = Dictionary(grouping: commits.indices) { String(commits[$0].id.hex.prefix(7)) }
                }
                let matches = (withIDStart?[String(prefix.prefix(7))] ?? []).filter {
                    $0 < index && commits[$0].id.hex.hasPrefix(prefix)
                }
                if matches.count == 1, let match = matches.first { links.append((index, commits[match].id)) }
            } else if let quoted = Self.quotedSubject(ofRevert: commits[index].subject),
                let original = latestWithSubject[quoted]
            {
                links.append((index, commits[original].id))
            }
        }
        // Consuming `self` lets these writes land in place instead of copying every commit.
        for link in links { commits[link.index].revertedCommit = link.original }
        return self
    }

    /// The hex digits after `This reverts commit ` when they are a short id (7 to 39 of them).
    static func shortRevertedID(in body: String) -> String? {
        var body = body
        return body.withUTF8 { bytes -> String? in
            guard let start = end(of: revertMarker, in: bytes) else { return nil }
            var end = start
            while end < bytes.count, isHexDigit(bytes[end]) { end += 1 }
            guard (7...39).contains(end - start) else { return nil }
            return String(decoding: bytes[start..<end], as: UTF8.self).lowercased()
        }
    }

    /// `X` of a `Revert "X"` subject.
    static func quotedSubject(ofRevert subject: String) -> String? {
        let bytes = subject.utf8
        guard bytes.count > 9, bytes.starts(with: revertPrefix), bytes.last == UInt8(ascii: "\"") else { return nil }
        return String(subject.dropFirst(8).dropLast())
    }

    private static let revertMarker = Array("This reverts commit ".utf8)
    private static let revertPrefix = Array("Revert \"".utf8)

    /// Where the first `needle` in `bytes` ends; nil when there is none.
    private static func end(of needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = needle.first, let base = bytes.baseAddress, bytes.count >= needle.count else { return nil }
        var offset = 0
        while offset + needle.count <= bytes.count,
            let found = memchr(base + offset, Int32(first), bytes.count - needle.count + 1 - offset)
        {
            let position = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
            if needle.indices.allSatisfy({ bytes[position + $0] == needle[$0] }) { return position + needle.count }
            offset = position + 1
        }
        return nil
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || (97...102).contains(byte | 0x20)
    }
}
