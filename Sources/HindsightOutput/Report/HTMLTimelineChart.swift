import HindsightCore

/// The timeline: a bar of commits per week with that week's fixes overlaid, on a calendar axis.
struct HTMLTimelineChart {
    /// Weeks, oldest first.
    let weeks: [WeekActivity]

    private static let monthNames = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]

    /// The chart panel's body: the SVG and its legend, or a "none" note when no week has commits.
    func render() -> String {
        guard let first = weeks.first?.start, let last = weeks.last?.start, weeks.contains(where: { $0.commits > 0 })
        else {
            return HTMLPage.none("No commits in the window.")
        }
        let frame = ChartFrame()
        let slots = Double(max(CalendarDate.floorDivide(last - first, HTMLFormat.secondsPerWeek) + 1, 1))
        let slotWidth = (frame.plotRight - frame.plotLeft) / slots
        let gap = slotWidth >= 4 ? slotWidth * 0.18 : 0
        let yScale = ChartScale.linear(
            maximum: Double(weeks.map(\.commits).max() ?? 0), start: frame.plotBottom,
            end: frame.plotTop, count: 5, minimumUpper: 4)
        let time = ChartTime(
            first: first, end: first + Int64(slots) * HTMLFormat.secondsPerWeek,
            left: frame.plotLeft, right: frame.plotRight)
        var parts = [
            frame.open(id: "timeline", title: "Commits per week, fixes overlaid"),
            frame.yAxis(yScale, label: "commits per week"),
            frame.xAxis(ticks: calendarTicks(time), label: "week (UTC)"),
            "<g class=\"bars\">",
        ]
        for week in weeks where week.commits > 0 {
            let width = min(max(slotWidth - gap, 1), 36)
            let x = time.position(week.start) + (slotWidth - width) / 2
            let top = yScale.position(Double(week.commits))
            let fixTop = yScale.position(Double(min(week.fixes, week.commits)))
            let fixes = week.fixes == 1 ? "1 fix" : "\(week.fixes) fixes"
            let commits = week.commits == 1 ? "1 commit" : "\(week.commits) commits"
            var group =
                "<g class=\"week\"><title>Week of \(HTMLFormat.date(week.start)): \(commits), \(fixes), "
                + "\(HTMLFormat.integer(week.churn)) lines changed</title>"
                + rect("bar", x: x, y: top, width: width, height: frame.plotBottom - top)
            if week.fixes > 0 {
                group += rect("fixbar", x: x, y: fixTop, width: width, height: frame.plotBottom - fixTop)
            }
            parts.append(group + "</g>")
        }
        parts.append("</g>")
        parts.append("</svg>")
        parts.append(
            "<ul class=\"legend\"><li><span class=\"swatch commits\"></span>commits</li>"
                + "<li><span class=\"swatch fixes\"></span>fix commits</li></ul>")
        return parts.joined(separator: "\n")
    }

    private func rect(_ kind: String, x: Double, y: Double, width: Double, height: Double) -> String {
        "<rect class=\"\(kind)\" x=\"\(SVG.number(x))\" y=\"\(SVG.number(y))\" width=\"\(SVG.number(width))\" "
            + "height=\"\(SVG.number(max(height, 0)))\" rx=\"\(SVG.number(min(width / 4, 2)))\"/>"
    }

    /// Ticks on month or year starts, spaced so that at most about seven are labelled.
    private func calendarTicks(_ time: ChartTime) -> [(x: Double, label: String)] {
        var months: [(start: Int64, year: Int64, month: Int64)] = []
        var (year, month, _) = CalendarDate.civilDate(
            days: CalendarDate.floorDivide(time.first, HTMLFormat.secondsPerDay))
        while true {
            let start = CalendarDate.days(year: year, month: month, day: 1) * HTMLFormat.secondsPerDay
            if start > time.end { break }
            if start >= time.first { months.append((start, year, month)) }
            (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
        }
        let step = [1, 2, 3, 6, 12, 24, 60, 120, 240].first { months.count / $0 <= 7 } ?? 480
        let chosen = months.filter { (($0.year * 12 + $0.month - 1) % Int64(step)) == 0 }
        guard !chosen.isEmpty else {
            return [(time.position(time.first), HTMLFormat.date(time.first))]
        }
        return chosen.map { entry in
            let label = step >= 12 ? String(entry.year) : "\(Self.monthNames[Int(entry.month - 1)]) \(entry.year)"
            return (time.position(entry.start), label)
        }
    }
}

/// A linear map from epoch seconds to x coordinates.
private struct ChartTime {
    let first: Int64
    let end: Int64
    let left: Double
    let right: Double

    func position(_ seconds: Int64) -> Double {
        guard end > first else { return left }
        return left + (right - left) * Double(seconds - first) / Double(end - first)
    }
}
