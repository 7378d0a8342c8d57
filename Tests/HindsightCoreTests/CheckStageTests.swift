import HindsightCore
import Testing

/// Each finding says how to let it through where the check runs, and only what works there.
@Suite struct CheckStageTests {
    static func finding(_ ruleID: String, kind: String) -> Finding {
        Finding(
            ruleID: ruleID, kind: kind, severity: .error, path: RepoPath("a.c"), message: "m", action: "a",
            fingerprint: ruleID)
    }

    @Test func aMinedGuardCanBeAllowedOnceOrMuted() {
        let guardFinding = Self.finding("hs-0001", kind: "reintroduced-fix")
        #expect(
            CheckStage.preCommit.advice(for: guardFinding)
                == "commit with `HINDSIGHT_ALLOW=hs-0001 git commit …`, or `hindsight guards mute hs-0001 --reason …`")
        #expect(
            CheckStage.commitMessage.advice(for: guardFinding)
                == "add the trailer `Hindsight-Allow: hs-0001` to the commit message, commit with "
                + "`HINDSIGHT_ALLOW=hs-0001`, or `hindsight guards mute hs-0001 --reason …`")
        #expect(
            CheckStage.commits.advice(for: guardFinding)
                == "add the trailer `Hindsight-Allow: hs-0001` to the commit message, pass --allow hs-0001, or "
                + "`hindsight guards mute hs-0001 --reason …`")
    }

    @Test func aLiveKindHasNoMuteAndALessonCanBeRetired() {
        #expect(
            CheckStage.preCommit.advice(for: Self.finding("co-change", kind: "co-change"))
                == "commit with `HINDSIGHT_ALLOW=co-change git commit …`")
        #expect(
            CheckStage.commits.advice(for: Self.finding("ls-00000001", kind: "lesson"))
                == "add the trailer `Hindsight-Allow: ls-00000001` (or `lesson`) to the commit message, pass "
                + "--allow ls-00000001, or retire it: hindsight lesson retire ls-00000001 --reason …")
    }

    @Test func noStageButOneThatReadsTheMessageSuggestsTheTrailer() {
        let finding = Self.finding("stable-file", kind: "stable-file")
        for stage in CheckStage.allCases {
            #expect(stage.advice(for: finding).contains("Hindsight-Allow:") == (stage != .preCommit), "\(stage)")
        }
    }
}
