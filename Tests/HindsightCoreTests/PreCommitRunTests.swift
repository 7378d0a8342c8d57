import HindsightCore
import Testing

/// What `check --staged` checks when the pre-commit framework runs it with nothing staged.
@Suite struct PreCommitRunTests {
    static let github = CIPlatform.detect(in: ["GITHUB_ACTIONS": "true", "GITHUB_BASE_REF": "main"])

    @Test func onlyThePreCommitFrameworkWithNothingStagedChangesTheTarget() {
        #expect(PreCommitRun.outcome(environment: [:], nothingStaged: true, platform: nil) == nil)
        #expect(PreCommitRun.outcome(environment: ["PRE_COMMIT": "1"], nothingStaged: false, platform: nil) == nil)
    }

    @Test func itsRefsComeFirstThenThePullRequestThenNothing() {
        let refs = ["PRE_COMMIT": "1", "PRE_COMMIT_FROM_REF": "abc", "PRE_COMMIT_TO_REF": "HEAD"]
        guard
            case .check(let target, let note)? = PreCommitRun.outcome(
                environment: refs, nothingStaged: true, platform: Self.github)
        else {
            return #expect(Bool(false))
        }
        #expect(target == .range(from: "abc", to: "HEAD"))
        #expect(note.contains("checked abc..HEAD"))
        guard
            case .check(let pullRequest, let prNote)? = PreCommitRun.outcome(
                environment: ["PRE_COMMIT": "1"], nothingStaged: true, platform: Self.github)
        else {
            return #expect(Bool(false))
        }
        #expect(pullRequest == .base("origin/main"))
        #expect(prNote.contains("the pull request (from the merge base with origin/main) on GitHub Actions"))
        let push = CIPlatform.detect(in: ["GITHUB_ACTIONS": "true"])
        #expect(
            PreCommitRun.outcome(environment: ["PRE_COMMIT": "1"], nothingStaged: true, platform: push).map { outcome in
                if case .check(let target, _) = outcome { return target == .commit("HEAD") }
                return false
            } == true)
        guard
            case .nothing(let nothing)? = PreCommitRun.outcome(
                environment: ["PRE_COMMIT": "1"], nothingStaged: true, platform: nil)
        else {
            return #expect(Bool(false))
        }
        #expect(nothing.hasPrefix("nothing is staged, so nothing was checked"))
    }
}
