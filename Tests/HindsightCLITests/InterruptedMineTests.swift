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
        // Let the mine run in short slices, stopped while the index is asked the way a user would (a
        // reader sees committed batches), and kill it once rows are there. Free-running mines raced
        // the check: loaded machines wrote nothing yet, fast ones finished before the reader answered.
        let pid = mining.process.processIdentifier
        kill(pid, SIGSTOP)
        let deadline = Date().addingTimeInterval(120)
        var indexed = 0
        while mining.process.isRunning, Date() < deadline, indexed == 0 {
            kill(pid, SIGCONT)
            Thread.sleep(forTimeInterval: 0.03)
            kill(pid, SIGSTOP)
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
