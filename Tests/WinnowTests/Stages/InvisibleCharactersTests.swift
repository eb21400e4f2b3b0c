import Testing
import WinnowTestSupport

@testable import Winnow

/// The invisible format characters no text output carries, and the ones that must stay.
@Suite struct InvisibleCharactersTests {
    @Test func wordBreakingCharactersAreRemovedAndMeaningfulOnesKept() {
        for value: UInt32 in [
            0xAD, 0x200B, 0x2060, 0x2063, 0xFEFF, 0x200E, 0x200F, 0x061C, 0x202A, 0x2066, 0x206A, 0x206F, 0xFFF9, 0xFFFB,
            0x1D173, 0x1D17A, 0x1BCA0, 0x1BCA3, 0xE0001, 0xFDD0, 0xFDEF, 0xFFFE, 0xFFFF, 0x1FFFE, 0x2FFFF, 0x10FFFF,
        ] {
            #expect(InvisibleCharacters.isRemoved(value), "U+\(String(value, radix: 16))")
        }
        // Joiners (emoji, Persian, Indic), variation selectors, tags of flag emoji, Arabic number sign.
        for value: UInt32 in [
            0x200C, 0x200D, 0xFE0F, 0xE0067, 0xE007F, 0x0600, 0x034F, 0xA0, 0x2D, 0x1D172, 0xFFFC, 0x1BC9F, 0xFDCF, 0xFDF0, 0xFFFD,
            0x1FFFD, 0x10FFFD,
        ] {
            #expect(!InvisibleCharacters.isRemoved(value), "U+\(String(value, radix: 16))")
        }
    }

