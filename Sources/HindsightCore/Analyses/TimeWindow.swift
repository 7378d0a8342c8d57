import Foundation

/// Where a report's window starts: a span back from now (`90d`, `12w`, `6m`, `2y`) or a date
/// (`2024-01-31`, UTC midnight, or a full ISO 8601 time).
public enum TimeWindow: Hashable, Sendable, CustomStringConvertible {
    /// The last `days` days.
    case last(days: Double, text: String)
    /// From this moment (seconds since the epoch).
    case since(Int64, text: String)

    /// Parses `90d`, `12w`, `6m`, `2y`, `2024-01-31` or `2024-01-31T12:00:00Z`; nil otherwise.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let unit = trimmed.last, let count = Double(trimmed.dropLast()), count >= 0 {
            let days: Double? =
                switch unit {
                case "d": count
                case "w": count * 7
                case "m": count * 30.436875
                case "y": count * 365.2425
                default: nil
                }
            if let days {
                self = .last(days: days, text: trimmed)
                return
            }
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = trimmed.count == 10 ? [.withFullDate] : [.withInternetDateTime]
        guard let date = formatter.date(from: trimmed) else { return nil }
        self = .since(Int64(date.timeIntervalSince1970), text: trimmed)
    }

    /// The first moment inside the window, for a report made at `now`.
    public func start(now: Int64) -> Int64 {
        switch self {
        case .last(let days, _): now - Int64(days * 86_400)
        case .since(let time, _): time
        }
    }

    /// The text it was parsed from.
    public var description: String {
        switch self {
        case .last(_, let text), .since(_, let text): text
        }
    }
}
