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
    static func date(_ seconds: Int64) -> String {
        let (year, month, day) = civilDate(days: floorDivide(seconds, secondsPerDay))
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }

    /// The UTC month of `seconds` since the epoch, as `yyyy-MM`.
    static func month(_ seconds: Int64) -> String {
        let (year, month, _) = civilDate(days: floorDivide(seconds, secondsPerDay))
        return "\(padded(year, 4))-\(padded(month, 2))"
    }

    /// Year, month (1…12) and day (1…31) of a day count since 1970-01-01 (H. Hinnant's algorithm).
    static func civilDate(days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = floorDivide(shifted, 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Days since 1970-01-01 of a calendar date (the inverse of `civilDate(days:)`).
    static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let adjustedYear = month <= 2 ? year - 1 : year
        let era = floorDivide(adjustedYear, 400)
        let yearOfEra = adjustedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Division rounding towards negative infinity.
    static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }

    private static func padded(_ value: Int64, _ width: Int) -> String {
        let text = String(value.magnitude)
        return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
