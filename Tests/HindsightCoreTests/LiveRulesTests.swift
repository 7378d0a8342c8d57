import Testing

@testable import HindsightCore

@Suite struct LiveRulesTests {
    /// a.c changes 8 times, b.c with it in 6 of them; README.md once, long ago.
    static func history() -> SnapshotBuilder {
        var history = SnapshotBuilder()
        history.commit("add", day: 0, changes: [(.added, "README.md", 3, 0)])
        for day in 300..<306 {
            history.commit(
                "both \(day)", day: Double(day), changes: [(.modified, "a.c", 1, 0), (.modified, "b.c", 1, 0)])
        }
        history.commit("a alone", day: 306, changes: [(.modified, "a.c", 1, 0)])
        history.commit("a alone again", day: 307, changes: [(.modified, "a.c", 1, 0)])
        return history
    }

    static func change(_ paths: String...) -> ChangeSet {
        ChangeSet(
            description: "staged changes",
            files: paths.map {
                ChangedFile(status: .modified, path: RepoPath($0), added: [DiffLine(number: 1, text: "x")])
            })
    }

    @Test func coChangeNamesThePartnerAndTheEvidence() throws {
        let context = GuardContext(input: Self.history().input(now: 310))
        let findings = CoChangeRule().findings(in: Self.change("a.c"), context: context)
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.message == "b.c changed in 6 of the 8 commits that changed a.c, but not in this change.")
        #expect(finding.action == "Also review b.c (changed with a.c in 6 of 8 commits).")
        #expect(finding.evidence.map(\.subject) == ["both 305", "both 304", "both 303"])
        #expect(finding.severity == .warning && finding.fingerprint == "co-change|a.c|b.c")
    }

    @Test func coChangeIsQuietWhenBothChangeOrThePartnerRarelyFollows() {
        let context = GuardContext(input: Self.history().input(now: 310))
        #expect(CoChangeRule().findings(in: Self.change("a.c", "b.c"), context: context).isEmpty)
        // Every one of b.c's 6 commits changed a.c, so b.c alone is flagged the other way round.
        #expect(
            CoChangeRule().findings(in: Self.change("b.c"), context: context).map(\.message)
                == ["a.c changed in 6 of the 6 commits that changed b.c, but not in this change."])
        var strict = CoChangeRule()
        strict.minimumShare = 0.8
        #expect(strict.findings(in: Self.change("a.c"), context: context).isEmpty)
    }

    @Test func stableFilesGetANoticeAndActiveOnesNothing() throws {
        let context = GuardContext(input: Self.history().input(now: 310))
        let findings = StableFileRule().findings(in: Self.change("README.md", "a.c"), context: context)
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.path == RepoPath("README.md") && finding.severity == .notice)
        #expect(
            finding.message == "README.md is stable: unchanged for 310 days (stable after 180), 1 commit in 310 days.")
    }

    @Test func trailersAllowAndExcludesSilenceFindings() {
        let context = GuardContext(input: Self.history().input(now: 310))
        var change = Self.change("a.c", "README.md")
        #expect(check(change, context: context).findings.count == 2)
        change.messages = [CommitMessage(parsing: "Tweak a\n\nHindsight-Allow: co-change, stable-file\n")]
        let allowed = check(change, context: context)
        #expect(allowed.findings.isEmpty && allowed.suppressed == 2)
        let excluded = check(Self.change("a.c"), context: context, options: CheckOptions(exclude: [GlobPattern("*.c")]))
        #expect(excluded.findings.isEmpty && excluded.suppressed == 0)
        let flagged = check(Self.change("a.c"), context: context, options: CheckOptions(allow: ["stable-file"]))
        #expect(flagged.findings.map(\.kind) == ["co-change"])
    }
}
