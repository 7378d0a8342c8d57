/// GitHub Copilot's path-specific custom instructions: `.github/instructions/*.instructions.md` with `applyTo`.
public struct CopilotInstructionsFile: RuleFileFormat {
    /// `copilot`.
    public let target = "copilot"
    /// `.github/instructions`.
    public let directory = ".github/instructions"

    /// A Copilot instructions file.
    public init() {}

    /// `hindsight-<slug>.instructions.md`; Copilot requires the `.instructions.md` ending.
    public func fileName(for slug: String) -> String {
        "hindsight-\(RuleFileContent.sanitizedSlug(slug)).instructions.md"
    }

    /// The instructions with `applyTo` as one double-quoted string of comma-separated globs (GitHub's
    /// documented form, `applyTo: "**/*.ts,**/*.tsx"`) and the `description` VS Code shows.
    public func render(_ content: RuleFileContent) -> String {
        RuleFile.assemble(
            frontMatter: [
                "description: " + RuleFileYAML.quoted(RuleFile.oneLineDescription(content.description)),
                "applyTo: " + RuleFileYAML.quoted(content.globs.joined(separator: ",")),
            ],
            content: content
        )
    }
}
