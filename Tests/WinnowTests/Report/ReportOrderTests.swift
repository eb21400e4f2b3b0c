import Testing
import WinnowTestSupport

@testable import Winnow

@Suite struct ReportOrderTests {
    /// `BytewiseOrder` is the UTF-8 byte order `lexicographicallyPrecedes` gives, prefixes first.
    @Test func bytewiseOrderIsTheOrderOfUTF8Bytes() {
        var strings = ["", "a", "ab", "abc", "b", "B", "a_b", "aB", "é", "e\u{301}", "z", "😀", "\u{FFFD}", "a\u{0}", "10", "9"]
        var generator = SeededRandom(seed: 22)
        let alphabet = Array("ab_Zé😀\u{0}".unicodeScalars)
        strings += (0..<300).map { _ in
            String(
                String.UnicodeScalarView(
                    (0..<Int.random(in: 0...6, using: &generator)).map { _ in
                        alphabet.randomElement(using: &generator)!
                    }))
        }
        for a in strings {
            for b in strings {
                #expect(
                    BytewiseOrder.precedes(a, b) == a.utf8.lexicographicallyPrecedes(b.utf8), "\(a.debugDescription) \(b.debugDescription)")
            }
        }
    }
}
