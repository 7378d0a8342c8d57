import HindsightConfig
import Testing

/// Adding hindsight to lefthook and pre-commit files: under keys they already have, with their
/// comments and layout kept, and never an edit that changes anything else.
@Suite struct HookConfigEditTests {
    static let commands = [
        LefthookConfig.Command(
            hook: "commit-msg", name: "hindsight", run: "hindsight check --staged --message-file {1}"),
        LefthookConfig.Command(hook: "post-commit", name: "hindsight-refresh", run: "hindsight refresh --quiet &"),
    ]
    static let item = ["- repo: local", "  hooks:", "    - id: hindsight-check", "      entry: hindsight check"]

    @Test func lefthookMergesUnderAnExistingHookKeyAndKeepsComments() {
        let text = """
            # team hooks
            commit-msg:
                # lint the message first
                commands:
                    commitlint:
                        run: npx commitlint --edit {1}
            pre-commit:
              commands:
                lint: {run: npm run lint}

            """
        #expect(
            LefthookConfig.adding(Self.commands, to: text)
                == .edited(
                    """
                    # team hooks
                    commit-msg:
                        # lint the message first
                        commands:
                            hindsight:
                                run: hindsight check --staged --message-file {1}
                            commitlint:
                                run: npx commitlint --edit {1}
                    pre-commit:
                      commands:
                        lint: {run: npm run lint}

                    post-commit:
                      commands:
                        hindsight-refresh:
                          run: hindsight refresh --quiet &

                    """))
    }

    @Test func lefthookAddsCommandsToAHookThatHasOnlyScripts() {
        let text =
            "commit-msg:\n  scripts:\n    \"check.sh\":\n      runner: bash\npost-commit:\n  commands:\n    hindsight-refresh:\n      run: hindsight refresh --quiet &\n"
        #expect(
            LefthookConfig.adding(Self.commands, to: text)
                == .edited(
                    "commit-msg:\n  commands:\n    hindsight:\n      run: hindsight check --staged --message-file {1}\n  scripts:\n    \"check.sh\":\n      runner: bash\npost-commit:\n  commands:\n    hindsight-refresh:\n      run: hindsight refresh --quiet &\n"
                ))
    }

    @Test func lefthookIsLeftAloneWhereAnEditCannotBeChecked() {
        #expect(
            LefthookConfig.adding(Self.commands, to: "commit-msg: {commands: {a: {run: x}}}\n")
                == .byHand(LefthookConfig.instructions(Self.commands)))
        #expect(LefthookConfig.adding(Self.commands, to: "commit-msg:\n  commands: {a: {run: x}}\n").isByHand)
        #expect(LefthookConfig.adding(Self.commands, to: "- not: a mapping\n").isByHand)
        #expect(LefthookConfig.adding(Self.commands, to: "commit-msg: [\n").isByHand)  // does not parse
        let done = LefthookConfig.adding(Self.commands, to: "")
        guard case .edited(let text) = done else { return #expect(Bool(false), "\(done)") }
        #expect(LefthookConfig.adding(Self.commands, to: text) == .alreadyPresent)
        #expect(
            LefthookConfig.instructions([Self.commands[0]]).contains(
                "under `commit-msg:` → `commands:`, add:\n  hindsight:\n"))
    }

    @Test func preCommitFillsAnEmptyFlowList() {
        #expect(
            PreCommitConfig.adding(
                Self.item, hookID: "hindsight-check", to: "default_stages: [pre-commit]\nrepos: []  # none yet\n")
                == .edited(
                    "default_stages: [pre-commit]\nrepos:\n  - repo: local\n    hooks:\n      - id: hindsight-check\n        entry: hindsight check\n"
                ))
    }

    @Test func preCommitAppendsToTheReposListWhereverItIs() {
        let text =
            "repos:\n- repo: https://example.org/hooks\n  rev: v1\n  hooks:\n  - id: lint\n\n# CI settings\nci:\n  autofix_prs: false\n"
        #expect(
            PreCommitConfig.adding(Self.item, hookID: "hindsight-check", to: text)
                == .edited(
                    "repos:\n- repo: https://example.org/hooks\n  rev: v1\n  hooks:\n  - id: lint\n- repo: local\n  hooks:\n    - id: hindsight-check\n      entry: hindsight check\n\n# CI settings\nci:\n  autofix_prs: false\n"
                ))
        #expect(
            PreCommitConfig.adding(Self.item, hookID: "hindsight-check", to: "")
                == .edited(
                    "repos:\n  - repo: local\n    hooks:\n      - id: hindsight-check\n        entry: hindsight check\n"
                ))
        #expect(PreCommitConfig.adding(Self.item, hookID: "lint", to: text) == .alreadyPresent)
        #expect(
            PreCommitConfig.adding(Self.item, hookID: "hindsight-check", to: "repos: [{repo: meta, hooks: []}]\n")
                .isByHand)
    }

    @Test func changedLinesNameWhatAnEditAdds() {
        let lines = HookConfigEdit.changedLines(from: "a: 1\nrepos: []\n", to: "a: 1\nrepos:\n  - x\n")
        #expect(lines.map(\.number) == [2, 3])
        #expect(lines.map(\.text) == ["repos:", "  - x"])
    }
}

extension HookConfigEdit {
    var isByHand: Bool {
        if case .byHand = self { return true }
        return false
    }
}
