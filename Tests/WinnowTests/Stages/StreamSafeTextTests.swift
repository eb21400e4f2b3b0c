import Foundation
import Testing
import WinnowTestSupport

@testable import Winnow

/// Runs of combining marks are broken after the 30th by a grapheme joiner before normalisation, as
/// Unicode's Stream-Safe Text Format says; shorter runs and everything else are left as they are.
@Suite struct StreamSafeTextTests {
    static let joiner = StreamSafeText.graphemeJoiner

    static func marks(_ count: Int) -> String {
        String(String.UnicodeScalarView((0..<count).map { $0 % 2 == 0 ? "\u{301}" : "\u{316}" }))
    }

    @Test func runsOfThirtyOrFewerAreLeftAlone() {
        for text in ["plain text", "café, naïve", "e" + Self.marks(30) + " and" + Self.marks(30)] {
            #expect(StreamSafeText.limited(text) == text)
            #expect(!StreamSafeText.limited(text).unicodeScalars.contains(Self.joiner))
        }
    }

    @Test func aJoinerFollowsEveryThirtiethMarkInARow() {
        let limited = Array(StreamSafeText.limited("e" + Self.marks(61) + "x").unicodeScalars)
        #expect(limited.count == 1 + 61 + 2 + 1)
        #expect(limited.indices.filter { limited[$0] == Self.joiner } == [31, 62])
    }

    /// Normalised text keeps every mark, in runs of 30 at most, and is in NFC.
    @Test func normalisedTextOfALongRunIsNFCInRunsOfThirty() {
        let text = "a" + Self.marks(80_000) + " done"
        let nfc = NormalizeOptions.UnicodeForm.nfc.applied(to: text)
        #expect(nfc == nfc.precomposedStringWithCanonicalMapping)
        #expect(nfc.unicodeScalars.filter { $0 == Self.joiner }.count == 80_000 / 30)
        #expect(nfc.hasSuffix(" done"))
    }

    /// Text longer than a piece is normalised piece by piece (`UnicodeForm.inPieces`), split only before
    /// scalars nothing combines with: the same as the whole in one call, for NFC and NFKC, over mixed
    /// decomposed text, Hangul jamo, kana with voicing marks and runs of marks.
    @Test func textNormalisedInPiecesIsTheWholeNormalised() {
        var random = SeededRandom.forTest(0x4E46)
        let pieces = [
            "cafe\u{301} ", "e\u{301}\u{327}\u{300}", "\u{1100}\u{1161}\u{11A8}", "\u{1100}\u{1161}", "\u{304B}\u{3099}",
            "\u{212B}", "\u{FB01}", "Å", "x", "\u{300}", "\u{B47}\u{B3E}", "\n", "中", "\u{1D15E}",
        ]
        for _ in 0..<20 {
            var text = ""
            while text.utf8.count < 3 * NormalizeOptions.UnicodeForm.pieceBytes {
                text += pieces.randomElement(using: &random)!
            }
            for form in [NormalizeOptions.UnicodeForm.nfc, .nfkc] {
                let whole =
                    form == .nfc
                    ? StreamSafeText.limited(text).precomposedStringWithCanonicalMapping
                    : StreamSafeText.limited(text).precomposedStringWithCompatibilityMapping
                #expect(Array(form.applied(to: text).unicodeScalars) == Array(whole.unicodeScalars), "\(form) \(SeededRandom.replay)")
            }
        }
    }
}
