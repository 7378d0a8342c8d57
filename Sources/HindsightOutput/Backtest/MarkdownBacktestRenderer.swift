import HindsightCore

/// A backtest as Markdown, for a refresh pull request or a wiki page.
public struct MarkdownBacktestRenderer: BacktestRenderer {
    /// A Markdown renderer.
    public init() {}

    public func render(_ result: BacktestResult) -> String {
        var lines = ["## Backtest", ""]
        lines += BacktestText.preamble(result) { "`\($0)`" }.flatMap { [$0, ""] }
        let right = Set(1...BacktestText.columns.count)
        let kinds =
            result.kinds.map { [$0.name] + BacktestText.figures($0.score) }
            + [["**all guards**"] + BacktestText.figures(result.overall)]
        lines += MarkdownReportRenderer.table(["Kind"] + BacktestText.columns, rightAligned: right, rows: kinds)
        lines += ["Baselines flagging as many commits as the guards did:", ""]
        lines += MarkdownReportRenderer.table(
            ["Baseline"] + BacktestText.columns, rightAligned: right,
            rows: result.baselines.map { [$0.name] + BacktestText.figures($0.score) })
        if let shipped = result.shipped {
            lines += ["The set as shipped, and the baselines flagging as many commits:", ""]
            lines += MarkdownReportRenderer.table(
                ["Set"] + BacktestText.columns, rightAligned: right,
                rows: [[BacktestText.shippedName(result)] + BacktestText.figures(shipped)]
                    + result.shippedBaselines.map { [$0.name] + BacktestText.figures($0.score) })
        }
        lines += [BacktestText.verdict(result), ""]
        lines += ["<details><summary>Settings</summary>", ""]
        lines += result.settings.map { "- \($0.name): \(MarkdownEscaping.escaped($0.value))" }
        lines += ["", "</details>"]
        return lines.joined(separator: "\n") + "\n"
    }
}
