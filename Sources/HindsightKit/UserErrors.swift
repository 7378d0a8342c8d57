import HindsightCore

/// A mistake in what the user asked for, found while running (not while parsing): printed as one
/// line without the usage text, exit status 2.
public struct UsageError: UserFacingError {
    public let description: String

    /// An error with its one-line message.
    public init(_ description: String) {
        self.description = description
    }

    public var exitStatus: ExitStatus { .usage }
}

/// A problem with the repository itself found while running (a shallow clone where history is
/// needed): printed as one line with the fix, exit status 3.
public struct RepositoryProblem: UserFacingError {
    public let description: String

    /// A problem with its one-line message.
    public init(_ description: String) {
        self.description = description
    }

    public var exitStatus: ExitStatus { .repository }
}
