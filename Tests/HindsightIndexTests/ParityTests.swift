import Foundation
import HindsightCore
import HindsightIndex
import HindsightTestSupport
import Testing

@Suite struct ParityTests {
    @Test(arguments: [true, false])
    func kitchenSinkMatchesGitLogNumstat(renames: Bool) throws {
        let repo = try KitchenSink.make()
        try mine(repo, renames: renames)
        let expected = try GitOracle.rows(in: repo.root, renames: renames, environment: repo.environment())
        let actual = try indexedRows(repo)
        #expect(Set(actual).symmetricDifference(Set(expected)).sorted { $0.description < $1.description } == [])
        #expect(actual.count == expected.count)
        #expect(expected.count > 20)
    }

    @Test func renamesAreDetectedOnlyWhenAsked() throws {
        let repo = try KitchenSink.make()
        try mine(repo, renames: true)
        let renamed = try indexedRows(repo).filter { $0.status == "R" }.map { String(decoding: $0.path, as: UTF8.self) }
        #expect(Set(renamed) == ["lib/util.c", "README.txt"])
        try mine(repo, renames: false)
        #expect(try indexedRows(repo).allSatisfy { $0.status != "R" })
    }

    @Test func projectCloneMatchesGit() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let scratch = try FixtureRepository()
        // Mine a private clone so the developer's own index is never touched.
        let clone = try scratch.clone(root.path, named: "clone", options: ["--no-local"])
        for renames in [true, false] {
            _ = try Miner.mine(repositoryPath: clone.path, request: MineRequest(options: HistoryOptions(detectRenames: renames), workers: 2))
            let store = try IndexStore(url: clone.appendingPathComponent(".git/hindsight/index.sqlite"))
            let actual = try store.history().map(OracleRow.init)
            let expected = try GitOracle.rows(in: clone, renames: renames, environment: scratch.environment())
            #expect(Set(actual) == Set(expected))
            #expect(actual.count == expected.count)
        }
    }
}
