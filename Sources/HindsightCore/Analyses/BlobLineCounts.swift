/// Line counts of blobs by object id, kept across runs: a blob's content, so its count, never changes.
public protocol BlobLineCounts: Sendable {
    /// The count kept for the blob `id` (`.some(nil)`: it is not text), or nil when none is kept.
    func lineCount(ofBlob id: [UInt8]) -> Int??
    /// Keeps `count` (nil: not text) for the blob `id`; a store that cannot write keeps nothing.
    func keep(_ count: Int?, ofBlob id: [UInt8])
}
