import Foundation

/// The frame shared by the report's SVG charts: size, margins and axis drawing.
struct ChartFrame {
    var width = 600.0
    var height = 340.0
    var left = 56.0
    var right = 20.0
    var top = 16.0
    var bottom = 52.0

    var plotLeft: Double { left }
    var plotRight: Double { width - right }
    var plotTop: Double { top }
    var plotBottom: Double { height - bottom }

    /// The opening `<svg>` tag with an accessible title.
    func open(id: String, title: String) -> String {
        """
        <svg viewBox="0 0 \(Int(width)) \(Int(height))" role="img" aria-labelledby="\(id)-title" \
        preserveAspectRatio="xMidYMid meet">
        <title id="\(id)-title">\(title.htmlEscaped)</title>
        """
    }

    /// Horizontal grid lines and labels for `ticks` on the y axis, plus the axis title.
    func yAxis(_ scale: ChartScale, label: String) -> String {
        var parts = ["<g class=\"grid\">"]
        for tick in scale.ticks {
            let y = SVG.number(scale.position(tick))
            parts.append(
                "<line x1=\"\(SVG.number(plotLeft))\" x2=\"\(SVG.number(plotRight))\" y1=\"\(y)\" y2=\"\(y)\"/>")
            parts.append(
                "<text class=\"tick\" x=\"\(SVG.number(plotLeft - 8))\" y=\"\(y)\" dy=\"0.32em\" text-anchor=\"end\">\(scale.label(tick))</text>"
            )
        }
        let middle = SVG.number((plotTop + plotBottom) / 2)
        parts.append(
            "<text class=\"axis-label\" transform=\"translate(14 \(middle)) rotate(-90)\" text-anchor=\"middle\">\(label.htmlEscaped)</text>"
        )
        parts.append("</g>")
        return parts.joined(separator: "\n")
    }

    /// The x-axis baseline with tick marks and labels at the given positions, plus the axis title.
    func xAxis(ticks: [(x: Double, label: String)], label: String) -> String {
        let base = SVG.number(plotBottom)
        var parts = [
            "<g class=\"axis\">",
            "<line x1=\"\(SVG.number(plotLeft))\" x2=\"\(SVG.number(plotRight))\" y1=\"\(base)\" y2=\"\(base)\"/>",
        ]
        for tick in ticks {
            let x = SVG.number(tick.x)
            parts.append("<line x1=\"\(x)\" x2=\"\(x)\" y1=\"\(base)\" y2=\"\(SVG.number(plotBottom + 5))\"/>")
            parts.append(
                "<text class=\"tick\" x=\"\(x)\" y=\"\(SVG.number(plotBottom + 18))\" text-anchor=\"middle\">\(tick.label.htmlEscaped)</text>"
            )
        }
        let centre = SVG.number((plotLeft + plotRight) / 2)
        parts.append(
            "<text class=\"axis-label\" x=\"\(centre)\" y=\"\(SVG.number(height - 8))\" text-anchor=\"middle\">\(label.htmlEscaped)</text>"
        )
        parts.append("</g>")
        return parts.joined(separator: "\n")
    }
}

/// A map from data values to SVG coordinates, linear or base-10 logarithmic, with round ticks.
struct ChartScale {
    let lower: Double
    let upper: Double
    let start: Double
    let end: Double
    let isLogarithmic: Bool
    let ticks: [Double]

    /// A linear scale from 0 to a round number at or above `maximum`, with about `count` ticks.
    static func linear(
        maximum: Double, start: Double, end: Double, count: Int = 5, minimumUpper: Double = 1
    ) -> ChartScale {
        let target = max(maximum, minimumUpper)
        let step = niceStep(target / Double(max(count, 1)))
        let upper = (target / step).rounded(.up) * step
        let ticks = (0...Int((upper / step).rounded())).map { Double($0) * step }
        return ChartScale(lower: 0, upper: upper, start: start, end: end, isLogarithmic: false, ticks: ticks)
    }

    /// A log scale spanning whole decades around `minimum`…`maximum` (both clamped to at least 1).
    static func logarithmic(minimum: Double, maximum: Double, start: Double, end: Double) -> ChartScale {
        var low = 1.0
        while low * 10 <= max(minimum, 1) { low *= 10 }
        var high = low * 10
        while high < maximum { high *= 10 }
        var decades: [Double] = []
        var value = low
        while value <= high * 1.000_001 {
            decades.append(value)
            value *= 10
        }
        let stride = decades.count > 7 ? 2 : 1
        let ticks = decades.enumerated().filter { $0.offset % stride == 0 }.map(\.element)
        return ChartScale(lower: low, upper: high, start: start, end: end, isLogarithmic: true, ticks: ticks)
    }

    /// The coordinate of `value`, clamped to the scale's range.
    func position(_ value: Double) -> Double {
        let fraction: Double
        if isLogarithmic {
            let clamped = min(max(value, lower), upper)
            fraction = (log10(clamped) - log10(lower)) / (log10(upper) - log10(lower))
        } else {
            fraction = upper > lower ? (min(max(value, lower), upper) - lower) / (upper - lower) : 0
        }
        return start + (end - start) * fraction
    }

    /// A short tick label: `0`, `2.5`, `400`, `10k`, `1M`.
    func label(_ value: Double) -> String {
        if value >= 1_000_000 {
            return HTMLFormat.decimal(
                value / 1_000_000, digits: value.truncatingRemainder(dividingBy: 1_000_000) == 0 ? 0 : 1) + "M"
        }
        if value >= 1_000 {
            return HTMLFormat.decimal(value / 1_000, digits: value.truncatingRemainder(dividingBy: 1_000) == 0 ? 0 : 1)
                + "k"
        }
        // Ticks are multiples of a step like 0.2, which floating point leaves a hair off (0.6000000001).
        func isWhole(_ x: Double) -> Bool { abs(x - x.rounded()) < 1e-9 }
        return HTMLFormat.decimal(value, digits: isWhole(value) ? 0 : (isWhole(value * 10) ? 1 : 2))
    }

    /// 1, 2, 2.5 or 5 times a power of ten, at or above `rough`.
    static func niceStep(_ rough: Double) -> Double {
        guard rough > 0, rough.isFinite else { return 1 }
        var magnitude = 1.0
        while magnitude > rough { magnitude /= 10 }
        while magnitude * 10 <= rough { magnitude *= 10 }
        for factor in [1.0, 2.0, 2.5, 5.0, 10.0] where magnitude * factor >= rough { return magnitude * factor }
        return magnitude * 10
    }
}

/// Small SVG text helpers.
enum SVG {
    /// A coordinate with one decimal, ASCII digits only.
    static func number(_ value: Double) -> String { HTMLFormat.raw(value, digits: 1) }
}
