import HindsightCore

/// One figure of `hindsight health` over its periods: a small line chart, a point per period with
/// its value in a tooltip, provisional periods drawn hollow, periods without a value left as gaps.
struct HTMLHealthChart {
    /// The chart's id and title.
    let id: String
    let title: String
    /// What the y axis counts.
    let unit: String
    /// Per period: its label, the value (nil: none), and whether it is provisional.
    let points: [(label: String, value: Double?, isProvisional: Bool)]
    /// Whether values are shares, drawn as percents.
    let isShare: Bool

    func render() -> String {
        guard points.contains(where: { $0.value != nil }) else { return HTMLPage.none("No value in these periods.") }
        let frame = ChartFrame(width: 420, height: 220, left: 52, right: 14, top: 12, bottom: 44)
        let scaled = points.map { point in point.value.map { isShare ? $0 * 100 : $0 } }
        let scale = ChartScale.linear(
            maximum: scaled.compactMap { $0 }.max() ?? 0, start: frame.plotBottom, end: frame.plotTop, count: 4,
            minimumUpper: isShare ? 1 : 4)
        let step = (frame.plotRight - frame.plotLeft) / Double(max(points.count - 1, 1))
        func x(_ index: Int) -> Double { frame.plotLeft + Double(index) * step }
        let every = max(1, Int((Double(points.count) / 6).rounded(.up)))
        let ticks = points.indices.filter { $0 % every == 0 }.map { (x: x($0), label: points[$0].label) }
        var parts = [
            frame.open(id: id, title: title), frame.yAxis(scale, label: unit),
            frame.xAxis(ticks: ticks, label: ""),
        ]
        // One polyline per run of periods with a value, so a gap stays a gap.
        var run: [String] = []
        func closeRun() {
            if run.count > 1 { parts.append("<polyline class=\"trend\" points=\"\(run.joined(separator: " "))\"/>") }
            run = []
        }
        for (index, value) in scaled.enumerated() {
            guard let value else {
                closeRun()
                continue
            }
            run.append("\(SVG.number(x(index))),\(SVG.number(scale.position(value)))")
        }
        closeRun()
        for (index, point) in points.enumerated() {
            guard let value = scaled[index] else { continue }
            let shown = isShare ? HTMLFormat.percent(value / 100, digits: 1) : HTMLFormat.decimal(value, digits: 0)
            let note = point.isProvisional ? " (provisional)" : ""
            parts.append(
                "<circle class=\"point\(point.isProvisional ? " provisional" : "")\" cx=\"\(SVG.number(x(index)))\" "
                    + "cy=\"\(SVG.number(scale.position(value)))\" r=\"3\"><title>\(point.label.htmlEscaped): "
                    + "\(shown)\(note)</title></circle>")
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }
}
