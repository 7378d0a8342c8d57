import HindsightCore

/// The formats `hindsight backtest` writes.
public enum BacktestFormat: String, CaseIterable, Sendable {
    case table, markdown, json

    /// The renderer for this format.
    public var renderer: any BacktestRenderer {
        switch self {
        case .table: TableBacktestRenderer()
        case .markdown: MarkdownBacktestRenderer()
        case .json: JSONBacktestRenderer()
        }
    }
}

/// Turns a backtest's figures into one output format.
public protocol BacktestRenderer: Sendable {
    /// The whole document.
    func render(_ result: BacktestResult) -> String
}

/// Text the table and Markdown formats share.
enum BacktestText {
    static let columns = ["Flagged", "Alarm rate", "Hits", "Recall", "Precision", "Lift"]

    static func figures(_ score: BacktestScore) -> [String] {
        [
            "\(score.flagged)", ReportText.percent(score.alarmRate, decimals: 1),
            score.expectedHits.map { ReportText.fixed($0, 2) } ?? "\(score.hits)",
            ReportText.percent(score.recall, decimals: 1), ReportText.percent(score.precision, decimals: 1),
            ReportText.fixed(score.lift, 2),
        ]
    }

    /// What was replayed against what, in sentences; `code` wraps ids (a Markdown code span or nothing).
    static func preamble(_ result: BacktestResult, code: (String) -> String) -> [String] {
        let window = result.window
        let span =
            window.commits.first.map { _ in
                "replayed \(TextShaping.count(window.commits.count, "commit")) after it"
            } ?? "replayed no commits"
        var lines = [
            "Guards mined from history up to \(code(result.cut.shortID)) (\(ReportText.date(result.cut.time))) only, "
                + "\(result.guardsAtCut) at the cut; \(span)"
                + (result.refreshEvery.map { ", re-mining every \(TextShaping.count($0, "commit"))" } ?? ", mined once")
                + ".",
            "Fixes counted up to \(code(result.until.shortID)) (\(ReportText.date(result.until.time))). "
                + "Each replayed commit had \(TextShaping.count(result.graceDays, "day")) for its fix to appear: "
                + "\(TextShaping.count(window.leftForGrace, "later commit")) left out for that"
                + (window.leftForCap > 0
                    ? "; \(TextShaping.count(window.leftForCap, "earlier commit")) left out by the commit cap" : "")
                + ".",
        ]
        let truth = result.truth
        let inWindow = truth.commits.intersection(window.commits)
        let sources = FixInducingSource.allCases.map { source in
            "\(truth.commits(from: source).intersection(window.commits).count) \(sourceName(source))"
        }
        lines.append(
            "Fix-inducing: \(inWindow.count) of \(window.commits.count) "
                + "(\(ReportText.percent(result.overall.baseRate, decimals: 1)) base rate) — \(sources.joined(separator: ", ")); "
                + "a commit can have several sources.")
        if let tooSmall = result.tooSmall {
            lines.append("Too small to judge: \(tooSmall); `guards mine` records nothing from a window like this.")
        }
        return lines
    }

    static func sourceName(_ source: FixInducingSource) -> String {
        switch source {
        case .fixesTrailer: "named by a Fixes: trailer"
        case .reverted: "reverted"
        case .szz: "by SZZ (a later fix removed a line they added)"
        }
    }

    static func verdict(_ result: BacktestResult) -> String {
        if result.tooSmall != nil {
            return "The window is too small to rank the kinds: pass an earlier --cut or a shorter --grace."
        }
        let below = result.kindsBelowThreshold
        let over = result.overBudget.sorted()
        return
            (below.isEmpty
            ? "No kind that flagged commits fell below lift \(ReportText.fixed(result.liftThreshold, 2))."
            : "Below lift \(ReportText.fixed(result.liftThreshold, 2)) here, so `guards mine` proposes them at notice: "
                + below.joined(separator: ", ") + ".")
            + (over.isEmpty
                ? ""
                : " Over the \(ReportText.percent(result.alarmBudget)) alarm budget beside kinds that pay more, so at notice: "
                    + over.joined(separator: ", ") + ".")
    }

    /// The shipped set's row name: what runs at warning or above once the lift and the budget have spoken.
    static func shippedName(_ result: BacktestResult) -> String {
        "shipped set (warning+, ≤ \(ReportText.percent(result.alarmBudget)) alarms)"
    }
}
