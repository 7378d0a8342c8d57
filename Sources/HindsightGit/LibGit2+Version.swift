import CLibGit2
import HindsightCore

extension LibGit2Build {
    /// The linked libgit2, as `git_libgit2_version` and `git_libgit2_features` report it.
    public static var linked: LibGit2Build {
        GitLibrary.ensureInitialized()
        let features = UInt32(bitPattern: git_libgit2_features())
        let has = { (feature: git_feature_t) in features & feature.rawValue != 0 }
        return LibGit2Build(
            version: GitLibrary.version, hasThreads: has(GIT_FEATURE_THREADS), hasHTTPS: has(GIT_FEATURE_HTTPS),
            hasSSH: has(GIT_FEATURE_SSH), hasNanoseconds: has(GIT_FEATURE_NSEC))
    }
}
