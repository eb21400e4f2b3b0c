import Foundation
import Testing
import WinnowTestSupport

@testable import Winnow

@Suite struct TextNormalizerTests {
    private let normalizer = TextNormalizer()

    @Test(arguments: [
        ("e\u{0301}t\u{00E9}", "\u{00E9}t\u{00E9}"),  // NFC composes
        ("a\u{0000}b\u{0007}c\u{009F}d\u{007F}", "abcd"),  // C0, C1, DEL
        ("zero\u{200B}width\u{00AD}soft\u{FEFF}bom\u{2060}", "zerowidthsoftbom"),
        ("keep\u{200D}joiner\u{200C}x", "keep\u{200D}joiner\u{200C}x"),
        ("a\n\u{200D}\nb \u{200C}c\u{200D} d\u{200D}", "a\n\nb c d"),  // joiners that join nothing
        ("a \t\u{00A0}\u{2003} b", "a b"),  // Unicode spaces fold
        ("  lead and trail  \n  next  ", "lead and trail\nnext"),
        ("a\r\nb\rc\u{2028}d", "a\nb\nc\nd"),  // line endings
        ("\n\n\ntop\n\n\n\nmiddle\n \n\t\nbottom\n\n", "top\n\nmiddle\n\nbottom"),
        ("plain ascii stays", "plain ascii stays"),
        ("Ⅻ ﬁ ²", "Ⅻ ﬁ ²"),  // NFC leaves compatibility forms
        ("Mu\u{AD}\u{0308}ller", "M\u{00FC}ller"),  // composed once the soft hyphen is gone
    ])
    func defaults(input: String, expected: String) {
        #expect(normalizer.normalize(input) == expected)
        // The stage normalises the text's bytes where they lie: the same result, nil when unchanged.
        var nfkc = NormalizeOptions(), asIs = NormalizeOptions()
        nfkc.unicode = .nfkc
        asIs.unicode = .none
        asIs.foldSpaces = false
        for options in [NormalizeOptions(), nfkc, asIs] {
            let normalizer = TextNormalizer(options: options)
            let bytes = Array(input.utf8).withUnsafeBufferPointer { normalizer.normalizeIfChanged(utf8: $0) }
            let string = normalizer.normalizeIfChanged(input)
            #expect(bytes.map { String(decoding: $0, as: UTF8.self) } == string, "\(options.unicode)")
        }
    }

    /// The byte comparison that decides "unchanged": equal bytes only, not canonical equivalence.
    @Test func sameBytesComparesUTF8() {
        #expect(TextNormalizer.sameBytes("", ""))
        #expect(TextNormalizer.sameBytes("caf\u{00E9} ok", "caf\u{00E9} ok"))
        #expect(!TextNormalizer.sameBytes("caf\u{00E9}", "cafe\u{0301}"))
        #expect(!TextNormalizer.sameBytes("abc", "abcd"))
        #expect(!TextNormalizer.sameBytes("abd", "abc"))
        #expect(!TextNormalizer.sameBytes("", "a"))
    }

    /// Swift's `==` on strings is canonical equivalence, so "changed" must be decided on bytes.
    @Test func canonicallyEquivalentChangeIsKept() {
        #expect(normalizer.normalizeIfChanged("\u{212A}elvin") == "Kelvin")
        #expect(Array(normalizer.normalize("\u{212A}").unicodeScalars) == ["K"])
    }

    @Test func unchangedTextIsReported() {
        #expect(normalizer.normalizeIfChanged("already\n\nclean") == nil)
        #expect(normalizer.normalizeIfChanged("not  clean") == "not clean")
    }

    @Test func options() {
        var options = NormalizeOptions()
        options.unicode = .nfkc
        options.maxBlankLines = 0
        #expect(TextNormalizer(options: options).normalize("ﬁ²\n\n\nx") == "fi2\nx")

        options = NormalizeOptions()
        options.foldSpaces = false
        options.trimLines = false
        #expect(TextNormalizer(options: options).normalize("  a\t\tb  \nc") == "  a\t\tb  \nc")
        #expect(TextNormalizer(options: options).normalize("a \u{200B}\u{00A0}b") == "a \u{00A0}b")

        options = NormalizeOptions()
        options.removeControl = false
        options.removeInvisible = false
        options.unicode = .none
        #expect(TextNormalizer(options: options).normalize("e\u{0301}\u{0007}\u{200B}") == "e\u{0301}\u{0007}\u{200B}")
    }

