import HindsightCore
import Testing

/// `DoctorReport(facts:)`: the judgement of gathered facts, for states a fixture cannot easily make.
@Suite struct DoctorReportTests {
    static let head = CommitID(trustedHex: String(repeating: "a", count: 40))
    static let tip = CommitID(trustedHex: String(repeating: "b", count: 40))
    static let build = LibGit2Build(
        version: "1.5.1", hasThreads: true, hasHTTPS: true, hasSSH: false, hasNanoseconds: true)

    static func hooks(_ files: [HookFile]) -> HookFacts {
        let names = ["commit-msg", "pre-commit", "post-commit", "post-merge", "post-rewrite", "post-checkout"]
        let found = names.map { name in files.first { $0.name == name } ?? HookFile(name: name, owner: .none) }
        return HookFacts(
            directory: "/r/.git/hooks", hooks: found, defaults: names.filter { $0 != "pre-commit" },
            checking: ["commit-msg", "pre-commit"], isOnPath: true)
    }

    static let allHooks = ["commit-msg", "post-commit", "post-merge", "post-rewrite", "post-checkout"].map {
        HookFile(name: $0, owner: .hindsight(recordedBinary: "/bin/hindsight", binaryExists: true))
    }

    static func facts(
        library: LibGit2Build = build, repository: RepositoryFacts? = nil,
        inspection: IndexInspection? = IndexInspection(schema: .current, tip: head, options: "renames=off"),
        behind: IndexFacts.Behind? = .exactly(0), hooks: HookFacts? = DoctorReportTests.hooks(allHooks),
        ci: [CIFileFacts] = []
    ) -> DoctorFacts {
        DoctorFacts(
            libgit2: library,
            repository: repository ?? RepositoryFacts(gitDirectory: "/r/.git", workTree: "/r", head: head),
            index: IndexFacts(
                path: "/r/.git/hindsight/index.sqlite", inspection: inspection, behind: behind,
                configuredOptions: "renames=off"),
            configuration: ConfigFileFacts(path: ".hindsight.yml", exists: false),
            guards: ConfigFileFacts(path: ".hindsight/guards.yml", exists: true, entries: 3, muted: 1),
            hooks: hooks, ci: ci)
    }

    static func check(_ id: String, in facts: DoctorFacts) -> [DoctorCheck] {
        DoctorReport(facts: facts).checks.filter { $0.id == id }
    }

    @Test func aHealthyRepositoryHasNoProblems() {
        let report = DoctorReport(facts: Self.facts())
        #expect(report.count(.problem) == 0 && report.count(.warning) == 0, "\(report.checks)")
        #expect(report.exitStatus == .ok)
        #expect(report.checks.first?.summary == "libgit2 1.5.1 with threads, https, nsec, without ssh")
        #expect(Self.check("guards", in: Self.facts()).first?.summary == ".hindsight/guards.yml: 3 guards (1 muted)")
    }

    @Test func aPartialCloneNamesItsPromisorRemote() {
        let repository = RepositoryFacts(
            gitDirectory: "/r/.git", workTree: "/r", head: Self.head, promisorRemotes: ["origin"])
        let checks = Self.check("clone", in: Self.facts(repository: repository))
        #expect(checks.map(\.status) == [.problem])
        #expect(checks.first?.summary.hasPrefix("a partial clone (promisor remote origin)") == true)
        #expect(DoctorReport(facts: Self.facts(repository: repository)).exitStatus == .findings)
    }

    @Test(arguments: [
        (IndexInspection.Schema.newer, DoctorStatus.problem, "written by a newer hindsight"),
        (.older, .warning, "from an older hindsight"),
    ])
    func aSchemaOtherThanOursIsReported(schema: IndexInspection.Schema, status: DoctorStatus, words: String) {
        let checks = Self.check("index", in: Self.facts(inspection: IndexInspection(schema: schema, tip: Self.tip)))
        #expect(checks.map(\.status) == [status])
        #expect(checks.first?.summary.contains(words) == true)
        #expect(checks.first?.fix != nil)
    }

