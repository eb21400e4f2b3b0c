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
