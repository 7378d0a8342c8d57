import Foundation
import GRDB
import HindsightCore

extension IndexStore {
    /// The key cached file facts are valid for: the index tip, the analysis settings (but their
    /// clock) and the UTC day, since classes depend on age.
    public static func factsKey(tip: CommitID?, settings: AnalysisSettings) -> String {
        "facts-v7|\(tip?.hex ?? "-")|\(settings.now / 86_400)|\(settings.timelessFingerprint)"
    }

    /// Cached facts for `paths` when the cache was computed for `key`; nil when it was not (stale or empty).
    public func cachedFacts(for paths: Set<RepoPath>, key: String) throws -> [RepoPath: FileFacts]? {
        try read { db in
            guard try Self.factsAreFor(key, in: db) else { return nil }
            var facts: [RepoPath: FileFacts] = [:]
            let decoder = JSONDecoder()
            for path in paths {
                guard
                    let data = try Self.factsRow(Data(path.bytes), in: db),
                    let record = try? decoder.decode(FactsRecord.self, from: data)
                else { continue }
                facts[path] = record.facts(path: path)
            }
            return facts
        }
    }

    /// Cached commit counts of `emails` (``RiskHistory/authorCommits``; someone new is absent) when
    /// the cache was computed for `key`; nil when it was not.
    public func cachedAuthorCommits(for emails: Set<String>, key: String) throws -> [String: Int]? {
        try read { db in
            guard try Self.factsAreFor(key, in: db) else { return nil }
            var counts: [String: Int] = [:]
            for email in emails {
                if let row = try Self.factsRow(Self.authorRow(email), in: db),
                    let count = Int(String(decoding: row, as: UTF8.self))
                {
                    counts[email] = count
                }
            }
            return counts
        }
    }

    /// Replaces the cache with `facts` and `authorCommits`, computed for `key`.
    public func storeFacts(_ facts: [RepoPath: FileFacts], authorCommits: [String: Int] = [:], key: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        try write { db in
            try db.execute(sql: "DELETE FROM fileFacts")
            let statement = try db.makeStatement(sql: "INSERT INTO fileFacts (path, facts) VALUES (?, ?)")
            for (path, fact) in facts {
                try statement.execute(arguments: [Data(path.bytes), try encoder.encode(FactsRecord(fact))])
            }
            for (email, count) in authorCommits {
                try statement.execute(arguments: [Self.authorRow(email), Data(String(count).utf8)])
            }
            try Self.setMeta(.factsKey, key, in: db)
        }
    }

    /// Whether the cached rows were computed for `key`.
    private static func factsAreFor(_ key: String, in db: Database) throws -> Bool {
        try Self.meta(.factsKey, in: db)
            == key
    }

    /// The stored bytes of one cache row.
    private static func factsRow(_ path: Data, in db: Database) throws -> Data? {
        try Data.fetchOne(db, sql: "SELECT facts FROM fileFacts WHERE path = ?", arguments: [path])
    }

    /// One author's row: NUL first, which no git path has, so it never meets a file; a check reads
    /// only its own author's.
    private static func authorRow(_ email: String) -> Data { Data([0] + Array("author:\(email)".utf8)) }
}

/// `FileFacts` as stored: paths as bytes, commits as their parts.
private struct FactsRecord: Codable {
    struct Commit: Codable {
        var id: String, time: Int64, subject: String, author: String

        init(_ commit: CommitRef) {
            (id, time, subject, author) = (commit.id.hex, commit.time, commit.subject, commit.author)
        }

        var ref: CommitRef { CommitRef(id: CommitID(trustedHex: id), time: time, subject: subject, author: author) }
    }

    struct Partner: Codable {
        var path: [UInt8], degree: Int, shared: Int, partnerCommits: Int, evidence: [Commit]
    }

    struct Test: Codable {
        var path: [UInt8], shared: Int
    }

    struct Region: Codable {
        var first: Int, last: Int, fixCount: Int, latestFixes: [Commit]
    }

    struct Risk: Codable {
        var commits: Int, fixes: Int, recentFixes: Int, authors: Int, lastChange: Int64?, topAuthor: String?
    }

    var fileClass: String, reason: String, commits: Int, lastCommit: Commit?, partners: [Partner]
    var tests: [Test], regions: [Region]
    var risk: Risk?

    init(_ facts: FileFacts) {
        fileClass = facts.classification.fileClass.rawValue
        reason = facts.classification.reason
        commits = facts.commits
        lastCommit = facts.lastCommit.map(Commit.init)
        partners = facts.coupling.map { partner in
            Partner(
                path: partner.path.bytes, degree: partner.degree, shared: partner.shared,
                partnerCommits: partner.partnerCommits,
                evidence: (facts.sharedCommits[partner.path] ?? []).map(Commit.init))
        }
        tests = facts.testPartners.map { Test(path: $0.path.bytes, shared: $0.shared) }
        regions = facts.fixRegions.map {
            Region(
                first: $0.lines.lowerBound, last: $0.lines.upperBound, fixCount: $0.fixCount,
                latestFixes: $0.latestFixes.map(Commit.init))
        }
        risk = facts.risk.map {
            Risk(
                commits: $0.commits, fixes: $0.fixes, recentFixes: $0.recentFixes, authors: $0.authors,
                lastChange: $0.lastChange,
                topAuthor: $0.topAuthor)
        }
    }

    func facts(path: RepoPath) -> FileFacts {
        var shared: [RepoPath: [CommitRef]] = [:]
        for partner in partners { shared[RepoPath(bytes: partner.path)] = partner.evidence.map(\.ref) }
        var facts = FileFacts(
            path: path, classification: Classification(FileClass(rawValue: fileClass) ?? .active, reason: reason),
            commits: commits, lastCommit: lastCommit?.ref,
            coupling: partners.map {
                CouplingPartner(
                    path: RepoPath(bytes: $0.path), degree: $0.degree, shared: $0.shared,
                    partnerCommits: $0.partnerCommits)
            },
            sharedCommits: shared)
        facts.testPartners = tests.map { TestPartner(path: RepoPath(bytes: $0.path), shared: $0.shared) }
        facts.fixRegions = regions.map {
            FixedRegion(
                lines: $0.first...max($0.first, $0.last), fixCount: $0.fixCount, latestFixes: $0.latestFixes.map(\.ref))
        }
        facts.risk = risk.map {
            PathRiskCounts(
                commits: $0.commits, fixes: $0.fixes, recentFixes: $0.recentFixes, authors: $0.authors,
                lastChange: $0.lastChange,
                topAuthor: $0.topAuthor)
        }
        return facts
    }
}