    /// Runs of printable ASCII and single spaces are copied whole; spaces around them still follow the options.
    @Test(arguments: [
        (true, true, "ab c d e\nf g. x\u{00E9} y"), (true, false, "ab c d e \n f g. x\u{00E9} y "),
        (false, true, "ab c  d\t e\nf g. x\u{00E9}\u{00A0}y"),
        (false, false, "ab c  d\t e \n f g. x\u{00E9}\u{00A0}y "),
    ])
    func asciiRunsAndSpaces(foldSpaces: Bool, trimLines: Bool, expected: String) {
        var options = NormalizeOptions()
        options.foldSpaces = foldSpaces
        options.trimLines = trimLines
        let input = "ab c  d\t e \n f g.\u{200B} x\u{00E9}\u{00A0}y "
        #expect(TextNormalizer(options: options).normalize(input) == expected)
    }

    @Test func stageRemovesEmptyDocuments() {
        let stage = NormalizeStage(options: NormalizeOptions())
        var empty = Document(id: "e", text: " \u{200B}\n\t ", origin: DocumentOrigin(source: "t", line: 1))
        #expect(stage.process(&empty) == .remove(reason: "empty"))
        var full = Document(id: "f", text: "  words  ", origin: DocumentOrigin(source: "t", line: 2))
        #expect(stage.process(&full) == .keep)
        #expect(full.text == "words")
    }
}

@Suite struct NFCQuickCheckTests {
    /// Every scalar the quick check calls stable must really be left alone by NFC, alone and after a
    /// base letter it might combine with.
    @Test func stableScalarsAreTrulyStable() {
        var checked = 0
        for value in UInt32(0x300)...UInt32(0x1FAFF) where NFCQuickCheck.isStable(value) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in [String(scalar), "a" + String(scalar), "\u{1100}" + String(scalar), "\u{304B}" + String(scalar)] {
                let normalized = text.precomposedStringWithCanonicalMapping
                #expect(Array(normalized.unicodeScalars) == Array(text.unicodeScalars), "U+\(String(value, radix: 16))")
            }
            checked += 1
        }
        #expect(checked > 35_000)
    }

    @Test func unstableTextIsNotClaimed() {
        for text in ["e\u{0301}", "\u{2126}", "\u{1100}\u{1161}", "\u{304B}\u{3099}", "\u{0627}\u{0653}"] {
            var copy = text
            #expect(!copy.withUTF8 { NFCQuickCheck.isKnownNFC($0) }, "\(text.unicodeScalars.map { $0.value })")
        }
        var quotes = "It’s “quoted” — fine"
        #expect(quotes.withUTF8 { NFCQuickCheck.isKnownNFC($0) })
    }

    /// The eight-byte skip sees a byte of 0xCC or above wherever it sits, and nothing below it.
    @Test func blockTestAgreesWithEveryByte() {
        for byte in UInt8.min...UInt8.max {
            for position in 0..<8 {
                for filler: UInt8 in [0x00, 0x41, 0x80, 0xBF, 0xCB] {
                    var bytes = [UInt8](repeating: filler, count: 8)
                    bytes[position] = byte
                    let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                    #expect(NFCQuickCheck.hasLeadAtOrAboveCC(word) == (byte >= 0xCC), "\(byte) at \(position) among \(filler)")
                }
            }
        }
    }

    @Test func unstableScalarIsFoundAtEveryOffset() {
        for offset in 0..<24 {
            var text = String(repeating: "ä", count: offset / 2) + String(repeating: "x", count: offset % 2) + "e\u{0301} and more text"
            #expect(!text.withUTF8 { NFCQuickCheck.isKnownNFC($0) }, "offset \(offset)")
            var stable = String(repeating: "ä", count: offset / 2) + String(repeating: "x", count: offset % 2) + "é and more text"
            #expect(stable.withUTF8 { NFCQuickCheck.isKnownNFC($0) }, "offset \(offset)")
        }
    }
}
