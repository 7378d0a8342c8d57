/// The documented exit statuses of `hindsight`.
public enum ExitStatus: Int32, Sendable {
    /// Success.
    case ok = 0
    /// Findings at or above the fail level (`check`), stale output (`context --check`), or a problem `doctor` found.
    case findings = 1
    /// A usage or configuration error.
    case usage = 2
    /// A repository problem: not a repository, shallow, corrupt object or index.
    case repository = 3
    /// A bug in hindsight itself.
    case internalError = 4
}

/// An error the user can act on: a one-line message (what went wrong, then the fix) and an exit status.
public protocol UserFacingError: Error, CustomStringConvertible {
    /// The status the command line exits with when this error ends a command.
    var exitStatus: ExitStatus { get }
}
