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

    @Test func decodesEscapes() {
        #expect(decode(#"a\"b\\c\/d\n\t\r\b\f"#) == "a\"b\\c/d\n\t\r\u{08}\u{0C}")
        #expect(decode(#"caf\u00e9 \u20AC"#) == "café €")
        #expect(decode(#"\ud83d\ude00"#) == "😀")
        #expect(decode(#"lone \udc80 surrogate"#) == "lone \u{FFFD} surrogate")
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
}
