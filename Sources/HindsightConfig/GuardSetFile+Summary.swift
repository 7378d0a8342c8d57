import Foundation
import HindsightCore

extension GuardSetFile {
    /// The backtest record and the accepted and muted guard ids of a guard file's text, read
    /// without parsing every guard: the YAML before the guard list (where `render` puts the record),
    /// then each guard's `id:` and `status:` lines as `render` writes them. For reading many past
    /// versions quickly (`hindsight health`); nil when the text before the guards does not parse.
    public static func summary(
        of text: String, path: String
    ) -> (record: BacktestRecord?, accepted: Set<String>, muted: Set<String>)? {
        var head: [Substring] = []
        var accepted: Set<String> = []
        var muted: Set<String> = []
        var inGuards = false
        var pastRecord = false
        var id: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if !inGuards {
                inGuards = line.hasPrefix("guards:")
                // The risk model sits between the record and the guards; the record is all that is needed.
                pastRecord = pastRecord || inGuards || line.hasPrefix("riskModel:")
                if !pastRecord { head.append(line) }
                continue
            }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("- id:") {
                id = unquoted(trimmed.dropFirst("- id:".count))
            } else if trimmed.hasPrefix("status:"), let current = id {
                switch unquoted(trimmed.dropFirst("status:".count)) {
                case GuardStatus.accepted.rawValue: accepted.insert(current)
                case GuardStatus.muted.rawValue: muted.insert(current)
                default: break
                }
            }
        }
        guard let set = try? parse(head.joined(separator: "\n"), path: path) else { return nil }
        return (set.record, accepted, muted)
    }

    private static func unquoted(_ text: Substring) -> String {
        let value = text.trimmingCharacters(in: .whitespaces)
        guard value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first else {
            return value
        }
        return String(value.dropFirst().dropLast())
    }
}
