import Testing
import WinnowTestSupport

@testable import Winnow

/// The hex digits of the signatures file, made eight at a time in a register, against the standard
/// library's radix-16 text.
@Suite struct HexTests {
    func padded(_ value: some BinaryInteger, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: digits - text.count) + text
    }

    @Test func wordsAndBandKeysAreZeroPaddedLowerCaseHex() {
        var random = SeededRandom.forTest(31)
        let words: [UInt32] =
            [0, 1, 9, 10, 15, 16, 0xABCD_EF01, 0x9999_AAAA, .max]
            + (0..<500).map { _ in UInt32(truncatingIfNeeded: random.next()) }
        var buffer: [UInt8] = Array("x".utf8)
        Hex.append(words: words[...], to: &buffer)
        #expect(
            String(decoding: buffer, as: UTF8.self) == "x" + words.map { padded($0, digits: 8) }.joined(),
            "\(SeededRandom.replay)")
        for value in [0, 1, 0xF, 0xFFFF_FFFF, 0x1_0000_0000, .max] + (0..<200).map({ _ in random.next() }) as [UInt64] {
            var key: [UInt8] = []
            Hex.append(sixteenDigitsOf: value, to: &key)
            #expect(String(decoding: key, as: UTF8.self) == padded(value, digits: 16), "\(SeededRandom.replay)")
        }
    }
}
