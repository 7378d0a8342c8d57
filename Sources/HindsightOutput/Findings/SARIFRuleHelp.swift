import HindsightCore

/// A rule's `help.markdown`, which GitHub shows beside each alert in place of `help.text`: what the
/// guard says, what its kind is for, how to see its evidence, and a link to the kind's page. Rule
/// text can quote history (a removed line, a subject), so it is escaped.
enum SARIFRuleHelp {
    static func markdown(_ rule: RuleDescriptor, kindHelp: String?, site: DocumentationSite?) -> String {
        var blocks = [
            "**" + MarkdownEscaping.codeSpan(rule.kind) + "** · " + rule.severity.rawValue + " by default",
            MarkdownEscaping.escaped(rule.summary),
        ]
        if !rule.help.isEmpty, rule.help != rule.summary { blocks.append(MarkdownEscaping.escaped(rule.help)) }
        if let kindHelp, kindHelp != rule.help {
            blocks.append("**About this kind.** " + MarkdownEscaping.escaped(kindHelp))
        }
        if rule.id.hasPrefix("hs-") {
            blocks.append(
                "The commits that taught it: " + MarkdownEscaping.codeSpan("hindsight guards explain \(rule.id)") + ".")
        }
        if let page = site?.page(forKind: rule.kind) {
            blocks.append("[How " + MarkdownEscaping.codeSpan(rule.kind) + " guards work](" + page + ")")
        }
        return blocks.joined(separator: "\n\n")
    }
}
