import Foundation

/// The one way hindsight writes a file: to a temporary file in the same directory, flushed to disk,
/// then renamed over the target, so a reader (or a crash) never sees half a file. A file that
/// already exists keeps its permissions unless `permissions` says otherwise.
public enum AtomicFile {
    /// Writes `data` to `url`, creating its directory when `createDirectory`.
    ///
    /// - Parameter permissions: the new file's mode (`0o755` for a hook); nil keeps an existing
    ///   file's mode, or gives a new one the default.
    public static func write(_ data: Data, to url: URL, permissions: Int? = nil, createDirectory: Bool = false) throws {
        let directory = url.deletingLastPathComponent()
        if createDirectory { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) }
        let existing = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.posixPermissions] as? Int
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        let attributes = (permissions ?? existing).map { [FileAttributeKey.posixPermissions: $0] }
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil, attributes: attributes) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        do {
            let handle = try FileHandle(forWritingTo: temporary)
            defer { try? handle.close() }
            try handle.write(contentsOf: data)
            try handle.synchronize()
            guard rename(temporary.path, url.path) == 0 else {
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}
