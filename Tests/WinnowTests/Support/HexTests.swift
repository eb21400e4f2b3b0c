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

    /// Eight digits at a time in a register, against the digit table one byte at a time: every
    /// word read back, both cases, and a byte that is not a digit in every position refused.
    @Test func wordsAreReadBackEightDigitsAtATime() {
        var random = SeededRandom.forTest(32)
        let words: [UInt32] = [0, 9, 10, 0xABCD_EF01, .max] + (0..<2_000).map { _ in UInt32(truncatingIfNeeded: random.next()) }
        var text: [UInt8] = []
        Hex.append(words: words[...], to: &text)
        var read: [UInt32] = [7]
        #expect(Hex.appendWords(of: text[...], to: &read) && read == [7] + words)
        let upper = Array(String(decoding: text, as: UTF8.self).uppercased().utf8)
        read = []
        #expect(Hex.appendWords(of: upper[...], to: &read) && read == words)
        for _ in 0..<20_000 {
            var field = Array(padded(UInt32(truncatingIfNeeded: random.next()), digits: 8).utf8)
            field[Int.random(in: 0..<8, using: &random)] = UInt8.random(in: 0...255, using: &random)
            read = []
            let expected = Hex.parse(field[...], digits: 8).map { $0.map { UInt32($0) } }
            let ok = Hex.appendWords(of: field[...], to: &read)
            #expect(ok == (expected != nil) && (ok ? read == expected! : read.isEmpty), "\(field) \(SeededRandom.replay)")
        }
        read = [1]
        #expect(!Hex.appendWords(of: Array("0000000g00000000".utf8)[...], to: &read) && read == [1])
        #expect(!Hex.appendWords(of: Array("0000000".utf8)[...], to: &read))
    }
}
