import Testing

@testable import HindsightCore

@Suite struct HunkCodingTests {
    @Test func roundTripsHunksCompactly() throws {
        let hunks = [
            Hunk(oldStart: 0, oldLines: 0, newStart: 1, newLines: 3),
            Hunk(oldStart: 12, oldLines: 2, newStart: 15, newLines: 0),
            Hunk(oldStart: 400, oldLines: 1, newStart: 403, newLines: 200),
        ]
        let bytes = HunkCoding.encode(hunks)
        #expect(try #require(HunkCoding.decode(bytes)) == hunks)
        #expect(bytes.count <= 16)
        #expect(HunkCoding.decode([UInt8]()) == [])
    }

    @Test func truncatedBytesAreRejected() {
        var bytes = HunkCoding.encode([Hunk(oldStart: 300, oldLines: 1, newStart: 300, newLines: 1)])
        bytes.removeLast()
        #expect(HunkCoding.decode(bytes) == nil)
    }
}
