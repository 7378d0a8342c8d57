extension HistorySnapshot {
    /// The snapshot with the reverts git's trailer does not name in full: a `Revert "<subject>"`
    /// subject without the trailer names the latest earlier commit with that subject, and a trailer
    /// with a short id (7 to 39 hex digits) names the one earlier commit whose id starts with it.
    public func linkingReverts() -> HistorySnapshot {
        var linked = self
        var latestWithSubject: [String: Int] = [:]
        for index in commits.indices {
            let commit = commits[index]
            defer { if !commit.isMerge { latestWithSubject[commit.subject] = index } }
            guard commit.revertedCommit == nil, !commit.isMerge else { continue }
            if let prefix = Self.shortRevertedID(in: commit.body) {
                let matches = commits[..<index].filter { $0.id.hex.hasPrefix(prefix) }
                if matches.count == 1 { linked.commits[index].revertedCommit = matches[0].id }
            } else if let quoted = Self.quotedSubject(ofRevert: commit.subject),
                let original = latestWithSubject[quoted]
            {
                linked.commits[index].revertedCommit = commits[original].id
            }
        }
        return linked
    }

    /// The hex digits after `This reverts commit ` when they are a short id (7 to 39 of them).
    static func shortRevertedID(in body: String) -> String? {
        guard let marker = body.range(of: "This reverts commit ") else { return nil }
        let digits = body[marker.upperBound...].prefix { $0.isHexDigit }
        return (7...39).contains(digits.count) ? digits.lowercased() : nil
    }

    /// `X` of a `Revert "X"` subject.
    static func quotedSubject(ofRevert subject: String) -> String? {
        guard subject.hasPrefix("Revert \""), subject.hasSuffix("\""), subject.count > 9 else { return nil }
        return String(subject.dropFirst(8).dropLast())
    }
}
