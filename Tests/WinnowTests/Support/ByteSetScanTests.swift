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
}
