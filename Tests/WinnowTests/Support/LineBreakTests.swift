import Testing

@testable import Winnow

@Suite struct LineBreakTests {
    /// Where each break starts and where the next line starts, CR LF as one break.
    @Test func breaksAreFoundWithTheirLengths() {
        let text = "a\nb\r\nc\rd\u{2028}e\u{2029}f\u{85}g\u{0B}h\u{0C}i\r\rj"
        let bytes = Array(text.utf8)
        var found: [[UInt8]] = []
        bytes.withUnsafeBufferPointer { buffer in
            var start = 0
            while let lineBreak = LineBreak.next(in: buffer, from: start) {
                found.append(Array(buffer[lineBreak.start..<lineBreak.end]))
                start = lineBreak.end
            }
        }
        let expected = ["\n", "\r\n", "\r", "\u{2028}", "\u{2029}", "\u{85}", "\u{0B}", "\u{0C}", "\r", "\r"]
        #expect(found == expected.map { Array($0.utf8) })
    }

    /// The scan finds exactly the characters `isBreak` names, at every place in the eight-byte words it
    /// reads and in the bytes after the last; no other character's bytes (U+0145 "Ņ" ends in 0x85, U+4E28
    /// "丨" in 0xA8, tab is below 0x0E) are taken for one.
    @Test func theScanAgreesWithTheRuleForEveryScalar() {
        for value in UInt32(0)...UInt32(0x10FFFF) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let bytes = Array("ab\(scalar)".utf8)
            let found = bytes.withUnsafeBufferPointer { LineBreak.next(in: $0, from: 0) }
            let expected = LineBreak.isBreak(value) ? (start: 2, end: bytes.count) : nil
            #expect(found?.start == expected?.start && found?.end == expected?.end, "U+\(String(value, radix: 16))")
        }
        for offset in 0..<20 {
            for lineBreak in ["\u{2028}", "\u{85}", "\r", "\t丨Ņ\n"] {
                let text = String(repeating: "x", count: offset) + lineBreak + "y"
                let found = Array(text.utf8).withUnsafeBufferPointer { LineBreak.next(in: $0, from: 0) }
                let start = offset + (lineBreak == "\t丨Ņ\n" ? 6 : 0)
                #expect(found?.start == start && found?.end == text.utf8.count - 1, "\(offset) \(lineBreak.debugDescription)")
            }
        }
    }

    /// `normalize` writes a line feed for exactly these characters: the lines the templates stage reads
    /// are the lines normalize writes. Checked on every character normalize could take for a break: the
    /// C0 and C1 controls and Unicode's white space.
    @Test func normalizeWritesALineFeedForEachBreak() {
        let normalizer = TextNormalizer()
        for value in UInt32(0)...UInt32(0x3000) {
            guard let scalar = Unicode.Scalar(value), value < 0xA0 || scalar.properties.isWhitespace || LineBreak.isBreak(value) else {
                continue
            }
            let written = normalizer.normalize("a\(scalar)b")
            #expect((written == "a\nb") == LineBreak.isBreak(value), "U+\(String(value, radix: 16)): \(written.debugDescription)")
        }
    }
}
