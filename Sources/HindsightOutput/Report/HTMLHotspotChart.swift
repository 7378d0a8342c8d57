import HindsightCore

/// The hotspot scatter: churn (x) against bug score (y), one circle per file, coloured by class.
struct HTMLHotspotChart {
    /// Files plotted, in report order.
    let files: [FileReport]
    /// Churn spans at least this ratio (max over smallest positive) before the x axis turns logarithmic.
    var logarithmicRatio = 100.0
    /// How many of the highest bug scores get a name next to their circle.
    var labelledFiles = 3

    /// The chart panel's body: the SVG and its legend, or a "none" note without files.
    func render() -> String {
        guard !files.isEmpty else { return HTMLPage.none("No files to plot.") }
        let frame = ChartFrame()
        let xScale = churnScale(frame)
        let yScale = ChartScale.linear(
            maximum: files.map(\.bugScore).max() ?? 0, start: frame.plotBottom, end: frame.plotTop,
            count: 5, minimumUpper: 1)
        let maxCommits = Double(max(files.map(\.commits).max() ?? 1, 1))
        let xTicks = xScale.ticks.map { (x: xScale.position($0), label: xScale.label($0)) }
        var parts = [
            frame.open(id: "hotspots", title: "Churn against bug score, one circle per file"),
            frame.yAxis(yScale, label: "bug score"),
            frame.xAxis(ticks: xTicks, label: xScale.isLogarithmic ? "churn, lines (log scale)" : "churn, lines"),
            "<g class=\"dots\">",
        ]
        for file in files {
            let radius = radius(file, maxCommits: maxCommits)
            let figures =
                "churn \(HTMLFormat.integer(file.churn)) lines · bug score \(HTMLFormat.decimal(file.bugScore, digits: 2))"
                + " · \(file.commits) commits · \(file.classification.fileClass.rawValue)"
            parts.append(
                "<circle class=\"dot k-\(file.classification.fileClass.rawValue)\" cx=\"\(SVG.number(xScale.position(Double(file.churn))))\" "
                    + "cy=\"\(SVG.number(yScale.position(file.bugScore)))\" r=\"\(SVG.number(radius))\">"
                    + "<title>\(file.path.string.htmlEscaped)\n\(figures)</title></circle>")
        }
        parts.append("</g>")
        parts.append(labels(frame: frame, x: xScale, y: yScale, maxCommits: maxCommits))
        parts.append("</svg>")
        parts.append(legend(isLogarithmic: xScale.isLogarithmic))
        return parts.joined(separator: "\n")
    }

    /// Linear churn axis, or logarithmic when the churn of the files spans a wide range.
    private func churnScale(_ frame: ChartFrame) -> ChartScale {
        let churns = files.map { Double($0.churn) }
        let maximum = churns.max() ?? 0
        let smallest = churns.filter { $0 > 0 }.min() ?? 1
        if maximum / max(smallest, 1) >= logarithmicRatio {
            return .logarithmic(minimum: smallest, maximum: maximum, start: frame.plotLeft, end: frame.plotRight)
        }
        return .linear(maximum: maximum, start: frame.plotLeft, end: frame.plotRight, count: 6, minimumUpper: 10)
    }

    /// File names next to the circles with the highest bug scores, each where it covers no circle and no other name.
    private func labels(frame: ChartFrame, x: ChartScale, y: ChartScale, maxCommits: Double) -> String {
        let circles = files.map { file in
            ChartLabelPlacer.Circle(
                x: x.position(Double(file.churn)), y: y.position(file.bugScore),
                radius: radius(file, maxCommits: maxCommits))
        }
        let ranked = files.indices
            .filter { files[$0].bugScore > 0 }
            .sorted { (files[$1].bugScore, $0) < (files[$0].bugScore, $1) }
            .prefix(labelledFiles)
        var placer = ChartLabelPlacer(
            circles: circles, bounds: (left: frame.plotLeft, top: 0, right: frame.plotRight, bottom: frame.plotBottom))
        var parts = ["<g class=\"dot-labels\" aria-hidden=\"true\">"]
        for index in ranked {
            let name = String(decoding: files[index].path.baseName, as: UTF8.self)
            guard let spot = placer.place(name, at: circles[index]) else { continue }
            parts.append(
                "<text class=\"dot-label\" x=\"\(SVG.number(spot.x))\" y=\"\(SVG.number(spot.y))\" dy=\"0.32em\" "
                    + "text-anchor=\"\(spot.anchor)\">\(name.htmlEscaped)</text>")
        }
        parts.append("</g>")
        return parts.joined(separator: "\n")
    }

    /// A circle's radius: 4 to 10, by the square root of its share of the most commits.
    private func radius(_ file: FileReport, maxCommits: Double) -> Double {
        4 + 6 * (Double(file.commits) / maxCommits).squareRoot()
    }

    private func legend(isLogarithmic: Bool) -> String {
        let present = Set(files.map(\.classification.fileClass))
        let keys = FileClass.allCases.filter(present.contains).map {
            "<li><span class=\"swatch k-\($0.rawValue)\"></span>\($0.rawValue)</li>"
        }
        return "<ul class=\"legend\">\(keys.joined())<li class=\"note\">circle size: commits</li></ul>"
    }
}
