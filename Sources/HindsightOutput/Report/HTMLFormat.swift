import HindsightCore

/// Locale-free, byte-stable number and date text for the HTML report.
enum HTMLFormat {
    static let secondsPerDay: Int64 = 86_400
    static let secondsPerWeek: Int64 = 7 * 86_400

    /// `value` with thousands separators: `12,345`.
    static func integer(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { grouped += "," }
            grouped.append(digit)
        }
        return value < 0 ? "−" + grouped : grouped
    }

    /// `value` rounded to `digits` decimals (half away from zero); `grouped` adds thousands separators.
    static func decimal(_ value: Double, digits: Int, grouped: Bool = false, minus: String = "−") -> String {
        guard value.isFinite else { return "0" }
        var factor = 1.0
        for _ in 0..<max(digits, 0) { factor *= 10 }
        let scaled = (value.magnitude * factor).rounded()
        guard scaled < 9e18 else { return value < 0 ? minus + "∞" : "∞" }
        let units = Int64(scaled)
        let divisor = Int64(factor)
        let whole = Int(units / divisor)
        var text = grouped ? integer(whole) : String(whole)
        if digits > 0 {
            let fraction = String(units % divisor)
            text += "." + String(repeating: "0", count: digits - fraction.count) + fraction
        }
        return value < 0 && units != 0 ? minus + text : text
    }

    /// A plain number for `data-sort` and SVG coordinates: ASCII minus, no separators.
    static func raw(_ value: Double, digits: Int = 4) -> String {
        decimal(value, digits: digits, minus: "-")
    }

    /// A share (0…1) as a percentage: `67%`.
    static func percent(_ share: Double, digits: Int = 0) -> String {
        decimal(share * 100, digits: digits) + "%"
    }

    /// The UTC calendar date of `seconds` since the epoch, as `yyyy-MM-dd`.
    static func date(_ seconds: Int64) -> String { CalendarDate.isoDate(seconds) }

    /// The UTC month of `seconds` since the epoch, as `yyyy-MM`.
    static func month(_ seconds: Int64) -> String { CalendarDate.isoMonth(seconds) }
}
