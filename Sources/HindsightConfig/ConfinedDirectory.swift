import Foundation

/// A directory under a root, opened component by component without following symbolic links (and
/// created where missing), so every file made through it lands inside the root whatever the tree holds.
final class ConfinedDirectory {
    private let descriptor: Int32
    private let path: String

    /// Opens (creating) `components` under `workTree`, refusing any that is a symbolic link.
    init(workTree: URL, components: [String]) throws {
        var current = open(workTree.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard current >= 0 else { throw LessonStoreError.system("opening \(workTree.path)", errno) }
        var path = ""
        for component in components {
            path += path.isEmpty ? component : "/" + component
            if mkdirat(current, component, 0o755) != 0, errno != EEXIST {
                let code = errno
                close(current)
                throw LessonStoreError.system("creating \(path)", code)
            }
            let next = openat(current, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            let code = errno
            close(current)
            guard next >= 0 else {
                if code == ELOOP || code == ENOTDIR { throw LessonStoreError.unsafeDirectory(path) }
                throw LessonStoreError.system("opening \(path)", code)
            }
            current = next
        }
        descriptor = current
        self.path = path
    }

    deinit { close(descriptor) }

    /// Creates `name` holding `contents`, whole or not at all; false when `name` exists.
    func createExclusively(_ name: String, contents: Data) throws -> Bool {
        let temporary = try writeTemporary(for: name, contents: contents)
        defer { unlinkat(descriptor, temporary, 0) }
        guard linkat(descriptor, temporary, descriptor, name, 0) == 0 else {
            if errno == EEXIST { return false }
            throw LessonStoreError.system("creating \(path)/\(name)", errno)
        }
        fsync(descriptor)
        return true
    }

    /// Replaces the plain file `name` with `contents` atomically; a symbolic link there is refused.
    func replace(_ name: String, contents: Data) throws {
        var status = stat()
        guard fstatat(descriptor, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else {
            throw LessonStoreError.system("reading \(path)/\(name)", errno)
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else { throw LessonStoreError.unsafeDirectory("\(path)/\(name)") }
        let temporary = try writeTemporary(for: name, contents: contents)
        guard renameat(descriptor, temporary, descriptor, name) == 0 else {
            let code = errno
            unlinkat(descriptor, temporary, 0)
            throw LessonStoreError.system("replacing \(path)/\(name)", code)
        }
        fsync(descriptor)
    }

    private func writeTemporary(for name: String, contents: Data) throws -> String {
        let temporary = ".\(name).\(UUID().uuidString).tmp"
        let file = openat(descriptor, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard file >= 0 else { throw LessonStoreError.system("creating a file in \(path)", errno) }
        defer { close(file) }
        let written = contents.withUnsafeBytes { buffer in
            buffer.baseAddress.map { write(file, $0, buffer.count) } ?? 0
        }
        guard written == contents.count, fsync(file) == 0 else {
            let code = errno
            unlinkat(descriptor, temporary, 0)
            throw LessonStoreError.system("writing \(path)/\(name)", code)
        }
        return temporary
    }
}
