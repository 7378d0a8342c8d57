import CLibGit2
import Foundation

extension GitRepository {
    /// A configuration value as git resolves it (repository, global and system files), or nil when unset.
    public func configValue(_ key: String) -> String? {
        var config: OpaquePointer?
        guard git_repository_config_snapshot(&config, handle) == 0, let config else { return nil }
        defer { git_config_free(config) }
        var value: UnsafePointer<CChar>?
        guard git_config_get_string(&value, config, key) == 0, let value else { return nil }
        return String(cString: value)
    }

    /// The directory git runs hooks from. libgit2 ignores `core.hooksPath`, so it is read here: `~/`
    /// expanded, a relative value taken from the work tree's root (where git runs hooks), else
    /// `hooks` in the common git directory, which linked worktrees share.
    public var hooksDirectory: URL {
        guard let configured = configValue("core.hooksPath"), !configured.isEmpty else {
            return commonDirectory.appendingPathComponent("hooks", isDirectory: true)
        }
        var path = configured
        if path == "~" || path.hasPrefix("~/") {
            path = (ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()) + path.dropFirst()
        }
        if path.hasPrefix("/") { return URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL }
        let base = workTree ?? gitDirectory
        return base.appendingPathComponent(path, isDirectory: true).standardizedFileURL
    }
}

extension GitRepository {
    /// Whether a merge is being concluded (`MERGE_HEAD` is set), as the commit-msg hook of `git merge`
    /// or of the commit after a conflicted merge sees it.
    public var isMerging: Bool { git_repository_state(handle) == Int32(GIT_REPOSITORY_STATE_MERGE.rawValue) }
}
