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
                #expect(
                    Array(form.applied(to: text).unicodeScalars) == Array(Self.whole(text, form).unicodeScalars),
                    "\(form) \(SeededRandom.replay)")
            }
        }
    }

    /// The whole text in one call, decomposed first (Foundation composes Hangul only so).
    static func whole(_ text: String, _ form: NormalizeOptions.UnicodeForm) -> String {
        form == .nfc
            ? StreamSafeText.limited(text).decomposedStringWithCanonicalMapping.precomposedStringWithCanonicalMapping
            : StreamSafeText.limited(text).decomposedStringWithCompatibilityMapping.precomposedStringWithCompatibilityMapping
    }

    /// Text with none of the usual boundaries (pairs that compose, singletons, ligatures) is cut
    /// where a composition starts once a piece is long, not left as one piece (which took quadratic
    /// time), and still gives what the whole gives.
    @Test func textWithoutTheUsualBoundariesIsStillCutAndTheSame() {
        for (unit, form) in [
            ("\u{CC6}\u{CC2}", NormalizeOptions.UnicodeForm.nfc), ("\u{CC6}\u{CC2}\u{CD5}", .nfc), ("\u{2126}", .nfc),
            ("\u{B47}\u{B3E}", .nfc), ("\u{FB01}", .nfkc), ("\u{3300}", .nfkc),
        ] {
            let text = String(repeating: unit, count: 3 * NormalizeOptions.UnicodeForm.longPieceBytes / unit.utf8.count)
            #expect(Array(form.applied(to: text).unicodeScalars) == Array(Self.whole(text, form).unicodeScalars), "\(unit)")
        }
        #expect(NormalizeOptions.UnicodeForm.startsComposition(0xCC6) { $0.decomposedStringWithCanonicalMapping })
        #expect(NormalizeOptions.UnicodeForm.startsComposition(0x2126) { $0.decomposedStringWithCanonicalMapping })
        #expect(!NormalizeOptions.UnicodeForm.startsComposition(0xCC2) { $0.decomposedStringWithCanonicalMapping })
        #expect(!NormalizeOptions.UnicodeForm.startsComposition(0x300) { $0.decomposedStringWithCanonicalMapping })
        #expect(!NormalizeOptions.UnicodeForm.startsComposition(0xF73) { $0.decomposedStringWithCanonicalMapping })
    }

    /// A Hangul syllable and a final consonant after it compose (가 + ᆨ is 각), as the decomposed
    /// spelling does; Foundation on Linux leaves the pair apart unless decomposed first.
    @Test func aHangulSyllableAndAFinalConsonantCompose() {
        #expect(NormalizeOptions.UnicodeForm.nfc.applied(to: "\u{AC00}\u{11A8}") == "\u{AC01}")
        #expect(Array(NormalizeOptions.UnicodeForm.nfc.applied(to: "\u{AC00}\u{11A8}").unicodeScalars) == ["\u{AC01}"])
        #expect(Array(NormalizeOptions.UnicodeForm.nfkc.applied(to: "\u{3131}\u{1161}").unicodeScalars) == ["\u{AC00}"])
    }
}
