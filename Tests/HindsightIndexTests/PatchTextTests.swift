import Foundation
import HindsightCore
import HindsightGit
import HindsightTestSupport
import Testing

/// A diff given as text (what an agent hands `check_diff`) reads as the same change set `check --staged` reads.
@Suite struct PatchTextTests {
    @Test(arguments: ChangeScenario.allCases)
    func gitDiffTextMatchesTheStagedChangeSet(scenario: ChangeScenario) throws {
        let repo = try ChangeScenario.baseRepository()
        try scenario.apply(to: repo)
        try repo.git(["add", "-A"])
        let staged = try GitRepository(path: repo.root.path).changeSet(for: .staged, options: HistoryOptions())
        let text = try repo.gitText(["diff", "--cached", "-M", "--no-color", "--no-ext-diff"])
        let parsed = try PatchText.changeSet(parsing: text)
        #expect(parsed.files == staged.files, "\(text)")
        #expect(parsed.description == "diff text")
        #expect(parsed.base == nil)
    }

    @Test func textThatIsNoDiffIsAnError() throws {
        #expect(throws: GitError.self) { try PatchText.changeSet(parsing: "diff --git a/x b/x\n@@ nonsense @@\n") }
        #expect(try PatchText.changeSet(parsing: "").files.isEmpty)
    }
}
