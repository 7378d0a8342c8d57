/// The libgit2 this hindsight runs on: its version and the optional features it was built with.
public struct LibGit2Build: Sendable, Equatable {
    /// `major.minor.patch`.
    public var version: String
    /// Safe to use from several threads at once (hindsight's parallel mining needs it).
    public var hasThreads: Bool
    /// Can reach HTTPS remotes (hindsight never fetches; listed for bug reports).
    public var hasHTTPS: Bool
    /// Can reach SSH remotes (likewise never used by hindsight).
    public var hasSSH: Bool
    /// Reads file times to the nanosecond, which keeps git's index checks exact.
    public var hasNanoseconds: Bool

    /// A build from its parts.
    public init(version: String, hasThreads: Bool, hasHTTPS: Bool, hasSSH: Bool, hasNanoseconds: Bool) {
        self.version = version
        self.hasThreads = hasThreads
        self.hasHTTPS = hasHTTPS
        self.hasSSH = hasSSH
        self.hasNanoseconds = hasNanoseconds
    }
}
