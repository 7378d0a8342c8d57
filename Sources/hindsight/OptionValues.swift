import ArgumentParser
import Foundation
import HindsightCore
import HindsightOutput

/// `check --fail-on`: exit 1 on findings at or above a severity, or never.
enum FailLevel: Equatable {
    case never
    case at(Severity)

    /// The lowest severity that fails the check; nil for never.
    var threshold: Severity? {
        switch self {
        case .never: nil
        case .at(let severity): severity
        }
    }

    /// Parses `error`, `warning`, `notice` or `never`.
    static func parse(_ text: String) throws -> FailLevel {
        if text == "never" { return .never }
        guard let severity = Severity(rawValue: text) else {
            throw ValidationError("--fail-on takes error, warning, notice or never (got '\(text)').")
        }
        return .at(severity)
    }
}

/// `check --format`: a findings format, or `auto` (the CI's annotations on GitHub Actions, else text).
enum FindingsFormatChoice: Equatable {
    case auto
    case fixed(FindingsFormat)

    /// Parses `auto` or a findings format's name.
    static func parse(_ text: String) throws -> FindingsFormatChoice {
        if text == "auto" { return .auto }
        guard let format = FindingsFormat(rawValue: text) else {
            let names = FindingsFormat.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("--format takes auto, \(names) (got '\(text)').")
        }
        return .fixed(format)
    }
}

/// `--as-of`: the moment ages count from, in seconds since the epoch.
enum AsOfDate {
    /// Parses a date (`2024-01-31`) or a UTC time (`2024-01-31T12:00:00Z`).
    static func parse(_ text: String) throws -> Int64 {
        guard case .since(let seconds, _) = TimeWindow(parsing: text) else {
            throw ValidationError("--as-of takes a date like 2024-01-31 or 2024-01-31T12:00:00Z (got '\(text)').")
        }
        return seconds
    }
}

/// `report --since`: a date or a span back from now.
enum SinceWindow {
    /// Parses `2024-01-31` or a span such as `90d`, `12w`, `6m`, `2y`.
    static func parse(_ text: String) throws -> TimeWindow {
        guard let window = TimeWindow(parsing: text) else {
            throw ValidationError(
                "--since takes a date like 2024-01-31 or a span like 90d, 12w, 6m, 2y (got '\(text)').")
        }
        return window
    }
}

/// `report --class`: file classes, comma-separated (the option may also repeat).
enum FileClassList {
    /// Parses `hotspot,churning` into the classes, any case.
    static func parse(_ text: String) throws -> [FileClass] {
        try text.split(separator: ",").map { name in
            let trimmed = name.trimmingCharacters(in: .whitespaces).lowercased()
            guard let value = FileClass(rawValue: trimmed) else {
                let names = FileClass.allCases.map(\.rawValue).joined(separator: ", ")
                throw ValidationError("unknown class '\(name)'; use one of \(names).")
            }
            return value
        }
    }
}
