import HindsightCore

/// Check results for the findings renderers: a small clean one for golden output, and a large one
/// whose paths, messages and commits are hostile (CI commands, markup, quotes, `%`, CR/LF, controls).
enum SampleFindings {
    static let now: Int64 = 1_767_225_600  // 2026-01-01T00:00:00Z
    static let day: Int64 = 86_400

    static func commit(_ hex: Character, daysAgo: Int64, subject: String, author: String = "Ada Lovelace") -> CommitRef
    {
        CommitRef(
            id: CommitID(trustedHex: String(repeating: hex, count: 40)), time: now - daysAgo * day,
            subject: subject, author: author)
    }

    static let rules = [
        RuleDescriptor(
            id: "hs-0002", kind: "reintroduced-fix", summary: "Code a fix removed comes back.",
            help: "A fix removed these lines; bringing them back may bring the bug back.", severity: .error),
        RuleDescriptor(
            id: "hs-0001", kind: "co-change", summary: "Parser.swift changes with ParserTests.swift.",
            help: "They changed together in 8 of 10 commits.", severity: .warning),
        RuleDescriptor(
            id: "stable-file", kind: "stable-file", summary: "A file unchanged for a long time changes.",
            help: "Stable files are depended on; review the change with care.", severity: .notice),
    ]

    /// Three findings (an error, a warning, a notice) over two files, plain text only.
    static func clean() -> CheckResult {
        let findings = [
            Finding(
                ruleID: "hs-0002", kind: "reintroduced-fix", severity: .error, path: RepoPath("Sources/Parser.swift"),
                line: 42, message: "This line was removed by a fix.", action: "Check that the crash does not return.",
                evidence: [commit("a", daysAgo: 61, subject: "fix: parser crash on empty input")],
                suppression: "Hindsight-Allow: hs-0002", fingerprint: "hs-0002:Sources/Parser.swift:1f2e"),
            Finding(
                ruleID: "hs-0001", kind: "co-change", severity: .warning, path: RepoPath("Sources/Parser.swift"),
                message: "Changed without Tests/ParserTests.swift.", action: "Update the tests or say why not.",
                evidence: [
                    commit("b", daysAgo: 30, subject: "feat: faster parser"),
                    commit("c", daysAgo: 20, subject: "fix: off by one"),
                ],
                suppression: "hindsight guards mute hs-0001", fingerprint: "hs-0001:Sources/Parser.swift"),
            Finding(
                ruleID: "stable-file", kind: "stable-file", severity: .notice, path: RepoPath("README.md"),
                line: 3, message: "Unchanged for 412 days.", action: "Ask its owner to review.",
                suppression: "--allow stable-file", fingerprint: "stable-file:README.md"),
        ]
        return CheckResult(
            target: "staged changes", findings: findings, rules: rules,
            indexTip: CommitID(trustedHex: String(repeating: "d", count: 40)), suppressed: 1)
    }

    static let hostileSubject = "fix: <script>alert('x')</script> & \"q\"\r\n::error::pwned\n##vso[task.complete]"
    static let hostileMessage =
        "50% done, a:b & <script> \"quoted\" 'single'\r\n::error file=x::injected\u{1B}[31m\u{0}\u{7}"
    static let hostilePaths = [
        "src/with space, comma: colon %25.swift", "src/new\nline.swift", "src/cr\rreturn.swift",
        "::error::evil.swift", "src/<b>tag</b> & \"q\".swift", "src/ünïcode/ß.swift",
    ]

    /// 2 errors, 12 warnings and 3 notices with hostile text everywhere, plus a rule with no findings.
    static func hostile() -> CheckResult {
        var findings: [Finding] = []
        let evidence = [commit("e", daysAgo: 5, subject: hostileSubject, author: "Mallory <img src=x>\n::warning::")]
        func add(_ severity: Severity, _ index: Int, kind: String, ruleID: String) {
            let path = hostilePaths[index % hostilePaths.count]
            findings.append(
                Finding(
                    ruleID: ruleID, kind: kind, severity: severity, path: RepoPath(path),
                    line: index % 4 == 3 ? nil : index + 1,
                    message: hostileMessage + " #\(index)", action: "Run `make test`,\nthen ::set-output name=x::y",
                    evidence: evidence, suppression: "Hindsight-Allow: \(ruleID)\r\n::error::",
                    fingerprint: "\(ruleID):\(path):\(index)"))
        }
        for index in 0..<2 { add(.error, index, kind: "reintroduced-fix", ruleID: "hs-0002") }
        for index in 2..<14 {
            add(.warning, index, kind: "co-change", ruleID: index.isMultiple(of: 2) ? "hs-0001" : "hs:odd,rule")
        }
        for index in 14..<17 { add(.notice, index, kind: "stable-file", ruleID: "stable-file") }
        let extra = RuleDescriptor(
            id: "hs-0009", kind: "co-change", summary: "Quiet <rule> & \"friends\"",
            help: "", severity: .warning)
        return CheckResult(
            target: "range main..::error::x\nHEAD", findings: findings, rules: rules + [extra],
            indexTip: CommitID(trustedHex: String(repeating: "f", count: 40)),
            indexNote: "index is 3 commits behind HEAD\n::error::note", suppressed: 2)
    }
}

extension SampleFindings {
    /// `count` plain warnings with `message`, for size limits.
    static func many(_ count: Int, message: String) -> CheckResult {
        let findings = (0..<count).map { index in
            Finding(
                ruleID: "hs-0001", kind: "co-change", severity: .warning, path: RepoPath("src/file\(index).swift"),
                line: index + 1, message: message, action: "Update the tests.", suppression: "",
                fingerprint: "hs-0001:src/file\(index).swift")
        }
        return CheckResult(target: "HEAD", findings: findings, rules: rules)
    }
}
