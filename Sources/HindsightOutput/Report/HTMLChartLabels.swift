/// Places short text labels next to chart circles so that no label covers a circle, another label or the frame.
struct ChartLabelPlacer {
    /// A circle on the chart, in SVG coordinates.
    struct Circle: Equatable {
        var x: Double
        var y: Double
        var radius: Double
    }

    /// A placed label: the text's anchor point and its `text-anchor`.
    struct Placement: Equatable {
        var x: Double
        var y: Double
        var anchor: String
    }

    /// Every circle drawn; labels keep clear of all of them.
    let circles: [Circle]
    /// The area labels must stay inside: left, top, right, bottom.
    let bounds: (left: Double, top: Double, right: Double, bottom: Double)
    /// The width of one character of the label font (11px monospace is about 6.6).
    var characterWidth = 6.6
    /// The height of a label line.
    var lineHeight = 13.0
    /// Space kept between a label and the circle it names.
    var gap = 4.0

    private var placed: [Box] = []

    init(circles: [Circle], bounds: (left: Double, top: Double, right: Double, bottom: Double)) {
        self.circles = circles
        self.bounds = bounds
    }

    /// Where `text` goes next to `circle`: right, left, above or below, the first spot that overlaps
    /// nothing; nil when every spot does (the circle's tooltip still names it).
    mutating func place(_ text: String, at circle: Circle) -> Placement? {
        let width = Double(text.count) * characterWidth
        let half = lineHeight / 2
        let reach = circle.radius + gap
        let candidates = [
            (Box(left: circle.x + reach, top: circle.y - half, width: width, height: lineHeight), "start"),
            (Box(left: circle.x - reach - width, top: circle.y - half, width: width, height: lineHeight), "end"),
            (
                Box(left: circle.x - width / 2, top: circle.y - reach - lineHeight, width: width, height: lineHeight),
                "middle"
            ),
            (Box(left: circle.x - width / 2, top: circle.y + reach, width: width, height: lineHeight), "middle"),
        ]
        for (box, anchor) in candidates where isClear(box) {
            placed.append(box)
            let x = anchor == "start" ? box.left : anchor == "end" ? box.left + box.width : box.left + width / 2
            return Placement(x: x, y: box.top + half, anchor: anchor)
        }
        return nil
    }

    private func isClear(_ box: Box) -> Bool {
        box.left >= bounds.left && box.left + box.width <= bounds.right && box.top >= bounds.top
            && box.top + box.height <= bounds.bottom
            && !circles.contains(where: box.touches)
            && !placed.contains(where: box.overlaps)
    }

    /// A label's rectangle.
    private struct Box {
        var left: Double
        var top: Double
        var width: Double
        var height: Double

        func touches(_ circle: Circle) -> Bool {
            let nearestX = min(max(circle.x, left), left + width)
            let nearestY = min(max(circle.y, top), top + height)
            let dx = circle.x - nearestX
            let dy = circle.y - nearestY
            return dx * dx + dy * dy < (circle.radius + 1) * (circle.radius + 1)
        }

        func overlaps(_ other: Box) -> Bool {
            left < other.left + other.width && other.left < left + width && top < other.top + other.height
                && other.top < top + height
        }
    }
}
