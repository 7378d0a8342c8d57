import Foundation

/// A name and email as they appear in a commit's author or committer line.
public struct Person: Hashable, Sendable {
    /// The display name.
    public var name: String
    /// The email address, without angle brackets.
    public var email: String

    /// A person from a name and an email.
    public init(name: String, email: String) {
        self.name = name
        self.email = email
    }
}

/// A point in time with the UTC offset it was recorded in, as git stores it.
public struct GitTime: Hashable, Sendable {
    /// Seconds since the Unix epoch.
    public var seconds: Int64
    /// The recorded offset from UTC in minutes (`+0130` is 90).
    public var offsetMinutes: Int32

    /// A time from seconds since the epoch and an offset in minutes.
    public init(seconds: Int64, offsetMinutes: Int32) {
        self.seconds = seconds
        self.offsetMinutes = offsetMinutes
    }

    /// The instant as a `Date`.
    public var date: Date { Date(timeIntervalSince1970: TimeInterval(seconds)) }
}
