import HindsightConfig
import HindsightCore
import HindsightOutput

extension HistoryModel {
    /// `guards_for`: the guards of `.hindsight/guards.yml` that cover `path`, and what the live rules
    /// would say if a change touched only that file.
    func guardsFor(_ path: RepoPath, guards: [Guard], severities: [String: Severity], limit: Int) -> ToolAnswer {
        let covering = guards.filter { item in
            item.scope.isEmpty || item.scope.contains { $0.isWithin(path) || path.isWithin($0) }
        }
        let shown = Shown(covering, limit: limit)
        let context = GuardContext(files: facts, tip: tip, severities: severities)
        let alone = ChangeSet(
            description: "a change to \(path.string) alone", files: [ChangedFile(status: .modified, path: path)])
        let live = liveRules.flatMap { $0.findings(in: alone, context: context) }
        var lines = [
            "\(TextShaping.count(covering.count, "guard")) in \(GuardSetFile.relativePath) cover\(covering.count == 1 ? "s" : "") \(HistoryText.path(path)):"
        ]
        for item in shown.items {
            let scope = item.scope.isEmpty ? "every file" : HistoryText.paths(item.scope, limit: 3)
            lines.append(
                "- \(item.id) \(item.kind), \(item.severity.rawValue), \(item.status.rawValue)\(item.status == .muted ? " (does not run)" : "") "
                    + "on \(scope): \(HistoryText.quoted(item.message)) → \(HistoryText.quoted(item.action)).")
        }
        if let note = shown.note { lines.append(note) }
        lines.append(
            live.isEmpty
                ? "The live rules (co-change, stable-file, fix-needs-test) have nothing to say about changing it alone."
                : "If a change touched only this file, the live rules would say:")
        for finding in live {
            lines.append(
                "- \(finding.kind) (\(finding.severity.rawValue)): \(HistoryText.quoted(finding.message, limit: 300)) → \(HistoryText.quoted(finding.action, limit: 300))"
            )
        }
        var fields = JSONValue.pathFields("path", path)
        fields += [
            ("guards", .array(shown.items.map(Self.guardJSON))),
            ("omitted", .int(shown.omitted)),
            ("liveFindings", .array(live.map(JSONFindingsRenderer.finding))),
        ]
        return ToolAnswer(lines: lines, fields: fields)
    }
}

/// `explain_guard`: one guard in full (an exact id or a unique prefix of at least six characters),
/// with the commits that taught it and how to accept or mute it.
func explainGuard(_ id: String, in set: GuardSet) throws(ToolError) -> ToolAnswer {
    let matches = set.indices(matching: id)
    guard matches.count == 1, let index = matches.first else {
        let shown = ConfinedPath.quotedArgument(id)
        if matches.count > 1 {
            throw ToolError(
                "\(shown) matches \(matches.count) guards (\(matches.prefix(5).map { set.guards[$0].id }.joined(separator: ", "))). Give more of the id."
            )
        }
        if set.guards.isEmpty {
            throw ToolError(
                "No guards: \(GuardSetFile.relativePath) is missing or empty. Run `hindsight guards mine` to propose them."
            )
        }
        throw ToolError(
            "No guard \(shown) in \(GuardSetFile.relativePath); guards_for lists the guards that cover a file.")
    }
    let item = set.guards[index]
    var lines = [
        "\(item.id): \(item.kind), \(item.severity.rawValue), \(item.status.rawValue)\(item.muteReason.map { " (muted because \(HistoryText.quoted($0)))" } ?? "").",
        "Scope: \(item.scope.isEmpty ? "every file" : HistoryText.paths(item.scope, limit: 10)).",
        "Matches: \(item.match.isEmpty ? "nothing" : HistoryText.quoted(item.match, limit: 300)).",
        "Message: \(HistoryText.quoted(item.message, limit: 300)).",
        "Action: \(HistoryText.quoted(item.action, limit: 300)).",
        "Taught by \(TextShaping.count(item.evidence.count, "commit"))\(item.evidence.isEmpty ? "." : ":")",
    ]
    lines += item.evidence.map { "- \(HistoryText.commit($0)) by \(HistoryText.quoted($0.author, limit: 60))" }
    let how =
        switch item.status {
        case .proposed:
            "Proposed: check runs it, nobody reviewed it yet. Keep it: `hindsight guards accept \(item.id)`; silence it: `hindsight guards mute \(item.id) --reason \"…\"`."
        case .accepted:
            "Accepted: reviewed and kept; check runs it. Silence it: `hindsight guards mute \(item.id) --reason \"…\"`."
        case .muted: "Muted: check does not run it. Run it again: `hindsight guards accept \(item.id)`."
        }
    lines.append(how)
    return ToolAnswer(
        lines: lines,
        fields: [
            ("guard", HistoryModel.guardJSON(item)),
            ("muteReason", item.muteReason.map(JSONValue.string) ?? .null),
            ("review", .string(how)),
        ])
}
