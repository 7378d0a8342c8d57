import HindsightCore

/// The formats `hindsight doctor` writes.
public enum DoctorFormat: String, CaseIterable, Sendable {
    case text, json

    /// The renderer for this format.
    public var renderer: any DoctorRenderer {
        switch self {
        case .text: TextDoctorRenderer()
        case .json: JSONDoctorRenderer()
        }
    }
}

/// Turns a doctor report into one output format.
public protocol DoctorRenderer: Sendable {
    /// The whole document.
    func render(_ report: DoctorReport) -> String
}

/// A checklist for people: one line per check (`ok`, `warning`, `problem`), an indented `fix:` line
/// under each that has one, and a closing count. Untrusted text is escaped for the terminal.
public struct TextDoctorRenderer: DoctorRenderer {
    /// A renderer.
    public init() {}

    public func render(_ report: DoctorReport) -> String {
        let repository = report.facts.repository
        var lines = ["hindsight doctor: \(TerminalEscaping.safe(repository.workTree ?? repository.gitDirectory))"]
        for check in report.checks {
            let label = check.status.rawValue.padding(toLength: Self.labelWidth, withPad: " ", startingAt: 0)
            lines.append("\(label)\(TerminalEscaping.safe(check.summary))")
            if let fix = check.fix {
                lines.append(String(repeating: " ", count: Self.labelWidth) + "fix: " + TerminalEscaping.safe(fix))
            }
        }
        lines.append("")
        lines.append(Self.verdict(problems: report.count(.problem), warnings: report.count(.warning)))
        return lines.joined(separator: "\n") + "\n"
    }

    private static let labelWidth = 9

    private static func verdict(problems: Int, warnings: Int) -> String {
        let warned = TextShaping.count(warnings, "warning")
        guard problems > 0 else { return warnings > 0 ? "No problems; \(warned)." : "No problems." }
        return "\(TextShaping.count(problems, "problem")), \(warned): "
            + "put the problems right, then run `hindsight doctor` again."
    }
}
