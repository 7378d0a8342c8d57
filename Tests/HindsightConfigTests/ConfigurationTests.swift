import HindsightConfig
import HindsightCore
import Testing

@Suite struct ConfigurationTests {
    @Test func emptyFileGivesDefaults() throws {
        #expect(try HindsightConfiguration.parse("", path: "x.yml") == HindsightConfiguration())
        #expect(HindsightConfiguration().history == HistoryOptions(detectRenames: true, renameThreshold: 50, renameLimit: 1000))
    }

    @Test func historyKeysAreRead() throws {
        let configuration = try HindsightConfiguration.parse("history:\n  renames: false\n  renameLimit: 50\n", path: "x.yml")
        #expect(configuration.history.detectRenames == false)
        #expect(configuration.history.renameLimit == 50)
        #expect(configuration.history.renameThreshold == 50)
    }

    @Test(arguments: ["history:\n  renames: maybe\n", "history:\n  renameThreshold: 150\n", "history: [1, 2\n"])
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
