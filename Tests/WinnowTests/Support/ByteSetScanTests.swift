import Testing
import WinnowTestSupport

@testable import Winnow

@Suite struct ByteSetScanTests {
    /// The first member found eight bytes at a time is the first one byte by byte, wherever it sits
    /// (in a word, at its edges, in the bytes after the last word), for sets of equal bytes, high
    /// ones among them, and a bound.
    @Test func findsTheFirstMemberWhereverItSits() {
        var random = SeededRandom.forTest(43)
        let alphabet: [UInt8] = [0x00, 0x1F, 0x20, 0x21, 0x22, 0x26, 0x3C, 0x3E, 0x5C, 0x7F, 0x80, 0xE1, 0xE2, 0xE3, 0xFF]
        for _ in 0..<20_000 {
            let count = Int(random.next() % 40)
            let bytes = (0..<count).map { _ in
                random.next() % 6 == 0 ? alphabet[Int(random.next() % UInt64(alphabet.count))] : UInt8(ascii: "a")
            }
            let start = count == 0 ? 0 : Int(random.next() % UInt64(count + 1))
            bytes.withUnsafeBufferPointer { buffer in
                let html = ByteSetScan.firstMember(
                    of: buffer, from: start,
                    flags: { ByteSetScan.equal($0, 0x3C) | ByteSetScan.equal($0, 0x3E) | ByteSetScan.equal($0, 0xE2) },
                    isMember: { $0 == 0x3C || $0 == 0x3E || $0 == 0xE2 })
                #expect(html == (bytes[start...].firstIndex { $0 == 0x3C || $0 == 0x3E || $0 == 0xE2 } ?? count), "\(bytes) from \(start)")
                let controls = ByteSetScan.firstMember(
                    of: buffer, from: start, flags: { ByteSetScan.below($0, 0x20) | ByteSetScan.equal($0, 0x5C) },
                    isMember: { $0 < 0x20 || $0 == 0x5C })
                #expect(controls == (bytes[start...].firstIndex { $0 < 0x20 || $0 == 0x5C } ?? count), "\(bytes) from \(start)")
            }
        }
    }

    /// The exact flags set the high bit of each byte in the set and of no other, so that one set can be
    /// masked by another (the C0 controls but tab, line feed and carriage return).
    @Test func exactFlagsMarkEveryByteAndNoOther() {
        var random = SeededRandom.forTest(44)
        for _ in 0..<20_000 {
            // Half the bytes low, near the bounds; the others any byte.
            let bytes = (0..<8).map { _ in
                let byte = UInt8(truncatingIfNeeded: random.next())
                return random.next() % 2 == 0 ? byte % 0x22 : byte
            }
            let word = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * $1.offset) }
            for bound: UInt8 in [0x01, 0x0A, 0x20, 0x80] {
                let expected = bytes.enumerated().reduce(UInt64(0)) { $0 | ($1.element < bound ? 0x80 << (8 * $1.offset) : 0) }
                #expect(ByteSetScan.exactlyBelow(word, bound) == expected, "\(bytes) below \(bound)")
            }
            for byte: UInt8 in [0x00, 0x09, 0x0A, 0x0D, 0x80, 0xFF] {
                let expected = bytes.enumerated().reduce(UInt64(0)) { $0 | ($1.element == byte ? 0x80 << (8 * $1.offset) : 0) }
                #expect(ByteSetScan.exactlyEqual(word, byte) == expected, "\(bytes) equal to \(byte)")
            }
        }
    }
}
