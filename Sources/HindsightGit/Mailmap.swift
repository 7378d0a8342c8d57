import CLibGit2
import Foundation
import HindsightCore

/// The repository's `.mailmap` (and `mailmap.file`/`mailmap.blob`), loaded once.
public final class Mailmap {
    private let handle: OpaquePointer?
    /// A hash of every source libgit2 reads the mailmap from (the work tree's `.mailmap`,
    /// `mailmap.blob` or a bare repository's `HEAD:.mailmap`, `mailmap.file`): equal while the
    /// mapping cannot have changed, so the index re-maps its people only when it differs.
    public let fingerprint: String

    /// Loads the mailmap the way git does for this repository; an absent one maps nothing.
    public init(repository: GitRepository) throws(GitError) {
        var raw: OpaquePointer?
        try check(git_mailmap_from_repository(&raw, repository.handle), "load .mailmap")
        handle = raw
        fingerprint = Self.fingerprint(of: repository)
    }

    private static func fingerprint(of repository: GitRepository) -> String {
        var hash = FNV1a64()
        func add(_ label: String, _ bytes: [UInt8]?) {
            hash.add(Array(label.utf8) + [0])
            hash.add(bytes.map { Array(String($0.count).utf8) + [0] + $0 } ?? [0xff])
        }
        if let workTree = repository.workTree {
            add(
                "work tree",
                FileManager.default.contents(atPath: workTree.appendingPathComponent(".mailmap").path).map(Array.init))
        }
        let blob = repository.configValue("mailmap.blob") ?? (repository.isBare ? "HEAD:.mailmap" : nil)
        add("blob", blob.flatMap { objectID(of: $0, in: repository) }.map { Array($0.utf8) })
        if let file = repository.configValue("mailmap.file") {
            add(
                "file " + file,
                FileManager.default.contents(atPath: (file as NSString).expandingTildeInPath).map(Array.init))
        }
        return String(hash.value, radix: 16)
    }

    private static func objectID(of revision: String, in repository: GitRepository) -> String? {
        var object: OpaquePointer?
        guard git_revparse_single(&object, repository.handle, revision) == 0, let object else { return nil }
        defer { git_object_free(object) }
        return git_object_id(object).map { $0.pointee.commitID.hex }
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
