/// Claude Code's path-scoped rules: `.claude/rules/*.md` with a `paths:` list of globs.
public struct ClaudeRuleFile: RuleFileFormat {
    /// `claude`.
    public let target = "claude"
    /// `.claude/rules`, which Claude Code searches recursively for `.md` files.
    public let directory = ".claude/rules"

    /// A Claude rule file.
    public init() {}

    /// `hindsight-<slug>.md`.
    public func fileName(for slug: String) -> String {
        "hindsight-\(RuleFileContent.sanitizedSlug(slug)).md"
    }

    /// The rule with front matter `paths:` as a YAML list of double-quoted globs (Claude Code's documented
    /// form; a pattern such as `**/*.ts` must be quoted to be valid YAML). Claude documents no description.
    public func render(_ content: RuleFileContent) -> String {
        let paths =
            content.globs.isEmpty
            ? ["paths: []"]
            : ["paths:"] + content.globs.map { "  - " + RuleFileYAML.quoted($0) }
        return RuleFile.assemble(frontMatter: paths, content: content)
    }
}
