import Testing
import WinnowTestSupport

@testable import Winnow

@Suite struct UTF8ValidationTests {
    private func firstInvalid(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset($0) }
    }

    @Test func acceptsValidText() {
        #expect(firstInvalid(Array("plain ascii, long enough for the word path".utf8)) == nil)
        #expect(firstInvalid(Array("é € 😀 \u{10FFFF} \u{7FF}\u{800}\u{FFFF}".utf8)) == nil)
        #expect(firstInvalid([]) == nil)
    }

    @Test(
        arguments: [
            ([0x61, 0x80], 1),  // lone continuation byte
            ([0xC0, 0xAF], 0),  // overlong '/'
            ([0xE0, 0x80, 0xAF], 0),  // overlong three-byte form
            ([0xED, 0xA0, 0x80], 0),  // UTF-16 surrogate
            ([0xF4, 0x90, 0x80, 0x80], 0),  // above U+10FFFF
            ([0x61, 0x62, 0xE2, 0x82], 2),  // truncated sequence at the end
            ([0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0xFF], 9),  // after the ASCII fast path
            ([0xE9, 0x74, 0xE9], 0),  // Latin-1 "été"
        ] as [([UInt8], Int)])
    func findsInvalidSequences(bytes: [UInt8], offset: Int) {
        #expect(firstInvalid(bytes) == offset)
    }
}
