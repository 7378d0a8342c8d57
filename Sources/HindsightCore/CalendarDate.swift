/// UTC calendar dates computed from seconds since the epoch (Howard Hinnant's algorithms): no
/// formatter, locale or time zone database, so every format prints the same date for a moment.
public enum CalendarDate {
    /// The UTC calendar date of `seconds` since the epoch, as `yyyy-MM-dd`.
    public static func isoDate(_ seconds: Int64) -> String {
        let (year, month, day) = civilDate(days: floorDivide(seconds, 86_400))
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }

    /// The UTC month of `seconds` since the epoch, as `yyyy-MM`.
    public static func isoMonth(_ seconds: Int64) -> String {
        let (year, month, _) = civilDate(days: floorDivide(seconds, 86_400))
        return "\(padded(year, 4))-\(padded(month, 2))"
    }

    /// Year, month (1…12) and day (1…31) of a day count since 1970-01-01 (H. Hinnant's algorithm).
    public static func civilDate(days: Int64) -> (year: Int64, month: Int64, day: Int64) {
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
    public static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let adjustedYear = month <= 2 ? year - 1 : year
        let era = floorDivide(adjustedYear, 400)
        let yearOfEra = adjustedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Division rounding towards negative infinity.
    public static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }

    private static func padded(_ value: Int64, _ width: Int) -> String {
        let text = String(value.magnitude)
        return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - text.count)) + text
    }

    /// Midnight UTC of a `yyyy-MM-dd` date, or nil when it is not a real date (2023-02-30 is not).
    public static func midnight(ofISODate text: String) -> Int64? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count >= 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int64(parts[0]), let month = Int64(parts[1]), let day = Int64(parts[2]),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        let count = days(year: year, month: month, day: day)
        guard civilDate(days: count) == (year, month, day) else { return nil }
        return count * 86_400
    }

    /// An ISO 8601 UTC timestamp, `2024-01-31T12:00:00Z`. Computed, not formatted: a Foundation
    /// date formatter per value dominated large reports.
    public static func isoTimestamp(_ seconds: Int64) -> String {
        let secondOfDay = ((seconds % 86_400) + 86_400) % 86_400
        let clock = [secondOfDay / 3_600, secondOfDay / 60 % 60, secondOfDay % 60].map { padded($0, 2) }
        return isoDate(seconds) + "T" + clock.joined(separator: ":") + "Z"
    }

    /// The moment a `yyyy-MM-ddTHH:mm:ssZ` timestamp names, or nil when it is not one.
    public static func seconds(ofISOTimestamp text: String) -> Int64? {
        let parts = text.split(separator: "T", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].hasSuffix("Z"), let day = midnight(ofISODate: String(parts[0])) else {
            return nil
        }
        let clock = parts[1].dropLast().split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 3, clock.allSatisfy({ $0.count == 2 }), let hours = Int64(clock[0]),
            let minutes = Int64(clock[1]), let seconds = Int64(clock[2]), hours < 24, minutes < 60, seconds < 60
        else { return nil }
        return day + hours * 3_600 + minutes * 60 + seconds
    }
}
