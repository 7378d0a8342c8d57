import Foundation
import HindsightTestSupport
import Testing

@Suite struct InterruptedMineTests {
    @Test func killedMineResumesToTheSameIndex() throws {
        let repo = try FixtureRepository()
        try repo.importLinearHistory(commits: 4_000)
        let mining = try ProcessRunner.start(
            HindsightBinary.url.path, ["mine", "--batch-size", "20", "--workers", "1"], in: repo.root,
            environment: repo.environment())
        // Kill once the index holds some rows, asking it the way a user would (a reader sees committed
        // batches while the mine goes on). Fixed delays raced loaded machines (nothing written yet)
        // and fast ones (everything written).
        let deadline = Date().addingTimeInterval(120)
        var indexed = 0
        while mining.process.isRunning, Date() < deadline, indexed == 0 {
            Thread.sleep(forTimeInterval: 0.02)
            let rows = try HindsightBinary.run(
                ["history", "-z", "--no-update"], in: repo.root, environment: repo.environment())
            indexed = OracleRow.rows(fromHistoryZ: rows.standardOutput)?.count ?? 0
        }
        kill(mining.process.processIdentifier, SIGKILL)
        let killed = mining.wait()
        #expect(killed.status != 0, "the mine finished before it was killed: \(killed.error)")
        #expect(indexed > 0, "nothing was indexed before the kill; the mine said: \(killed.error)")

        let resumed = try HindsightBinary.run(["mine", "--json"], in: repo.root, environment: repo.environment())
        #expect(resumed.status == 0)
        // A whole mine of 4,000 commits takes seconds, so the kill landed mid-way: something was left.
        let summary = try #require(try JSONSerialization.jsonObject(with: resumed.standardOutput) as? [String: Any])
        let newCommits = try #require((summary["summary"] as? [String: Any])?["newCommits"] as? Int)
        #expect(newCommits > 0 && newCommits < 4_000)
        let history = try HindsightBinary.run(
            ["history", "-z", "--no-update"], in: repo.root, environment: repo.environment())
        let rows = try #require(OracleRow.rows(fromHistoryZ: history.standardOutput))
        let expected = try GitOracle.rows(in: repo.root, renames: true, environment: repo.environment())
        #expect(rows.count == expected.count)
        #expect(Set(rows) == Set(expected))
    }
}
