/// The 64-bit FNV-1a hash: fast, stable across runs and platforms, not for security. Guard ids and
/// the guard cache's key are derived with it.
public struct FNV1a64: Sendable {
    /// The hash of the bytes added so far.
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    /// The hash of nothing yet.
    public init() {}

    /// Adds `bytes` to the hash. Contiguous bytes (arrays, `Data`, native strings' UTF-8) are read
    /// through a buffer: the generic loop is not specialised across modules and costs hundreds of
    /// instructions a byte, which a 342 KB guards file on every check made milliseconds.
    public mutating func add<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        var hash = value
        let wasContiguous = bytes.withContiguousStorageIfAvailable { buffer in
            for byte in buffer { hash = (hash ^ UInt64(byte)) &* Self.prime }
        }
        if wasContiguous == nil {
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* Self.prime }
        }
        value = hash
    }

    private static let prime: UInt64 = 0x0000_0100_0000_01b3
}
