import HindsightCore

/// A backtest for a terminal: what was replayed, one aligned row per kind, the baselines, the settings.
public struct TableBacktestRenderer: BacktestRenderer {
    /// A table renderer.
    public init() {}

    public func render(_ result: BacktestResult) -> String {
        var lines = ["Backtest"] + BacktestText.preamble(result) { $0 } + [""]
        var rows = [["Kind"] + BacktestText.columns]
        rows += result.kinds.map { [$0.name] + BacktestText.figures($0.score) }
        rows.append(["all guards"] + BacktestText.figures(result.overall))
        rows.append(["Baseline, same alarm rate"] + Array(repeating: "", count: BacktestText.columns.count))
        rows += result.baselines.map { [$0.name] + BacktestText.figures($0.score) }
        let shippedHeader = rows.count
        if let shipped = result.shipped {
            rows.append([BacktestText.shippedName(result)] + BacktestText.figures(shipped))
            rows += result.shippedBaselines.map { ["  \($0.name)"] + BacktestText.figures($0.score) }
        }
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        for (index, row) in rows.enumerated() {
            if index == result.kinds.count + 1 || index == result.kinds.count + 2 || index == shippedHeader {
                lines.append("")
            }
            let cells = row.enumerated().map { column, text in
                TextShaping.padded(text, widths[column], alignRight: column > 0)
            }
            lines.append(cells.joined(separator: "  ").trimmingTrailingSpaces())
        }
        lines += ["", BacktestText.verdict(result), ""]
        lines.append("Settings: " + result.settings.map { "\($0.name) \($0.value)" }.joined(separator: " · "))
        return lines.map(TerminalEscaping.safe).joined(separator: "\n") + "\n"
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
