import CLibGit2
import Foundation

extension GitRepository {
    /// Whether libgit2 sees a shallow clone (a `shallow` file cutting history off).
    public var isShallow: Bool { git_repository_is_shallow(handle) == 1 }

    /// What makes this a partial clone: `extensions.partialclone`'s remote and every remote whose
    /// `remote.<name>.promisor` is true, sorted and without repeats; empty for a full clone.
    public var promisorRemotes: [String] {
        var remotes = Set<String>()
        if let remote = configValue("extensions.partialclone") { remotes.insert(remote) }
        var config: OpaquePointer?
        guard git_repository_config_snapshot(&config, handle) == 0, let config else { return remotes.sorted() }
        defer { git_config_free(config) }
        var iterator: OpaquePointer?
        guard git_config_iterator_glob_new(&iterator, config, "^remote\\..*\\.promisor$") == 0, let iterator else {
            return remotes.sorted()
        }
        defer { git_config_iterator_free(iterator) }
        var entry: UnsafeMutablePointer<git_config_entry>?
        while git_config_next(&entry, iterator) == 0, let current = entry?.pointee {
            guard let name = current.name, let value = current.value else { continue }
            var isTrue: Int32 = 0
            guard git_config_parse_bool(&isTrue, value) == 0, isTrue != 0 else { continue }
            let key = String(cString: name)
            remotes.insert(String(key.dropFirst("remote.".count).dropLast(".promisor".count)))
        }
        return remotes.sorted()
    }
}
