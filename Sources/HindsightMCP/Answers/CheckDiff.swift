import HindsightConfig
import HindsightCore
import HindsightKit
import HindsightOutput

extension HistoryModel {
    /// `check_diff`: what `hindsight check` finds in `change` (the live rules and every guard but muted
    /// ones, in the same check session), as `check --format json` gives it.
    func checkDiff(_ change: ChangeSet, guards: GuardSet, session: CheckSession, indexNote: String?) -> ToolAnswer {
        var result = session.run(change, guards: guards, facts: KnownFacts(files: facts, tip: tip))
        result.indexNote = indexNote
        let counts = Severity.allCases.reversed().compactMap { severity -> String? in
            let count = result.findings.count { $0.severity == severity }
            return count == 0 ? nil : TextShaping.count(count, severity.rawValue)
        }
        let files = TextShaping.count(change.files.count, "file")
        var lines = [
            result.findings.isEmpty
                ? "No findings in \(change.description) (\(files))."
                : "\(TextShaping.count(result.findings.count, "finding")) (\(counts.joined(separator: ", "))) in \(change.description) (\(files)):"
        ]
        for finding in result.findings {
            let place =
                finding.line.map { "\(HistoryText.path(finding.path)) line \($0)" } ?? HistoryText.path(finding.path)
            var line =
                "- \(finding.severity.rawValue) \(finding.kind) (\(finding.ruleID)) at \(place): "
                + "\(HistoryText.quoted(finding.message, limit: 300)) → \(HistoryText.quoted(finding.action, limit: 300))"
            if !finding.evidence.isEmpty {
                line += " Evidence: " + finding.evidence.prefix(3).map(HistoryText.commit).joined(separator: "; ") + "."
            }
            lines.append(line)
        }
        if result.suppressed > 0 {
            lines.append(
                "\(TextShaping.count(result.suppressed, "finding")) suppressed by check.exclude or Hindsight-Allow.")
        }
        // The rules that found something, not every guard: a guard set can hold a thousand descriptors,
        // which cost the model tokens and the SDK 65 µs a string to re-decode.
        let fired = Set(result.findings.map(\.ruleID))
        let ran = result.rules.count
        result.rules = result.rules.filter { fired.contains($0.id) }
        guard case .object(let fields) = JSONFindingsRenderer().document(result) else {
            return ToolAnswer(lines: lines, fields: [])
        }
        return ToolAnswer(lines: lines, fields: fields + [("rulesRun", .int(ran))])
    }
}

/// The files of a diff, checked to stay inside the repository as tool paths must.
func confined(_ change: ChangeSet) throws(ToolError) -> ChangeSet {
    for file in change.files {
        for path in [file.path] + (file.oldPath.map { [$0] } ?? []) {
            let components = path.string.split(separator: "/", omittingEmptySubsequences: false)
            if path.bytes.first == UInt8(ascii: "/") || components.contains("..") || path.bytes.contains(0) {
                throw ToolError(
                    "The diff names \(HistoryText.path(path)), which is outside the repository; give a diff of files inside it."
                )
            }
        }
    }
    return change
}
