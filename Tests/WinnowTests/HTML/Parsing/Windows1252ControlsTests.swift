import Testing

@testable import Winnow

/// `&#146;` and its kind read as HTML reads them, the Windows-1252 character of that number, not as the
/// C1 control character libxml2 makes of them; controls Windows-1252 leaves undefined stay controls,
/// which the renderer does not write (`ControlCharacters`).
@Suite struct Windows1252ControlsTests {
    @Test func numericReferencesToControlsAreWindows1252() {
        let html = "<p>It&#146;s the user&#x92;s &#147;quoted&#148; text &#150; &#128;5, &#8364;6&#133; &#153;</p>"
        #expect(TextRendererTests.allText(html) == "It’s the user’s “quoted” text – €5, €6… ™")
    }

    @Test func controlsStoredAsUTF8AreRepairedAlike() {
        #expect(TextRendererTests.allText("<p>don\u{92}t \u{96} \u{9F}</p>") == "don’t – Ÿ")
        #expect(TextRendererTests.allText("<p>a&#129;b\u{9D}c</p>") == "abc")
        #expect(TextRendererTests.allText("<p>plain, and\u{A0}no-break\u{AB}quotes\u{BB}</p>") == "plain, and no-break«quotes»")
    }

    @Test func theTitleToo() {
        guard case .text(_, let metadata, _) = HTMLExtractor().extract(.text("<title>Caf&#233; &#150; Men&#252;</title><p>x</p>")) else {
            Issue.record("refused")
            return
        }
        #expect(metadata.title == "Café – Menü")
    }
}
