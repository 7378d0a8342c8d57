import Foundation
import HindsightTestSupport
import Testing

@Suite struct MineCommandTests {
    @Test func outsideARepositoryExitsThreeWithTheFix() throws {
        let scratch = try FixtureRepository()
        let result = try HindsightBinary.run(["mine"], in: scratch.home, environment: scratch.environment())
        #expect(result.status == 3)
        #expect(result.error.contains("not a git repository"))
        #expect(result.error.contains("--repo"))
        #expect(result.error.split(separator: "\n").count == 1)
    }

    @Test func emptyRepositoryHasNothingToMine() throws {
        let repo = try FixtureRepository()
        let result = try HindsightBinary.run(["mine"], in: repo.root, environment: repo.environment())
        #expect(result.status == 0)
        #expect(result.output.contains("nothing to mine yet"))
    }

    @Test func summaryLineAndJSON() throws {
        let repo = try KitchenSink.make()
        let first = try HindsightBinary.run(["mine"], in: repo.root, environment: repo.environment())
        #expect(first.status == 0)
        let commits = try repo.gitText(["rev-list", "--count", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(first.output.hasPrefix("mined \(commits) new commits"))
        let second = try HindsightBinary.run(["mine", "--json"], in: repo.root, environment: repo.environment())
        let json = try #require(try JSONSerialization.jsonObject(with: second.standardOutput) as? [String: Any])
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["newCommits"] as? Int == 0)
        #expect(summary["reachableCommits"] as? Int == Int(commits))
        #expect(summary["tip"] as? String == (try repo.head()))
    }

    @Test func corruptIndexIsReportedThenRebuilt() throws {
        let repo = try KitchenSink.make()
        #expect(try HindsightBinary.run(["mine", "-q"], in: repo.root, environment: repo.environment()).status == 0)
        let index = repo.root.appendingPathComponent(".git/hindsight/index.sqlite")
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: index.path + suffix) }
        try Data(repeating: 0x42, count: 8192).write(to: index)
        let broken = try HindsightBinary.run(["mine"], in: repo.root, environment: repo.environment())
        #expect(broken.status == 3)
        #expect(broken.error.contains("damaged"))
        #expect(broken.error.contains("hindsight mine --rebuild"))
        let rebuilt = try HindsightBinary.run(["mine", "--rebuild"], in: repo.root, environment: repo.environment())
        #expect(rebuilt.status == 0)
        #expect(rebuilt.output.contains("rebuilt the index"))
    }

    @Test func indexFromANewerVersionIsNotTrusted() throws {
        let repo = try KitchenSink.make()
        #expect(try HindsightBinary.run(["mine", "-q"], in: repo.root, environment: repo.environment()).status == 0)
        let index = repo.root.appendingPathComponent(".git/hindsight/index.sqlite")
        try ProcessRunner.run(
            "/usr/bin/env",
            [
                "python3", "-c",
                """
                import sqlite3, sys
                db = sqlite3.connect(sys.argv[1]); db.execute("INSERT INTO grdb_migrations VALUES ('v999-future')"); db.commit()
                """, index.path,
            ], in: repo.root
        ).requireSuccess("python3 sqlite3")
        let result = try HindsightBinary.run(["mine"], in: repo.root, environment: repo.environment())
        #expect(result.status == 3)
        #expect(result.error.contains("newer hindsight"))
    }

    @Test func secondMineWaitsThenSaysTheIndexIsBusy() throws {
        let repo = try KitchenSink.make()
        let lock = repo.root.appendingPathComponent(".git/hindsight/index.lock")
        try FileManager.default.createDirectory(at: lock.deletingLastPathComponent(), withIntermediateDirectories: true)
        let holder = try ProcessRunner.start("/usr/bin/env", ["flock", lock.path, "sleep", "6"], in: repo.root)
        Thread.sleep(forTimeInterval: 0.3)
        let result = try HindsightBinary.run(["mine"], in: repo.root, environment: repo.environment())
        holder.process.terminate()
        _ = holder.wait()
        #expect(result.status == 3)
        #expect(result.error.contains("another hindsight is updating the index"))
    }

    @Test func invalidConfigurationIsAUsageError() throws {
        let repo = try KitchenSink.make()
        try repo.write(".hindsight.yml", "history:\n  renames: maybe\n")
        let result = try HindsightBinary.run(["mine"], in: repo.root, environment: repo.environment())
        #expect(result.status == 2)
        #expect(result.error.contains(".hindsight.yml"))
        #expect(result.error.contains("history.renames"))
    }

    @Test func shallowCloneWarnsOnceWithTheFix() throws {
        let origin = try KitchenSink.make()
        let scratch = try FixtureRepository()
        let clone = try scratch.clone("file://\(origin.root.path)", named: "shallow", options: ["--depth", "3"])
        let result = try HindsightBinary.run(["mine"], in: clone, environment: scratch.environment())
        #expect(result.status == 0)
        #expect(result.error.components(separatedBy: "shallow clone").count == 2)
        #expect(result.error.contains("git fetch --unshallow"))
    }

    @Test func unknownFlagIsAUsageError() throws {
        let repo = try FixtureRepository()
        let result = try HindsightBinary.run(
            ["mine", "--no-such-flag"], in: repo.root, environment: repo.environment())
        #expect(result.status == 2)
    }
}

@Suite struct CorruptRepositoryTests {
    @Test func aDamagedObjectIsNamedWithExitThree() throws {
        let repo = try FixtureRepository()
        try repo.write("a.txt", "one\n")
        try repo.commit("feat: a", day: 0)
        try repo.write("a.txt", "one\ntwo\n")
        try repo.commit("feat: more a", day: 1)
        let blob = try repo.gitText(["rev-parse", "HEAD:a.txt"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let object = repo.root.appendingPathComponent(".git/objects/\(blob.prefix(2))/\(blob.dropFirst(2))")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: object.path)
        try Data("not a zlib stream".utf8).write(to: object)

        let result = try HindsightBinary.run(["mine"], in: repo.root, environment: repo.environment())
        #expect(result.status == 3)
        #expect(result.error.contains(blob))
        #expect(result.error.contains("git fsck"))
        #expect(result.error.split(separator: "\n").count == 1)
    }
}
