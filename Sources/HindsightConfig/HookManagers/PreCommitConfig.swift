import Foundation
import Yams

/// Adds hindsight's `repo: local` entry to a pre-commit framework configuration's `repos:` list,
/// wherever that list is in the file and whether it is empty (`repos: []`) or not.
public enum PreCommitConfig {
    /// `text` with `item` (one `- repo: …` list item, written at indent 0) appended to `repos:`;
    /// already present when a hook of `hookID` is configured.
    public static func adding(_ item: [String], hookID: String, to text: String) -> HookConfigEdit {
        let byHand = HookConfigEdit.byHand("under `repos:`, add:\n" + item.map { "  " + $0 }.joined(separator: "\n"))
        guard let original = YAMLLines.document(text), case .mapping(let mapping) = original else { return byHand }
        let hooks = (mapping["repos"]?.sequence ?? []).flatMap { $0["hooks"]?.sequence ?? [] }
        if hooks.contains(where: { $0["id"]?.string == hookID }) { return .alreadyPresent }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        let view = lines.map { Substring($0) }
        if let reposLine = view.indices.first(where: {
            YAMLLines.indent(view[$0]) == 0 && YAMLLines.key(of: view[$0]) == "repos"
        }) {
            let value = (YAMLLines.value(of: view[reposLine]).split(separator: "#").first ?? "")
                .trimmingCharacters(in: .whitespaces)
            switch value {
            case "[]":
                lines[reposLine] = "repos:"
                lines.insert(contentsOf: item.map { "  " + $0 }, at: reposLine + 1)
            case "":
                let end = YAMLLines.blockEnd(in: view, after: reposLine, indent: 0)
                let indent =
                    (reposLine + 1..<end).first { YAMLLines.isListItem(view[$0]) }
                    .map { YAMLLines.indent(view[$0]) } ?? 2
                lines.insert(contentsOf: item.map { YAMLLines.spaces(indent) + $0 }, at: end)
            default:
                return byHand
            }
        } else {
            lines += (lines.isEmpty ? [] : [""]) + ["repos:"] + item.map { "  " + $0 }
        }
        let edited = lines.joined(separator: "\n") + "\n"
        return verified(edited, adds: item, to: original) ? .edited(edited) : byHand
    }

    /// `repos:` gained `item` at its end, and nothing else changed.
    private static func verified(_ edited: String, adds item: [String], to original: Node) -> Bool {
        guard let node = YAMLLines.parse(edited), let added = YAMLLines.parse(item.joined(separator: "\n"))?.sequence,
            var repos = node["repos"]?.sequence, repos.last == added.first, added.count == 1
        else { return false }
        repos.removeLast()
        guard Array(repos) == Array(original["repos"]?.sequence ?? []) else { return false }
        let rest = YAMLLines.removing(["repos"], from: node)
        let originalRest = original["repos"] == nil ? original : YAMLLines.removing(["repos"], from: original)
        return rest == originalRest
    }
}