    @Test func theIndexBehindHEADSaysByHowMuch() {
        let behind = IndexInspection(schema: .current, tip: Self.tip, options: "renames=off")
        let many = Self.check("index", in: Self.facts(inspection: behind, behind: .moreThan(10_000)))
        #expect(
            many.first?.summary
                == "the index is at bbbbbbb, more than 10000 commits behind HEAD (aaaaaaa): answers and checks leave them out"
        )
        #expect(many.first?.status == .warning)
        let marked = Self.check("index", in: Self.facts(inspection: behind, behind: .exactly(0)))
        #expect(marked.first?.summary.hasSuffix("though it holds every commit HEAD reaches") == true)
        let unfinished = Self.check("index", in: Self.facts(inspection: IndexInspection(schema: .current)))
        #expect(unfinished.first?.status == .problem)
    }

    @Test func otherHistoryOptionsWarnThatMineStartsOver() {
        let inspection = IndexInspection(schema: .current, tip: Self.head, options: "renames=50%/limit=1000")
        let checks = Self.check("index-options", in: Self.facts(inspection: inspection))
        #expect(checks.first?.status == .warning)
        #expect(
            checks.first?.summary
                == "the index was mined with history options `renames=50%/limit=1000`; the configuration asks for `renames=off`"
        )
    }

    @Test func libgit2WithoutThreadsIsAWarning() {
        var library = Self.build
        library.hasThreads = false
        let checks = Self.check("libgit2", in: Self.facts(library: library))
        #expect(checks.first?.status == .warning)
        #expect(checks.first?.fix?.contains("--workers 1") == true)
    }

    @Test func hookStatesEachGetTheirLine() {
        let both =
            Self.allHooks + [HookFile(name: "pre-commit", owner: .hindsight(recordedBinary: nil, binaryExists: false))]
        #expect(Self.check("hooks", in: Self.facts(hooks: Self.hooks(both))).first?.status == .warning)
        let broken = [
            HookFile(
                name: "commit-msg", owner: .hindsight(recordedBinary: "/x", binaryExists: true), isExecutable: false)
        ]
        let checks = Self.check("hooks", in: Self.facts(hooks: Self.hooks(broken)))
        #expect(checks.map(\.status) == [.warning, .problem])
        #expect(checks.last?.fix == "`chmod +x /r/.git/hooks/commit-msg`")
        let refreshOnly = Array(Self.allHooks.dropFirst())
        #expect(
            Self.check("hooks", in: Self.facts(hooks: Self.hooks(refreshOnly))).first?.summary
                == "hooks in /r/.git/hooks refresh the index (post-commit, post-merge, post-rewrite, post-checkout) but nothing checks commits"
        )
        #expect(Self.check("hooks", in: Self.facts(hooks: nil)).first?.status == .ok)
    }

    @Test func aBareRepositoryIsToldToMineWithoutHooks() {
        let bare = RepositoryFacts(gitDirectory: "/r.git", workTree: nil, head: Self.head)
        let checks = Self.check("index", in: Self.facts(repository: bare, inspection: nil, behind: nil, hooks: nil))
        #expect(checks.first?.fix == "run `hindsight mine`, and again after each fetch")
        #expect(Self.check("guards", in: Self.facts(repository: bare, hooks: nil)).isEmpty)
        #expect(Self.check("ci", in: Self.facts(repository: bare, hooks: nil)).isEmpty)
    }

    @Test(arguments: [
        ("GitLab CI", "include:\n  - remote: https://x/ci-templates/gitlab/hindsight.gitlab-ci.yml\n", true, true),
        ("GitLab CI", "check:\n  script: hindsight check\n", true, false),
        ("GitLab CI", "check:\n  variables:\n    GIT_DEPTH: \"0\"\n  script: hindsight check\n", true, true),
        ("Bitbucket Pipelines", "clone:\n  depth: full\npipelines: {}\n# hindsight later\n", false, true),
        ("Azure Pipelines", "steps:\n- checkout: self\n  fetchDepth: 0\n- script: hindsight check\n", true, true),
        ("Jenkins", "// hindsight\nsh 'make'\n", false, true),
    ])
    func ciFilesSayWhetherTheyRunHindsightOnAFullClone(platform: String, text: String, runs: Bool, full: Bool) throws {
        let kind = try #require(CIFileKind.all.first { $0.platform == platform })
        let facts = kind.facts(path: kind.paths[0], text: text)
        #expect(facts.runsHindsight == runs)
        #expect(facts.asksForFullClone == full)
    }
}
