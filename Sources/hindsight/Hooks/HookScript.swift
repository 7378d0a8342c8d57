import HindsightCore

/// The git hooks `hindsight install` writes: POSIX sh, each chaining the hook it replaced (kept
/// beside it as `<name>.pre-hindsight`, run first, its exit status counting), finding the binary on
/// PATH and then at the path recorded at install, and failing open unless installed `--fail-closed`.
enum HookScript {
    /// The hooks hindsight can install, in the order it lists them.
    static let names = ["commit-msg", "pre-commit", "post-commit", "post-merge", "post-rewrite", "post-checkout"]

    /// The hooks `install` writes unless told otherwise: the check runs from commit-msg, which has both
    /// the staged index and the message (so a `Hindsight-Allow:` trailer works), not from pre-commit.
    static let defaults = names.filter { $0 != "pre-commit" }

    /// The hooks that run `hindsight check` (the others refresh the index).
    static let checking: Set<String> = ["commit-msg", "pre-commit"]

    /// The second line of every script hindsight writes: how `uninstall` and a re-install know it.
    static let marker = "# hindsight-hook:"

    /// The suffix of the hook a script replaced, which it runs first and `uninstall` puts back.
    static let chainedSuffix = ".pre-hindsight"

    /// Whether `text` is a hook hindsight wrote.
    static func isHindsight(_ text: String) -> Bool {
        text.split(separator: "\n", maxSplits: 2).dropFirst().first?.hasPrefix(marker) == true
    }

    /// The script for hook `name`, recording `binary` as the fallback when `hindsight` is not on PATH.
    static func text(for name: String, binary: String, failClosed: Bool) -> String {
        let header = [
            "#!/bin/sh",
            "\(marker) \(name) (written by `hindsight install`; `hindsight uninstall` removes it and puts back",
            "# the hook it replaced, kept beside it as \(name)\(chainedSuffix)).",
        ]
        let body = checking.contains(name) ? checkComment(name, failClosed: failClosed) : refresh
        return
            (header + body + [
                // By name, not "$0": another manager may run this script renamed (pre-commit's `.legacy`).
                "chained=\"$(dirname \"$0\")/\(name)\(chainedSuffix)\"",
                "recorded=\(shellQuoted(binary))",
            ] + (checking.contains(name) ? checkSteps(name, failClosed: failClosed) : refreshSteps)).joined(
                separator: "\n")
            + "\n"
    }

    private static func checkComment(_ name: String, failClosed: Bool) -> [String] {
        let what =
            name == "commit-msg"
            ? [
                "# Runs `hindsight check --staged` on what is being committed, with the message git hands it, so a",
                "# `Hindsight-Allow: KIND|ID` trailer lets a finding through; findings at check.failOn (default",
            ]
            : [
                "# Runs `hindsight check --staged` on what is being committed; findings at check.failOn (default"
            ]
        return what + [
            "# error) block the commit. Allow one with HINDSIGHT_ALLOW=KIND|ID,…; skip once with HINDSIGHT_SKIP=1",
            "# or `git commit --no-verify`.",
            failClosed
                ? "# Installed --fail-closed: if hindsight is missing or fails, the commit is blocked too."
                : "# If hindsight is missing or fails, the commit goes ahead with a one-line warning.",
        ]
    }

    private static let refresh = [
        "# Brings hindsight's index (and, with context.refresh, the agent context files) up to date in",
        "# the background, so git returns at once. HINDSIGHT_SKIP=1 skips it.",
    ]

    private static func checkSteps(_ name: String, failClosed: Bool) -> [String] {
        let missing =
            failClosed
            ? [
                "    echo \"hindsight: not found on PATH or at $recorded; commit blocked (installed --fail-closed).\" >&2",
                "    exit 1",
            ]
            : [
                "    echo \"hindsight: not found on PATH or at $recorded; committing without the check.\" >&2",
                "    exit 0",
            ]
        let broken =
            failClosed
            ? [
                "echo \"hindsight: the check failed (exit $status); commit blocked (installed --fail-closed).\" >&2",
                "exit \"$status\"",
            ]
            : ["echo \"hindsight: the check failed (exit $status); committing without it.\" >&2", "exit 0"]
        return [
            "if [ -x \"$chained\" ]; then",
            "    \"$chained\" \"$@\" || exit $?",
            "fi",
            "[ \"${HINDSIGHT_SKIP:-0}\" = 1 ] && exit 0",
            "hindsight=$(command -v hindsight 2>/dev/null) || hindsight=$recorded",
            "if [ ! -x \"$hindsight\" ]; then",
        ] + missing + [
            "fi",
            name == "commit-msg"
                ? "\"$hindsight\" check --staged --message-file \"$1\" --quiet"
                : "\"$hindsight\" check --staged --quiet",
            "status=$?",
            "[ \"$status\" -le 1 ] && exit \"$status\"",
        ] + broken
    }

    private static let refreshSteps = [
        "status=0",
        "if [ -x \"$chained\" ]; then",
        "    \"$chained\" \"$@\"",
        "    status=$?",
        "fi",
        "if [ \"${HINDSIGHT_SKIP:-0}\" != 1 ]; then",
        "    hindsight=$(command -v hindsight 2>/dev/null) || hindsight=$recorded",
        "    [ -x \"$hindsight\" ] && \"$hindsight\" refresh --quiet </dev/null >/dev/null 2>&1 &",
        "fi",
        "exit \"$status\"",
    ]
}
