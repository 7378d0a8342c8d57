import HindsightCore

/// Errors from reading a repository through libgit2.
public enum GitError: Error, Equatable, Sendable {
    /// No repository at or above the given path.
    case notARepository(path: String)
    /// A commit, tree or blob could not be read.
    case corruptObject(id: String, detail: String)
    /// A blob the object store lacks (a damaged disk, or a copy trimmed of its largest files).
    case missingBlob(id: String)
    /// A revision the user named does not resolve to a commit.
    case unknownRevision(String)
    /// A partial clone, whose missing objects libgit2 cannot fetch.
    case partialClone(path: String)
    /// Any other libgit2 failure, with libgit2's own words.
    case libgit2(action: String, code: Int32, message: String)
    /// libgit2 reported success but returned no object.
    case unexpectedNil(String)
}

extension GitError: UserFacingError {
    public var description: String {
        switch self {
        case .notARepository(let path):
            "not a git repository: \(path). Run hindsight inside a repository, or pass --repo PATH."
        case .corruptObject(let id, let detail):
            "cannot read object \(id): \(detail). The repository may be corrupt; run `git fsck` to check it."
        case .missingBlob(let id):
            "blob \(id) is missing from the object store. Run `git fsck` if the repository may be damaged; "
                + "to mine a copy trimmed on purpose, set `history: {missingBlobs: binary}` in .hindsight.yml."
        case .unknownRevision(let spec):
            "unknown revision '\(spec)': it names no commit here. Check the name with `git rev-parse \(spec)`."
        case .partialClone(let path):
            "\(path) is a partial clone (--filter), whose missing objects libgit2 cannot fetch. "
                + "Use a full clone: `git fetch --refetch --filter=` or clone again without --filter."
        case .libgit2(let action, let code, let message):
            "libgit2 failed to \(action) (error \(code)): \(message)"
        case .unexpectedNil(let call):
            "libgit2 returned no object from \(call). Please report this."
        }
    }

    public var exitStatus: ExitStatus {
        switch self {
        case .notARepository, .corruptObject, .missingBlob, .unknownRevision, .partialClone, .libgit2: .repository
        case .unexpectedNil: .internalError
        }
    }
}
