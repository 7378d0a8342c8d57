import HindsightCore

/// A mistake in what the user asked for, found while running (not while parsing): printed as one
/// line without the usage text, exit status 2.
struct UsageError: UserFacingError {
    let description: String

    init(_ description: String) {
        self.description = description
    }

    var exitStatus: ExitStatus { .usage }
}

/// A problem with the repository itself found while running (a shallow clone where history is
/// needed): printed as one line with the fix, exit status 3.
struct RepositoryProblem: UserFacingError {
    let description: String

    init(_ description: String) {
        self.description = description
    }

    var exitStatus: ExitStatus { .repository }
}
