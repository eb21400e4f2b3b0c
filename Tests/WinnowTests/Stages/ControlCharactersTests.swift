import Testing
import WinnowTestSupport

@testable import Winnow

/// The control characters no text output carries: normalize drops them and clean never writes them.
@Suite struct ControlCharactersTests {
    @Test func controlsAreRemovedAndLineBreaksKept() {
        for value: UInt32 in [0x00, 0x01, 0x08, 0x0E, 0x1F, 0x7F, 0x80, 0x81, 0x84, 0x86, 0x9D, 0x9F] {
            #expect(ControlCharacters.isRemoved(value), "U+\(String(value, radix: 16))")
        }
        for value: UInt32 in [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x7E, 0x85, 0xA0, 0xAD] {
            #expect(!ControlCharacters.isRemoved(value), "U+\(String(value, radix: 16))")
        }
    }

    /// The byte-level test finds exactly the characters `isRemoved` names.
    @Test func byteTestAgreesWithTheRule() {
        for value in UInt32(0)...UInt32(0x800) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let bytes = ArraySlice(Array("a\(scalar)".utf8)).dropFirst()
            let length = ControlCharacters.removedLength(bytes, at: bytes.startIndex)
            #expect(length == (ControlCharacters.isRemoved(value) ? bytes.count : 0), "U+\(String(value, radix: 16))")
        }
    }

    /// DEL and the C1 controls Windows-1252 leaves undefined were written by clean alone; C0 controls
    /// never were (libxml2 drops them). Raw or as references, in text, `<pre>` and the title.
    @Test func cleanWritesNoControlThatNormalizeDrops() {
        let text = "a\u{7F}b\u{81}c\u{8D}d\u{8F}e\u{90}f\u{9D}g\u{01}h"
        #expect(TextNormalizer().normalize(text) == "abcdefgh")
        // A C0 control in the page is a space to the parser (`CharsetDecoder.becomesSpace`): a browser
        // draws it as a glyph between the words.
        #expect(TextRendererTests.allText("<p>\(text)</p><pre>x\u{7F}y\u{9D}z</pre>") == "abcdefg h\n\nxyz")
        #expect(TextRendererTests.allText("<p>a&#x7F;b&#x81;c&#127;d&#144;e&#1;f</p>") == "abcdef")
        guard case .text(_, let metadata, _) = HTMLExtractor().extract(.text("<title>T\u{7F}i&#x9D;t\u{81}le</title><p>x</p>")) else {
            Issue.record("refused")
            return
        }
        #expect(metadata.title == "Title")
        // og:title's C1 controls are read as Windows-1252 as the text's are; those it leaves undefined drop.
        let page = "<meta property=og:title content=\"Don\u{92}t \u{80}5\u{9D}!\"><title>T</title><p>x</p>"
        guard case .text(_, let openGraph, _) = HTMLExtractor().extract(.text(page)) else {
            Issue.record("refused")
            return
        }
        #expect(openGraph.title == "Don’t €5!")
        // The controls Windows-1252 defines are still read as its characters (&#x80; is €, &#x85; …).
        #expect(TextRendererTests.allText("<p>&#x80;5 &#x85; \u{93}q\u{94}</p>") == "€5 … “q”")
    }
}
