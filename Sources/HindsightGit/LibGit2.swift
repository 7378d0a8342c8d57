import CLibGit2
import Foundation
import HindsightCore

/// Process-wide libgit2 set-up.
enum GitLibrary {
    private static let initialized: Int32 = {
        let code = git_libgit2_init()
        // History mining reads each tree many times: verify nothing twice, and cache whole trees.
        // Blobs are not cached: on git's history they filled the cache's 256 MB to no measurable
        // gain in mining, report or context (a cold mine peaked about 140 MB lower without them).
        _ = hindsight_disable_strict_hash_verification()
        _ = hindsight_set_cache_object_limit(GIT_OBJECT_TREE, 1 << 20)
        _ = hindsight_set_cache_object_limit(GIT_OBJECT_COMMIT, 64 << 10)
        _ = hindsight_set_cache_object_limit(GIT_OBJECT_BLOB, 0)
        return code
    }()

    /// Initialises libgit2 once per process; every entry point calls this first.
    static func ensureInitialized() { _ = initialized }

    /// The linked libgit2 version, as `major.minor.patch`.
    static var version: String {
        var major: Int32 = 0
        var minor: Int32 = 0
        var patch: Int32 = 0
        git_libgit2_version(&major, &minor, &patch)
        return "\(major).\(minor).\(patch)"
    }
}

/// Throws when a libgit2 call failed, carrying libgit2's own words.
func check(_ code: Int32, _ action: @autoclosure () -> String) throws(GitError) {
    guard code < 0 else { return }
    throw GitError.libgit2(action: action(), code: code, message: lastErrorMessage())
}

/// libgit2's message for the last failure on this thread; read it before the next call.
func lastErrorMessage() -> String {
    git_error_last().flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "no detail from libgit2"
}

extension git_oid {
    /// The id as lowercase hexadecimal.
    var hex: String {
        withUnsafeBytes(of: id) { raw in
            var digits = [UInt8]()
            digits.reserveCapacity(raw.count * 2)
            for byte in raw {
                digits.append(hexDigits[Int(byte >> 4)])
                digits.append(hexDigits[Int(byte & 0x0f)])
            }
            return String(decoding: digits, as: UTF8.self)
        }
    }

    /// The id of a commit.
    var commitID: CommitID { CommitID(trustedHex: hex) }

    /// Parses a hexadecimal id.
    init(_ id: CommitID) throws(GitError) {
        var oid = git_oid()
        try check(git_oid_fromstr(&oid, id.hex), "parse object id \(id)")
        self = oid
    }
}

private let hexDigits = Array("0123456789abcdef".utf8)

/// Compares two object ids for equality.
func == (lhs: git_oid, rhs: git_oid) -> Bool {
    var a = lhs
    var b = rhs
    return git_oid_equal(&a, &b) != 0
}

/// Copies a C string's bytes (without the terminating NUL).
func bytes(ofCString pointer: UnsafePointer<CChar>) -> [UInt8] {
    let length = strlen(pointer)
    return pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
        Array(UnsafeBufferPointer(start: $0, count: length))
    }
}
