/// One region a diff changed: `oldLines` lines at `oldStart` became `newLines` lines at `newStart`.
///
/// Coordinates are git's (1-based); when a side has no lines its start is the line *after which*
/// the change sits, as in a unified diff's `@@ -12,0 +13,2 @@`.
public struct Hunk: Hashable, Sendable {
    public var oldStart: Int
    public var oldLines: Int
    public var newStart: Int
    public var newLines: Int

    /// A hunk from its four numbers.
    public init(oldStart: Int, oldLines: Int, newStart: Int, newLines: Int) {
        self.oldStart = oldStart
        self.oldLines = oldLines
        self.newStart = newStart
        self.newLines = newLines
    }
}

/// A compact byte encoding of a change's hunks for the index: unsigned LEB128 varints, each
/// hunk's starts stored as the distance from the previous hunk's end, so most hunks take 4–6 bytes.
public enum HunkCoding {
    /// The bytes for `hunks` (in file order).
    public static func encode(_ hunks: [Hunk]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(hunks.count * 6)
        var oldEnd = 0
        var newEnd = 0
        for hunk in hunks {
            append(hunk.oldStart - oldEnd, to: &bytes)
            append(hunk.oldLines, to: &bytes)
            append(hunk.newStart - newEnd, to: &bytes)
            append(hunk.newLines, to: &bytes)
            oldEnd = hunk.oldStart
            newEnd = hunk.newStart
        }
        return bytes
    }

    /// The hunks in `bytes`; nil when the bytes are not a valid encoding.
    public static func decode<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> [Hunk]? {
        var hunks: [Hunk] = []
        var index = bytes.startIndex
        var oldEnd = 0
        var newEnd = 0
        func next() -> Int? {
            var value = 0
            var shift = 0
            while index != bytes.endIndex, shift < 63 {
                let byte = bytes[index]
                bytes.formIndex(after: &index)
                value |= Int(byte & 0x7f) << shift
                if byte & 0x80 == 0 { return value }
                shift += 7
            }
            return nil
        }
        while index != bytes.endIndex {
            guard let oldGap = next(), let oldLines = next(), let newGap = next(), let newLines = next() else {
                return nil
            }
            let hunk = Hunk(
                oldStart: oldEnd + oldGap, oldLines: oldLines, newStart: newEnd + newGap, newLines: newLines)
            hunks.append(hunk)
            oldEnd = hunk.oldStart
            newEnd = hunk.newStart
        }
        return hunks
    }

    private static func append(_ value: Int, to bytes: inout [UInt8]) {
        var rest = UInt(bitPattern: value)
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }
}
