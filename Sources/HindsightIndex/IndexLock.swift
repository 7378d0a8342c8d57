import Foundation

/// An exclusive advisory lock on a file, released on `unlock`, on deinit, or by the kernel when the
/// process dies (so `kill -9` never leaves a stale lock).
final class IndexLock {
    private let descriptor: Int32

    /// Waits up to `timeout` seconds for the lock; nil when another process still holds it.
    init?(path: URL, timeout: TimeInterval) throws(IndexError) {
        let fd = open(path.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw .unwritable(path: path.path, detail: String(cString: strerror(errno)))
        }
        let deadline = Date().addingTimeInterval(timeout)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
                close(fd)
                return nil
            }
            usleep(50_000)
        }
        descriptor = fd
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
