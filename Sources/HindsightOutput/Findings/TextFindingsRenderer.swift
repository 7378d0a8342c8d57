import Foundation
import HindsightCore

/// Renders check findings for a terminal: grouped by file, each with its next step, the commits
/// behind it and how to silence it; ANSI colour only when `useColor` is set.
public struct TextFindingsRenderer: FindingsRenderer {
    /// Whether to colour severities and paths with ANSI escapes.
    public let useColor: Bool
    /// Evidence commits listed per finding before "and N more".
    static let evidenceShown = 3

    /// A text renderer, coloured when `useColor` is set.
    public init(useColor: Bool) {
        self.useColor = useColor
    }

    /// The whole document for `result`.
    public func render(_ result: CheckResult) -> String {
        var lines = [header(result), ""]
        for (path, findings) in Self.groupedByFile(result.findings) {
            // A marker first: CI runners read `::…` at a line's start as a command, even after spaces.
            lines.append("▸ " + paint(safe(path.string), .bold))
            for finding in findings { lines += describe(finding) }
            lines.append("")
        }
        lines.append(paint(Self.tally(result), .bold))
        return lines.joined(separator: "\n") + "\n"
    }

    private func header(_ result: CheckResult) -> String {
        var line = paint("hindsight check:", .bold) + " " + safe(result.target)
        if let tip = result.indexTip { line += " (index at \(tip.hex.prefix(10)))" }
        if let note = result.indexNote { line += " — " + paint(safe(note), .warning) }
        return line
    }

    private func describe(_ finding: Finding) -> [String] {
        let location = finding.line.map { "L\($0) " } ?? ""
        let severity = paint(finding.severity.rawValue, Style(finding.severity))
        var lines = ["  \(location)\(severity) \(safe(finding.kind)): \(safe(finding.message))"]
        lines.append("    → " + safe(finding.action))
        for (index, commit) in finding.evidence.prefix(Self.evidenceShown).enumerated() {
            let label = index == 0 ? "evidence: " : "          "
            let cited =
                "\(commit.shortID) \(safe(commit.subject)) (\(ReportText.date(commit.time)), \(safe(commit.author)))"
            lines.append("    " + paint(label + cited, .dim))
        }
        if finding.evidence.count > Self.evidenceShown {
            lines.append("    " + paint("          and \(finding.evidence.count - Self.evidenceShown) more", .dim))
        }
        if !finding.suppression.isEmpty { lines.append("    " + paint("silence: " + safe(finding.suppression), .dim)) }
        return lines
    }

    /// Untrusted text for a terminal or a CI log: controls made visible, and Azure Pipelines'
    /// `##vso[` and `##[` (read anywhere in a line) broken with a backslash.
    private func safe(_ text: String) -> String {
        ReportText.terminalSafe(text).replacingOccurrences(of: "##vso[", with: "##vso\\[")
            .replacingOccurrences(of: "##[", with: "##\\[")
    }

    private func paint(_ text: String, _ style: Style) -> String {
        useColor && !text.isEmpty ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }

    /// ANSI SGR parameters for each part of the output.
    private enum Style: String {
        case error = "1;31"
        case warning = "33"
        case notice = "36"
        case bold = "1"
        case dim = "2"

        init(_ severity: Severity) {
            switch severity {
            case .error: self = .error
            case .warning: self = .warning
            case .notice: self = .notice
            }
        }
    }
}

// MARK: - Shared by the findings formats

extension TextFindingsRenderer {
    /// Findings by file, files in order of first appearance (so the most severe file leads).
    static func groupedByFile(_ findings: [Finding]) -> [(RepoPath, [Finding])] {
        var order: [RepoPath] = []
        var groups: [RepoPath: [Finding]] = [:]
        for finding in findings {
            if groups[finding.path] == nil { order.append(finding.path) }
            groups[finding.path, default: []].append(finding)
        }
        return order.map { ($0, groups[$0] ?? []) }
    }

    /// Findings most severe first, keeping the given order within a severity.
    static func mostSevereFirst(_ findings: [Finding]) -> [Finding] {
        findings.enumerated().sorted { lhs, rhs in
            lhs.element.severity != rhs.element.severity
                ? lhs.element.severity > rhs.element.severity : lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// `3 findings (1 error, 2 warnings, 0 notices); 4 suppressed; 1 already at the base`, or `no findings`.
    static func tally(_ result: CheckResult) -> String {
        let suppressed =
            (result.suppressed > 0 ? "; \(result.suppressed) suppressed" : "")
            + (result.preexisting > 0 ? "; \(result.preexisting) already at the base" : "")
        guard !result.findings.isEmpty else { return "no findings" + suppressed }
        let counts = Severity.allCases.reversed().map { severity in
            TextShaping.count(result.findings.count(where: { $0.severity == severity }), severity.rawValue)
        }
        return TextShaping.count(result.findings.count, "finding") + " (" + counts.joined(separator: ", ") + ")"
            + suppressed
    }
}
