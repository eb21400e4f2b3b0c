import Testing

@testable import Winnow

/// `footnotes`: an `aside` named as footnotes, or given a footnote's role, stays in the article it
/// annotates (docutils writes `<aside class="footnote-list"><aside class="footnote" role="note">`);
/// other asides, and other chrome tags named so, stay chrome.
@Suite struct FootnoteTests {
    static let note = "<p>The name of this module stems from a term the designers of another language used for shipping data.</p>"

    static func keeps(_ box: String) -> Bool {
        MainContentTests.mainText("<body><article>\(ContentRuleTests.article)\(box)</article></body>")
            .contains("The name of this module stems")
    }

    @Test func asidesNamedOrMarkedAsFootnotesAreKept() {
        for box in [
            "<aside class=\"footnote-list brackets\"><aside class=\"footnote brackets\" role=\"note\">\(Self.note)</aside></aside>",
            "<aside id=\"footnotes\">\(Self.note)</aside>",
            "<aside role=\"doc-footnote\">\(Self.note)</aside>",
            "<aside role=\"doc-endnotes\"><ol><li>\(Self.note)</li></ol></aside>",
        ] {
            #expect(Self.keeps(box), "\(box)")
        }
    }

    @Test func otherAsidesAndFootersNamedSoAreChrome() {
        for box in [
            "<aside>\(Self.note)</aside>", "<aside role=\"note\">\(Self.note)</aside>",
            "<footer class=\"footnote\">\(Self.note)</footer>", "<nav class=\"footnotes\">\(Self.note)</nav>",
        ] {
            #expect(!Self.keeps(box), "\(box)")
        }
    }
}
