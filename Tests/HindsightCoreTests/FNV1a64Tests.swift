import Foundation
import Testing

@testable import HindsightCore

@Suite struct FNV1a64Tests {
    /// The published FNV-1a 64 test vectors, through every kind of byte sequence the code hashes.
    @Test(arguments: [
        ("", 0xcbf2_9ce4_8422_2325 as UInt64), ("a", 0xaf63_dc4c_8601_ec8c), ("foobar", 0x8594_4171_f739_67e8),
    ])
    func matchesTheReferenceVectors(text: String, expected: UInt64) {
        var fromArray = FNV1a64()
        fromArray.add(Array(text.utf8))
        var fromData = FNV1a64()
        fromData.add(Data(text.utf8))
        var fromView = FNV1a64()
        fromView.add(text.utf8)
        var fromLazySequence = FNV1a64()
        fromLazySequence.add(text.utf8.lazy.map { $0 })
        #expect(
            [fromArray.value, fromData.value, fromView.value, fromLazySequence.value]
                == Array(repeating: expected, count: 4))
    }

    @Test func addingInPiecesEqualsAddingAtOnce() {
        var pieces = FNV1a64()
        pieces.add(Array("foo".utf8))
        pieces.add(CollectionOfOne(UInt8(ascii: "b")))
        pieces.add(Data("ar".utf8))
        var whole = FNV1a64()
        whole.add("foobar".utf8)
        #expect(pieces.value == whole.value)
    }
}
