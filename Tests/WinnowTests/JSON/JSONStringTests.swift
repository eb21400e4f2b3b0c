import Foundation
import Testing
import WinnowTestSupport

@testable import Winnow

@Suite struct JSONStringTests {
    private func decode(_ literal: String) -> String {
        let bytes = Array(literal.utf8)
        return bytes.withUnsafeBufferPointer { JSONString.decode($0, hasEscapes: literal.contains("\\")) }
    }

    private func encode(_ string: String) -> String {
        var output: [UInt8] = []
        JSONString.append(string, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// The eight-byte search stops at exactly the first byte that needs an escape, wherever it sits.
    @Test func plainRunEndIsTheFirstByteToEscape() {
        var random = SeededRandom.forTest(41)
        let alphabet: [UInt8] = [0x00, 0x01, 0x0A, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x41, 0x7F, 0x80, 0xA2, 0xDC, 0xFF]
        for _ in 0..<20_000 {
            let count = Int(random.next() % 40)
            // Mostly plain bytes, so that runs are long enough for whole blocks.
            let bytes = (0..<count).map { _ in
                random.next() % 6 == 0 ? alphabet[Int(random.next() % UInt64(alphabet.count))] : UInt8(ascii: "a")
            }
            let start = count == 0 ? 0 : Int(random.next() % UInt64(count + 1))
            let expected = bytes[start...].firstIndex(where: JSONString.needsEscape) ?? count
            #expect(bytes.withUnsafeBufferPointer { JSONString.plainRunEnd($0, from: start) } == expected, "\(bytes) from \(start)")
        }
    }

    @Test func decodesEscapes() {
        #expect(decode(#"a\"b\\c\/d\n\t\r\b\f"#) == "a\"b\\c/d\n\t\r\u{08}\u{0C}")
        #expect(decode(#"caf\u00e9 \u20AC"#) == "café €")
        #expect(decode(#"\ud83d\ude00"#) == "😀")
        #expect(decode(#"lone \udc80 surrogate"#) == "lone \u{FFFD} surrogate")
    }

    /// The decoded bytes are written in place into an array of the literal's length: literals made
    /// only of escapes (the most they shrink), or with runs between them, decode as Foundation reads them.
    @Test(arguments: [
        #"\n\t\r\b\f\/\\\""#, #"\u00e9\u20ac\ud83d\ude00"#, #"\u0041"#, #"\\"#, #"plain run\nthen \u00e9 and \"more\" plain"#,
        String(repeating: #"\u00e9"#, count: 300), String(repeating: "x", count: 100) + #"\n"#,
    ])
    func decodesInPlaceAsFoundationDoes(_ literal: String) throws {
        let bytes = Array(literal.utf8)
        let decoded = bytes.withUnsafeBufferPointer { JSONString.decodeUTF8($0) }
        let expected = try JSONSerialization.jsonObject(with: Data(("\"" + literal + "\"").utf8), options: .fragmentsAllowed) as? String
        #expect(String(decoding: decoded, as: UTF8.self) == expected)
        #expect(decoded.count == bytes.withUnsafeBufferPointer { JSONString.decodedCount($0, hasEscapes: true) })
    }

    @Test(arguments: [
        #"a\"b\\c\/d\n\t\r\b\f"#, #"caf\u00e9 \u20AC"#, #"\ud83d\ude00"#, #"lone \udc80 surrogate"#,
        #"\ud83d then no pair"#, #"\ud83d\u0041"#, "ünïcödé ✓ 😀 plain", "",
    ])
    func countsWhatDecodeMakes(_ literal: String) {
        let bytes = Array(literal.utf8)
        let count = bytes.withUnsafeBufferPointer { JSONString.decodedCount($0, hasEscapes: literal.contains("\\")) }
        #expect(count == decode(literal).utf8.count)
    }

    @Test(arguments: [
        "plain", "quote \" backslash \\ slash /", "line\nbreak\ttab\r", "\u{0}\u{1F}\u{7F}",
        "ünïcödé ✓ 😀", "\u{2028}\u{2029}", "",
    ])
    func roundTripsThroughFoundation(_ value: String) throws {
        let encoded = encode(value)
        let decoded = try JSONSerialization.jsonObject(with: Data(encoded.utf8), options: .fragmentsAllowed) as? String
        #expect(decoded == value)
        #expect(decode(String(encoded.dropFirst().dropLast())) == value)
    }

    /// `isCanonical` says exactly when encoding the decoded string gives the literal back, on literals
    /// made of random pieces: plain bytes and every kind of escape, canonical or not.
    @Test func canonicalIsEncodingTheDecodedStringBack() {
        let pieces = [
            "a", "é", "😀", " ", "/", #"\""#, #"\\"#, #"\/"#, #"\n"#, #"\r"#, #"\t"#, #"\b"#, #"\f"#,
            #"\u0000"#, #"\u001f"#, #"\u001F"#, #"\u000a"#, #"\u0009"#, #"\u0020"#, #"\u0041"#, #"\u00e9"#,
            #"\ud83d\ude00"#, #"\udc80"#, #"\u007f"#, #"\u0010"#,
        ]
        var generator = SystemRandomNumberGenerator()
        var canonical = 0
        for _ in 0..<5_000 {
            let literal = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let bytes = Array(literal.utf8)
            let expected = encode(decode(literal)) == "\"" + literal + "\""
            #expect(bytes.withUnsafeBufferPointer { JSONString.isCanonical($0) } == expected, "\(literal)")
            if expected { canonical += 1 }
        }
        #expect(canonical > 100)
    }
}
