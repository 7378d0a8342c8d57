import HindsightConfig
import HindsightCore
import Testing

@Suite struct ConfigurationTests {
    @Test func emptyFileGivesDefaults() throws {
        #expect(try HindsightConfiguration.parse("", path: "x.yml") == HindsightConfiguration())
        #expect(
            HindsightConfiguration().history
                == HistoryOptions(detectRenames: true, renameThreshold: 50, renameLimit: 1000))
    }

    @Test func historyKeysAreRead() throws {
        let configuration = try HindsightConfiguration.parse(
            "history:\n  renames: false\n  renameLimit: 50\n", path: "x.yml")
        #expect(configuration.history.detectRenames == false)
        #expect(configuration.history.renameLimit == 50)
        #expect(configuration.history.renameThreshold == 50)
        #expect(configuration.history.missingBlobsAreBinary == false)
        let trimmed = try HindsightConfiguration.parse("history:\n  missingBlobs: binary\n", path: "x.yml")
        #expect(trimmed.history.missingBlobsAreBinary)
        #expect(trimmed.history.fingerprint != configuration.history.fingerprint)
    }

    @Test func healthReadsItsReworkSpan() throws {
        #expect(HindsightConfiguration().health.reworkDays == 21)
        let configuration = try HindsightConfiguration.parse("health:\n  reworkDays: 14\n", path: "x.yml")
        #expect(configuration.health.reworkDays == 14)
    }

    @Test(arguments: [
        "history:\n  renames: maybe\n", "history:\n  renameThreshold: 150\n", "history: [1, 2\n",
        "history:\n  missingBlobs: skip\n", "health:\n  reworkDays: 0\n", "health:\n  reworkWindow: 21\n",
    ])
    func badValuesAreUsageErrors(text: String) {
        #expect(throws: ConfigError.self) { try HindsightConfiguration.parse(text, path: "x.yml") }
        do {
            _ = try HindsightConfiguration.parse(text, path: "x.yml")
        } catch {
            #expect(error.exitStatus == .usage)
            #expect(error.description.contains("x.yml"))
        }
    }
}

@Suite struct ReportConfigurationTests {
    @Test func reportKeysBecomeAnalysisSettings() throws {
        let text = """
            report:
              window: 2y
              includeDeleted: true
              ignore: ["docs/**"]
              ignoreDefaults: false
              halfLifeDays: 30
              stableDays: 365
              coupling:
                minShared: 3
            fixes:
              pattern: '\\bJIRA-\\d+'
            people:
              bots: [ci-robot]
              agents: [my-agent]
            """
        let configuration = try HindsightConfiguration.parse(text, path: "x.yml")
        let settings = configuration.report.analysisSettings(now: 1_000_000_000)
        #expect(settings.since == 1_000_000_000 - Int64(2 * 365.2425 * 86_400))
        #expect(settings.includeDeleted)
        #expect(settings.ignore.map(\.description) == ["docs/**"])
        #expect(settings.halfLifeDays == 30 && settings.classes.stableDays == 365)
        #expect(settings.coupling.minShared == 3 && settings.coupling.minRevisions == 5)
        #expect(settings.fixes.pattern == #"\bJIRA-\d+"#)
        #expect(settings.bots.isBot(Person(name: "CI Robot", email: "ci-robot@example.com")))
        #expect(settings.bots.isAgent(Person(name: "Build", email: "my-agent@example.com")))
    }

    @Test func contextKeysAreRead() throws {
        let text =
            "context:\n  budget: 900\n  ruleBudget: 250\n  targets: [claude, copilot]\n  claudeImport: true\n"
            + "  activeDays: 14\n  attemptYears: 5\n"
        let context = try HindsightConfiguration.parse(text, path: "x.yml").context
        #expect(context.budget == 900 && context.ruleBudget == 250 && context.attemptYears == 5)
        #expect(context.targets == ["claude", "copilot"])
        #expect(context.claudeImport)
        #expect(context.activeDays == 14)
        #expect(HindsightConfiguration().context == ContextConfiguration())
        #expect(ContextConfiguration().targets.isEmpty && ContextConfiguration().budget == 1_500)
        #expect(ContextConfiguration().ruleBudget == 400 && ContextConfiguration().attemptYears == 3)
    }

    @Test func theDefaultsIgnoreVendoredAndLockFiles() {
        let settings = HindsightConfiguration().report.analysisSettings(now: 0)
        #expect(settings.ignore.contains { $0.matches(RepoPath("vendor/lib.c")) })
        #expect(settings.ignore.contains { $0.matches(RepoPath("Cargo.lock")) })
        #expect(settings.since == nil)
    }

    @Test(arguments: [
        ("report:\n  halfLife: 30\n", "unknown key 'report.halfLife' in x.yml:2"),
        ("history:\n  renames: true\nrepor:\n  window: 90d\n", "unknown key 'repor' in x.yml:3"),
        ("report:\n  window: soon\n", "x.yml:2 at 'report.window'"),
        (
            "report:\n  coupling:\n    minDegree: 130\n",
            "x.yml:3 at 'report.coupling.minDegree': must be 0 to 100, got 130"
        ),
        ("fixes:\n  pattern: '(unclosed'\n", "x.yml:2 at 'fixes.pattern': not a valid regular expression"),
        ("report:\n  ignore: [1, [2]]\n", "at 'report.ignore[1]'"),
        ("context:\n  targets: [claude, vim]\n", "x.yml:2 at 'context.targets': unknown target 'vim'"),
        ("context:\n  budget: 10\n", "x.yml:2 at 'context.budget'"),
        ("context:\n  claudeImport: sometimes\n", "x.yml:2 at 'context.claudeImport'"),
    ])
    func mistakesNameTheKeyAndLine(text: String, message: String) {
        do {
            _ = try HindsightConfiguration.parse(text, path: "x.yml")
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.description.contains(message), "\(error.description)")
            #expect(error.exitStatus == .usage)
        }
    }
}
