import Foundation
import HindsightTestSupport
import Testing

/// A `.mailmap` edited after mining re-maps the people already in the index on the next mine,
/// even with no new commits; an unchanged one leaves them alone.
@Suite struct MailmapRefreshTests {
    static func authors(_ repo: FixtureRepository) throws -> [String] {
        try HindsightBinary.run(["mine", "-q"], in: repo.root, environment: repo.environment()).requireSuccess("mine")
        let result = try HindsightBinary.run(
            ["report", "--no-mine", "--format", "json"], in: repo.root, environment: repo.environment())
        let json = try #require(try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any])
        let file = (json["files"] as? [[String: Any]])?.first { $0["path"] as? String == "src/a.c" }
        return (file?["authors"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }.sorted()
    }

    @Test func editingTheMailmapRemapsOnTheNextMine() throws {
        let repo = try FixtureRepository()
        try repo.write("src/a.c", "one\n")
        _ = try repo.commit("feat: a", day: 0)
        try repo.write("src/a.c", "two\n")
        _ = try repo.commit("feat: b", day: 1, author: "Bobby", email: "bobby@old.example.com")
        #expect(try Self.authors(repo) == ["Ada Lovelace", "Bobby"])
        #expect(try Self.authors(repo) == ["Ada Lovelace", "Bobby"])  // a no-op mine changes nothing
        try repo.write(".mailmap", "Bob Builder <bob@example.com> <bobby@old.example.com>\n")
        #expect(try Self.authors(repo) == ["Ada Lovelace", "Bob Builder"])
        try repo.write(".mailmap", "Ada Lovelace <ada@example.com> <bobby@old.example.com>\n")
        #expect(try Self.authors(repo) == ["Ada Lovelace"])
        try repo.remove(".mailmap")
        #expect(try Self.authors(repo) == ["Ada Lovelace", "Bobby"])
    }
}
