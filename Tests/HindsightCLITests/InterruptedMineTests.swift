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
        // Kill once a few batches are on disk: a fixed delay raced a loaded machine (nothing written
        // yet) and a fast one (all written). The index and its WAL grow with every batch.
        let index = repo.root.appendingPathComponent(".git/hindsight/index.sqlite").path
        let deadline = Date().addingTimeInterval(60)
        while mining.process.isRunning, Date() < deadline, Self.bytes(index) + Self.bytes(index + "-wal") < 150_000 {
            Thread.sleep(forTimeInterval: 0.01)
        }
        kill(mining.process.processIdentifier, SIGKILL)
        _ = mining.wait()

        let resumed = try HindsightBinary.run(["mine", "--json"], in: repo.root, environment: repo.environment())
        #expect(resumed.status == 0)
        // A whole mine of 4,000 commits takes seconds, so the kill landed mid-way: something was left.
        let summary = try #require(try JSONSerialization.jsonObject(with: resumed.standardOutput) as? [String: Any])
        let newCommits = try #require((summary["summary"] as? [String: Any])?["newCommits"] as? Int)
        #expect(newCommits > 0 && newCommits < 4_000)
        let history = try HindsightBinary.run(["history", "-z", "--no-update"], in: repo.root, environment: repo.environment())
        let rows = try #require(OracleRow.rows(fromHistoryZ: history.standardOutput))
        let expected = try GitOracle.rows(in: repo.root, renames: true, environment: repo.environment())
        #expect(rows.count == expected.count)
        #expect(Set(rows) == Set(expected))
    }

    private static func bytes(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }
}
