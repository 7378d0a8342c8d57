import Foundation
import HindsightCore
import HindsightIndex
import HindsightTestSupport
import Testing

@Suite struct SnapshotTests {
    @Test func snapshotHoldsEveryIndexedChange() throws {
        let repo = try KitchenSink.make()
        try mine(repo)
        let store = try IndexStore(url: repo.root.appendingPathComponent(".git/hindsight/index.sqlite"))
        let snapshot = try store.snapshot()
        let rows = try store.history()
        #expect(snapshot.changes.count == rows.count)
        #expect(
            snapshot.commits.count
                == Int(
                    try repo.gitText(["rev-list", "--count", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(snapshot.tip?.hex == (try repo.head()))
        // Oldest first, each commit's changes in git's order, as `history` gives them newest first.
        let flattened = snapshot.commits.reversed().flatMap { commit in
            commit.changes.map { (commit.id, snapshot.paths[snapshot.changes[$0].path]) }
        }
        #expect(flattened.map(\.0) == rows.map(\.commit))
        #expect(flattened.map(\.1) == rows.map(\.change.path))
    }

    @Test func storedHunksEqualGitsZeroContextHunks() throws {
        let repo = try KitchenSink.make()
        try repo.write("lines.txt", (1...40).map { "line \($0)\n" }.joined())
        _ = try repo.commit("add lines", day: 40)
        try repo.write(
            "lines.txt",
            (1...40).map { [3, 17, 18, 33].contains($0) ? "changed \($0)\n" : "line \($0)\n" }.joined() + "tail\n")
        _ = try repo.commit("edit lines", day: 41)
        try mine(repo)
        let snapshot = try IndexStore(url: repo.root.appendingPathComponent(".git/hindsight/index.sqlite")).snapshot()
        let expected = try gitHunks(repo)
        var compared = 0
        for commit in snapshot.commits {
            for index in commit.changes {
                let change = snapshot.changes[index]
                guard [.modified, .renamed].contains(change.status), !change.isBinary,
                    let hunks = expected[HunkKey(commit: commit.id.hex, path: snapshot.paths[change.path].string)]
                else { continue }
                #expect(snapshot.regions(of: index) == hunks, "\(commit.id.short) \(snapshot.paths[change.path])")
                compared += 1
            }
        }
        #expect(compared >= 5)
    }

    private struct HunkKey: Hashable {
        let commit: String
        let path: String
    }

    /// `git log -p -U0 -M` hunk headers per (commit, new path), for paths git prints unquoted.
    private func gitHunks(_ repo: FixtureRepository) throws -> [HunkKey: [Hunk]] {
        let text = try repo.gitText(["log", "-p", "-U0", "-M", "--no-color", "--format=commit:%H"])
        var result: [HunkKey: [Hunk]] = [:]
        var commit = ""
        var path: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("commit:") {
                commit = String(line.dropFirst(7))
            } else if line.hasPrefix("+++ ") {
                path = line.hasPrefix("+++ b/") ? String(line.dropFirst(6)) : nil
            } else if line.hasPrefix("@@ "), let path, let hunk = Self.hunk(line) {
                result[HunkKey(commit: commit, path: path), default: []].append(hunk)
            }
        }
        return result
    }

    private static func hunk(_ header: Substring) -> Hunk? {
        let parts = header.split(separator: " ")
        guard parts.count >= 3 else { return nil }
        func range(_ text: Substring) -> (Int, Int)? {
            let numbers = text.dropFirst().split(separator: ",").compactMap { Int($0) }
            return numbers.count == 2 ? (numbers[0], numbers[1]) : numbers.first.map { ($0, 1) }
        }
        guard let old = range(parts[1]), let new = range(parts[2]) else { return nil }
        return Hunk(oldStart: old.0, oldLines: old.1, newStart: new.0, newLines: new.1)
    }
}
