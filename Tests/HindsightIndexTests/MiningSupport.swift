import Foundation
import HindsightCore
import HindsightIndex
import HindsightTestSupport

/// Mines `repo` with the library and returns the outcome.
@discardableResult
func mine(
    _ repo: FixtureRepository, renames: Bool = true, rebuild: Bool = false, limit: Int? = nil,
    revision: String? = nil, batchSize: Int = 2_000, path: URL? = nil
) throws -> MineOutcome {
    try Miner.mine(
        repositoryPath: (path ?? repo.root).path,
        request: MineRequest(
            revision: revision, options: HistoryOptions(detectRenames: renames), rebuild: rebuild,
            batchSize: batchSize, workers: 2, commitLimit: limit))
}

/// The index's rows for `repo`, in the oracle's shape.
func indexedRows(_ repo: FixtureRepository, gitDirectory: URL? = nil) throws -> [OracleRow] {
    let store = try IndexStore(
        url: (gitDirectory ?? repo.root.appendingPathComponent(".git")).appendingPathComponent("hindsight/index.sqlite")
    )
    return try store.history().map(OracleRow.init)
}

extension OracleRow {
    init(_ row: HistoryRow) {
        let change = row.change
        self.init(
            commit: row.commit.hex, status: change.status.rawValue,
            added: change.isBinary ? "-" : String(change.linesAdded),
            deleted: change.isBinary ? "-" : String(change.linesDeleted),
            oldPath: change.oldPath?.bytes ?? [], path: change.path.bytes)
    }
}
