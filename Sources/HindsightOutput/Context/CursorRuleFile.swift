/// Cursor's project rules: `.cursor/rules/*.mdc` with `description`, `globs` and `alwaysApply`.
public struct CursorRuleFile: RuleFileFormat {
    /// `cursor`.
    public let target = "cursor"
    /// `.cursor/rules`.
    public let directory = ".cursor/rules"

    /// A Cursor rule file.
    public init() {}

    /// `hindsight-<slug>.mdc`.
    public func fileName(for slug: String) -> String {
        "hindsight-\(RuleFileContent.sanitizedSlug(slug)).mdc"
    }

    /// The rule, attached automatically to files matching its globs (`alwaysApply: false`, a YAML boolean).
    public func render(_ content: RuleFileContent) -> String {
        RuleFile.assemble(
            frontMatter: [
                "description: " + RuleFileYAML.quoted(RuleFile.oneLineDescription(content.description)),
                "globs: " + globsValue(content.globs),
                "alwaysApply: false",
            ],
            content: content
        )
    }

    /// `globs` as Cursor parses it: one string of comma-separated patterns, no spaces, no brackets, and
    /// unquoted. cursor.com/docs/context/rules only shows `globs: src/components/**/*.tsx` and
    /// `docs/**/*.md, docs/**/*.mdx`; Cursor's line reader has been seen keeping quote characters in the
    /// pattern, and YAML lists do not match at all. A glob that would not survive as a plain YAML string
    /// (a leading `*`, `: `, `#`, quotes, commas, spaces, non-ASCII) falls back to a double-quoted scalar:
    /// valid YAML always wins over matching an unusual path.
    private func globsValue(_ globs: [String]) -> String {
        let joined = globs.joined(separator: ",")
        return !globs.isEmpty && globs.allSatisfy(RuleFileYAML.isPlainGlob) ? joined : RuleFileYAML.quoted(joined)
    }
}
