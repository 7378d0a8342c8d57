import HindsightTestSupport
import Testing

/// Shell completion offers the values of every option that takes one of a known set.
@Suite struct CompletionTests {
    /// The words the bash script completes after `option` within `command`'s function.
    static func words(after option: String, in command: String, script: String) -> String? {
        guard let function = script.range(of: "_hindsight_\(command)() {") else { return nil }
        let body = script[function.upperBound...]
        let end = body.range(of: "\n}\n")?.lowerBound ?? body.endIndex
        let section = body[..<end]
        guard let option = section.range(of: "'\(option)')") else { return nil }
        let line = section[option.upperBound...].split(separator: "\n").first.map(String.init)
        return line?.contains("__hindsight_add_completions -W") == true ? line : nil
    }

    @Test func enumerableOptionsComplete() throws {
        let repo = try FixtureRepository()
        let result = try HindsightBinary.run(
            ["--generate-completion-script", "bash"], in: repo.root, environment: repo.environment())
        #expect(result.status == 0)
        let script = result.output
        let expected: [(String, String, [String])] = [
            ("check", "--format", ["auto", "sarif", "gitlab", "checkstyle"]),
            ("check", "--fail-on", ["error", "warning", "notice", "never"]),
            ("report", "--class", ["hotspot", "churning", "stable"]),
            ("context", "--target", ["claude", "cursor", "copilot", "none"]),
            ("install", "--hooks", ["commit-msg", "pre-commit", "post-checkout"]),
            ("uninstall", "--hooks", ["commit-msg", "post-merge"]),
            ("health", "--format", ["table", "summary"]),
            ("doctor", "--format", ["text", "json"]),
        ]
        for (command, option, values) in expected {
            let words = Self.words(after: option, in: command, script: script)
            #expect(words != nil, "\(command) \(option) completes nothing")
            for value in values { #expect(words?.contains("'\(value)'") == true, "\(command) \(option): \(value)") }
        }
    }
}
