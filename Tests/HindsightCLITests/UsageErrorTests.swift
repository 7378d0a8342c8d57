import HindsightTestSupport
import Testing

/// Usage errors read like every other error, exit 2, and a mistyped subcommand gets a suggestion.
@Suite struct UsageErrorTests {
    static func run(_ arguments: [String]) throws -> ProcessResult {
        let repo = try FixtureRepository()
        return try HindsightBinary.run(arguments, in: repo.root, environment: repo.environment())
    }

    @Test func aMistypedSubcommandGetsTheNearestOne() throws {
        let result = try Self.run(["chek", "--staged"])
        #expect(result.status == 2)
        #expect(
            result.error.hasPrefix("hindsight: error: unknown command 'chek'; did you mean 'check'?\n"),
            "\(result.error)")
        #expect(result.error.contains("See 'hindsight --help'"), "\(result.error)")
    }

    @Test func nothingNearIsNotGuessedAndHiddenCommandsAreNotOffered() throws {
        let far = try Self.run(["frobnicate"])
        #expect(far.status == 2)
        #expect(far.error.hasPrefix("hindsight: error: unknown command 'frobnicate'\n"), "\(far.error)")
        let hidden = try Self.run(["fixs"])
        #expect(!hidden.error.contains("did you mean 'fixes'"), "\(hidden.error)")
    }

    @Test func optionErrorsUseTheSameStyle() throws {
        let unknown = try Self.run(["check", "--bogus"])
        #expect(unknown.status == 2)
        #expect(unknown.error.hasPrefix("hindsight: error: unknown option '--bogus'"), "\(unknown.error)")
        let value = try Self.run(["report", "--format", "nope"])
        #expect(value.status == 2)
        #expect(value.error.hasPrefix("hindsight: error: the value 'nope' is invalid for '--format"), "\(value.error)")
        #expect(!value.error.contains("Error: "), "one style: \(value.error)")
        let extra = try Self.run(["report", "stray"])
        #expect(
            extra.error.hasPrefix("hindsight: error: unexpected argument 'stray'"),
            "a subcommand's stray argument is not a command: \(extra.error)")
    }
}
