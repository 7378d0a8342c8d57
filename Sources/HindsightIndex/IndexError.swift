import Foundation
import HindsightCore

/// Errors from opening, locking or reading the history index.
public enum IndexError: Error, Equatable, Sendable {
    /// The file is not a hindsight index, or SQLite found it damaged.
    case corrupt(path: String, detail: String)
    /// The index was written by a newer hindsight with a schema this one does not know.
    case newerSchema(path: String)
    /// Another `hindsight mine` holds the index lock.
    case busy(path: String)
    /// No index yet where one is required.
    case missing(path: String)
    /// The index directory or file cannot be created or written.
    case unwritable(path: String, detail: String)
}

extension IndexError: UserFacingError {
    public var description: String {
        switch self {
        case .corrupt(let path, let detail):
            "the index at \(path) is damaged (\(detail)). Run `hindsight mine --rebuild` to build it again."
        case .newerSchema(let path):
            "the index at \(path) was written by a newer hindsight. Upgrade hindsight, or run `hindsight mine --rebuild`."
        case .busy(let path):
            "another hindsight is updating the index at \(path). Wait for it to finish, then run this again."
        case .missing(let path):
            "no index at \(path). Run `hindsight mine` first."
        case .unwritable(let path, let detail):
            "cannot write the index at \(path): \(detail). Check the directory's permissions and free space."
        }
    }

    public var exitStatus: ExitStatus { .repository }
}
