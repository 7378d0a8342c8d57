/// The name an export gives a repository in every row: stable across clones and machines, so a
/// fleet's exports join, and never carrying credentials a remote URL may hold.
public enum RepositoryIdentity {
    /// `host/owner/name` from a remote URL (`https://user:token@github.com/o/n.git`,
    /// `git@github.com:o/n.git`, `ssh://git@host:22/o/n`), or nil when it names no host and path.
    public static func fromRemote(_ url: String) -> String? {
        var rest = Substring(url.trimmingCharacters(in: .whitespaces))
        if let scheme = rest.range(of: "://") {
            rest = rest[scheme.upperBound...]
        } else if let colon = rest.firstIndex(of: ":"), !rest[..<colon].contains("/") {
            // scp-like: [user@]host:path
            rest = rest[..<colon] + "/" + rest[rest.index(after: colon)...]
        } else {
            return nil  // a local path: no identity beyond this machine
        }
        if let at = rest.firstIndex(of: "@"), rest[..<at].firstIndex(of: "/") == nil {
            rest = rest[rest.index(after: at)...]
        }
        guard let slash = rest.firstIndex(of: "/") else { return nil }
        var host = rest[..<slash]
        if let port = host.firstIndex(of: ":") { host = host[..<port] }
        var path = rest[rest.index(after: slash)...]
        while path.hasSuffix("/") { path = path.dropLast() }
        if path.hasSuffix(".git") { path = path.dropLast(4) }
        guard !host.isEmpty, !path.isEmpty else { return nil }
        return (host + "/" + path).lowercased()
    }
}
