import CLibGit2
import HindsightCore

/// The repository's `.mailmap` (and `mailmap.file`/`mailmap.blob`), loaded once.
public final class Mailmap {
    private let handle: OpaquePointer?

    /// Loads the mailmap the way git does for this repository; an absent one maps nothing.
    public init(repository: GitRepository) throws(GitError) {
        var raw: OpaquePointer?
        try check(git_mailmap_from_repository(&raw, repository.handle), "load .mailmap")
        handle = raw
    }

    deinit { git_mailmap_free(handle) }

    /// The canonical name and email for `person`.
    public func resolve(_ person: Person) -> Person {
        // libgit2 may hand back the input pointers, so copy the results while they are alive.
        person.name.withCString { rawName in
            person.email.withCString { rawEmail in
                var name: UnsafePointer<CChar>?
                var email: UnsafePointer<CChar>?
                guard git_mailmap_resolve(&name, &email, handle, rawName, rawEmail) == 0 else { return person }
                return Person(
                    name: name.map { String(cString: $0) } ?? person.name,
                    email: email.map { String(cString: $0) } ?? person.email
                )
            }
        }
    }
}
