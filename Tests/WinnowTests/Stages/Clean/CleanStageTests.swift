import Testing
import WinnowTestSupport

@testable import Winnow

/// The clean stage on documents: fields written, html dropped or kept, refusals as removals.
@Suite struct CleanStageTests {
    static func document(html: HTMLContent?, text: String? = nil) -> Document {
        Document(id: "d", text: text, html: html, origin: DocumentOrigin(source: "test", line: 1))
    }

    @Test func writesTextAndMetadataAndDropsHTML() {
        var doc = Self.document(html: .text("<html lang=\"fr\"><title>Titre</title><p>Bonjour, le monde.</p></html>"))
        #expect(CleanStage(options: CleanOptions()).process(&doc) == .keep)
        #expect(doc.text == "Bonjour, le monde.")
        #expect(doc.html == nil)
        #expect(doc.stringField("title") == "Titre")
        #expect(doc.stringField("language") == "fr")
    }

    /// The canonical URL a page states becomes its url when the record has none (an HTML file), so
    /// `templates` groups it with its site's pages, not with every page that has no URL.
    @Test func theCanonicalURLIsTheURLOfAPageWithoutOne() {
        let story = "<p>The words of the story, enough of them to read as prose.</p>"
        var page = Self.document(html: .text("<link rel=canonical href='https://one.example/story'>" + story))
        #expect(CleanStage(options: CleanOptions()).process(&page) == .keep)
        #expect(page.url == "https://one.example/story")
        var openGraph = Self.document(html: .text("<meta property=og:url content='https://two.example/copy'>" + story))
        _ = CleanStage(options: CleanOptions()).process(&openGraph)
        #expect(openGraph.url == "https://two.example/copy")
        // A record's own url stays; a relative canonical URL with nothing to resolve it against is no address.
        var own = Document(
            id: "d", text: nil, html: .text("<link rel=canonical href='https://one.example/story'>" + story),
            url: "https://mirror.example/a", origin: DocumentOrigin(source: "test", line: 1))
        _ = CleanStage(options: CleanOptions()).process(&own)
        #expect(own.url == "https://mirror.example/a")
        var relative = Self.document(html: .text("<link rel=canonical href='/story'>" + story))
        _ = CleanStage(options: CleanOptions()).process(&relative)
        #expect(relative.url == nil && relative.stringField("canonical_url") == "/story")
    }

    @Test func keepHTMLOption() {
        var options = CleanOptions()
        options.keepHTML = true
        var doc = Self.document(html: .text("<p>Hello there.</p>"))
        _ = CleanStage(options: options).process(&doc)
        #expect(doc.html == .text("<p>Hello there.</p>"))
    }

    @Test func emptyPagesAreRemovedWithTheirHTML() {
        var doc = Self.document(html: .text("<html><body><script>x()</script></body></html>"))
        #expect(CleanStage(options: CleanOptions()).process(&doc) == .remove(reason: "no-text"))
        #expect(doc.html != nil)
        // A record with text of its own beside a page that gives none is removed with that text, not an empty one.
        var both = Self.document(html: .text("<nav><a href=/>Home</a></nav>"), text: "The crawler's own text.")
        #expect(CleanStage(options: CleanOptions()).process(&both) == .remove(reason: "no-text"))
        #expect(both.text == "The crawler's own text.")
        var blank = Self.document(html: .text("  "), text: "Kept as it came.")
        #expect(CleanStage(options: CleanOptions()).process(&blank) == .remove(reason: "no-text") && blank.text == "Kept as it came.")
    }

    /// A page given as bytes in another encoding keeps its html as it was read, in Unicode, whether it is
    /// kept with `keep_html` or removed; UTF-8 bytes stay as they were (NUL and all), and so do a refused page's.
    @Test func pagesInOtherEncodingsKeepTheirHTMLAsRead() {
        var options = CleanOptions()
        options.keepHTML = true
        let cyrillic: [UInt8] = [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2]  // "Привет" in Windows-1251
        let head = Array("<meta charset=windows-1251><p>".utf8)
        var kept = Self.document(html: .bytes(head + cyrillic))
        #expect(CleanStage(options: options).process(&kept) == .keep)
        #expect(kept.text == "Привет" && kept.html == .text("<meta charset=windows-1251><p>Привет"))
        var removed = Self.document(html: .bytes(Array("<meta charset=windows-1251><script>x()</script><!-- ".utf8) + cyrillic))
        #expect(CleanStage(options: CleanOptions()).process(&removed) == .remove(reason: "no-text"))
        #expect(removed.html == .text("<meta charset=windows-1251><script>x()</script><!-- Привет"))
        let utf8 = Array("<p>При\u{0}вет\u{0C}</p>".utf8)
        var same = Self.document(html: .bytes(utf8))
        _ = CleanStage(options: options).process(&same)
        #expect(same.html == .bytes(utf8))
        options.extraction.maxBytes = 8
        var refused = Self.document(html: .bytes(head + cyrillic))
        #expect(CleanStage(options: options).process(&refused) == .remove(reason: "html-too-large"))
        #expect(refused.html == .bytes(head + cyrillic))
    }

    @Test func textOnlyRecordsPassThrough() {
        var doc = Self.document(html: nil, text: "already text")
        #expect(CleanStage(options: CleanOptions()).process(&doc) == .keep)
        #expect(doc.text == "already text")
    }

    @Test func declaredCharsetField() {
        var doc = Document(
            id: "d", text: nil, html: .bytes(Array("<p>".utf8) + [0xE9, 0x74, 0xE9]),
            origin: DocumentOrigin(source: "test", line: 1))
        doc.setField("content_type", .string("text/html; charset=ISO-8859-1"))
        _ = CleanStage(options: CleanOptions()).process(&doc)
        #expect(doc.text == "été")
    }
}