    /// The byte-level tests find exactly the characters `isRemoved` and `isVariationSelector` name, at every position.
    @Test func byteTestAgreesWithTheRuleForEveryScalar() {
        for value in UInt32(0)...UInt32(0x10FFFF) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let bytes = ArraySlice(Array("a\(scalar)".utf8)).dropFirst()
            let length = InvisibleCharacters.removedLength(bytes, at: bytes.startIndex)
            #expect(length == (InvisibleCharacters.isRemoved(value) ? bytes.count : 0), "U+\(String(value, radix: 16))")
            let selector = InvisibleCharacters.variationSelectorLength(bytes, at: bytes.startIndex)
            #expect(selector == (InvisibleCharacters.isVariationSelector(value) ? bytes.count : 0), "U+\(String(value, radix: 16))")
        }
    }

    @Test func removingFromText() {
        #expect(InvisibleCharacters.removing(from: "Wäh\u{AD}rend") == "Während")
        #expect(InvisibleCharacters.removing(from: "\u{FEFF}a\u{200B}b\u{2060}") == "ab")
        #expect(InvisibleCharacters.removing(from: "👩\u{200D}💻 می\u{200C}خواهم") == "👩\u{200D}💻 می\u{200C}خواهم")
        #expect(InvisibleCharacters.removing(from: "") == "")
        // A title's joiners that join nothing go too, as in the text.
        #expect(InvisibleCharacters.removing(from: "\u{200D}Hello \u{200C}\u{200D}world\u{200D}\u{AD}") == "Hello world")
        #expect(InvisibleCharacters.removing(from: "\u{200D}\u{200D}") == "")
    }

    @Test func cleanTextCarriesNone() {
        let html =
            "<p>Wäh\u{AD}rend der Zei&shy;tung long\u{200B}word join\u{2060}ed \u{FEFF}x</p>"
            + "<pre>co\u{AD}de</pre><p>👨\u{200D}👩\u{200D}👧 می\u{200C}خواهم क्\u{200D}ष</p>"
        #expect(
            TextRendererTests.allText(html)
                == "Während der Zeitung longword joined x\n\ncode\n\n👨\u{200D}👩\u{200D}👧 می\u{200C}خواهم क्\u{200D}ष")
    }

    /// A joiner between two characters stays (an emoji sequence, a Persian word); one next to a space or
    /// a break joins nothing: a CMS's empty paragraph of one joiner is no paragraph.
    @Test func joinersThatJoinNothingAreNotWritten() {
        let html =
            "<p>One.</p><p>\u{200D}</p><p><em>\u{200D}</em>\u{200D}</p><p>Two\u{200D} <b>three</b>\u{200C}</p>"
            + "<p>👩\u{200D}<b>💻</b> \u{200C}x</p>"
        let text = TextRendererTests.allText(html)
        #expect(text == "One.\n\nTwo three\n\n👩\u{200D}💻 x", "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        let lines = "One.\n\n\u{200D}\n\n\u{200D}\u{200D}\n\nTwo\u{200D} three\u{200C}\n\n👩\u{200D}💻 \u{200C}x"
        #expect(TextNormalizer().normalize(lines) == text)
    }

    /// Noncharacters are a program's own codes: neither clean (raw or as a reference) nor normalize writes them.
    @Test func noncharactersAreNotWritten() {
        // Swift's literals refuse noncharacters: the text is made of scalars.
        let text = String(
            String.UnicodeScalarView(
                zip("abcdefg".unicodeScalars, [0xFDD0, 0xFDEF, 0xFFFE, 0xFFFF, 0x1FFFF, 0x10FFFE, 0xFDD0]).flatMap {
                    [$0, Unicode.Scalar($1)!]
                }))
        #expect(TextNormalizer().normalize(text) == "abcdefg")
        #expect(TextRendererTests.allText("<p>\(text)</p><pre>\(text)</pre>") == "abcdefg\n\nabcdefg")
        #expect(TextRendererTests.allText("<p>a&#xFDD0;b&#xFDEF;c&#xFFFE;d&#65535;e&#x1FFFF;f&#x10FFFE;g</p>") == "abcdefg")
        #expect(InvisibleCharacters.removing(from: text) == "abcdefg")
    }

    /// A variation selector after white space or at a line's start selects a glyph for nothing: it is
    /// not written, as a joiner that joins nothing; after a character it stays (text or emoji style).
    @Test func variationSelectorsThatSelectNothingAreNotWritten() {
        let html =
            "<p>\u{FE0F}One ☺\u{FE0F} two \u{FE0E}three <b>\u{FE0F}</b>four</p><p>\u{E0100}x 葛\u{E0100} \u{180B}y</p>"
            + "<pre>\u{FE0F}z \u{FE0F}w☺\u{FE0E}</pre>"
        let text = TextRendererTests.allText(html)
        #expect(
            text == "One ☺\u{FE0F} two three four\n\nx 葛\u{E0100} y\n\nz w☺\u{FE0E}",
            "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        let lines =
            "\u{FE0F}One ☺\u{FE0F} two \u{FE0E}three \u{FE0F}four\n\n\u{E0100}x 葛\u{E0100} \u{180B}y\n\n\u{FE0F}z \u{FE0F}w☺\u{FE0E}"
        #expect(TextNormalizer().normalize(lines) == text)
        #expect(InvisibleCharacters.removing(from: "\u{FE0F}One ☺\u{FE0F} \u{FE0E}two") == "One ☺\u{FE0F} two")
    }

    /// Interlinear annotation (U+FFF9 base U+FFFA annotation U+FFFB) is ruby: the annotation goes with
    /// its marks, where dropping the marks alone glued base and reading into one word.
    @Test func interlinearAnnotationsAreDroppedWithTheirMarks() {
        let ruby = "\u{FFF9}漢字\u{FFFA}かんじ\u{FFFB}を読む。\u{FFF9}東京\u{FFFA}とう\u{FFFA}きょう\u{FFFB} a \u{FFFA} b \u{FFFB} c"
        #expect(TextNormalizer().normalize(ruby) == "漢字を読む。東京 a c")
        #expect(TextRendererTests.allText("<p>\(ruby)</p>") == "漢字を読む。東京 a c")
        #expect(TextRendererTests.allText("<p>\u{FFF9}漢字\u{FFFA}<b>かんじ</b>\u{FFFB}を</p>") == "漢字を")
        #expect(InvisibleCharacters.removing(from: "\u{FFF9}漢字\u{FFFA}かんじ\u{FFFB}を読む") == "漢字を読む")
        // Marks without their pair, or a break between separator and terminator, drop only the marks.
        let stray = "a\u{FFFA}b c\nd\u{FFFA}e\nf\u{FFFB}g\u{FFF9}h"
        #expect(TextNormalizer().normalize(stray) == "ab c\nde\nfgh")
        #expect(TextRendererTests.allText("<p>a\u{FFFA}b c<br>d\u{FFFA}e</p><p>f\u{FFFB}g\u{FFF9}h</p>") == "ab c\nde\n\nfgh")
        #expect(InvisibleCharacters.removing(from: "a\u{FFFB}b\u{FFFA}c") == "abc")
    }

    @Test func normalizeAndCleanShareTheRule() {
        let text = "a\u{AD}b\u{200B}c\u{061C}d\u{200D}e\u{200C}f\u{2066}g\u{2069}h\u{FFF9}i\u{1D173}j\u{206A}k\u{E0001}l\u{1BCA1}m"
        #expect(TextNormalizer().normalize(text) == TextRendererTests.allText("<p>\(text)</p>"))
        #expect(TextNormalizer().normalize(text) == "abcd\u{200D}e\u{200C}fghijklm")
    }
}

/// The clean stage writes NFC, as the normalize stage does, whatever form the page spells.
@Suite struct CleanTextFormTests {
    @Test func cleanTextIsNFC() {
        let text = TextRendererTests.allText("<p>Mu\u{0308}ller und Gro\u{AD}\u{0308}sse, e\u{0301}te\u{0301}, \u{212B}</p>")
        #expect(Array(text.unicodeScalars) == Array("Müller und Grösse, été, Å".unicodeScalars))
        #expect(Array(TextRendererTests.allText("<p>plain ascii</p>").unicodeScalars) == Array("plain ascii".unicodeScalars))
    }

    @Test func titleFieldIsNFCWithoutInvisibleCharacters() {
        guard case .text(_, let metadata, _) = HTMLExtractor().extract(.text("<title>\u{200D}Fu\u{0308}\u{AD}r alle</title><p>x</p>"))
        else {
            Issue.record("refused")
            return
        }
        #expect(metadata.title.map { Array($0.unicodeScalars) } == Array("Für alle".unicodeScalars))
    }
}
