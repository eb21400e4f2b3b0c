import Testing

@testable import Winnow

/// `control-labels`: a block whose whole text is a comment, share or print control's label goes; the
/// words inside a sentence, an entry of a list or a table, and a cell's paragraph stay.
@Suite struct ControlLabelTests {
    static let article = MainContentTests.article

    @Test func theLabelOfAControlGoes() {
        for label in ["3 Comments", "Leave a Reply", "Kommentar verfassen", "Share this article", "Teilen:", "Rezept drucken"] {
            let html = "<body><article>\(Self.article)<div class=\"tools\"><h3>\(label)</h3></div></article></body>"
            let text = MainContentTests.mainText(html)
            #expect(!text.contains(label) && text.hasSuffix("from next week."), "\(label): \(text)")
            let off = MainContentTests.mainText(html) { $0.disabledRules = ContentRules(.controlLabels) }
            #expect(off.contains(label), "\(label): \(off)")
        }
    }

    @Test func theWordsInASentenceStay() {
        let html = "<body><article>\(Self.article)<p>Share the comments with the council.</p></article></body>"
        let text = MainContentTests.mainText(html)
        #expect(text.contains("Share the comments with the council."), "\(text)")
    }

    @Test func anEntryOfAListOrATableStays() {
        let keywords = "<p>The keywords of the language:</p><ul><li>collate</li><li>comment</li><li>commit</li></ul>"
        let table = "<table><tr><td><p>Print</p></td><td><p>Writes the value to the screen, then moves the cursor.</p></td></tr></table>"
        let text = MainContentTests.mainText("<body><article>\(Self.article)\(keywords)\(table)</article></body>")
        #expect(text.contains("comment") && text.contains("Print"), "\(text)")
    }

    /// Labels deep inside a page's boxes go, each asked once whether a list holds it; deep inside an item they stay.
    @Test func labelsDeepInsideBoxesGoAndDeepInsideAnItemStay() {
        let open = String(repeating: "<div>", count: 40)
        let close = String(repeating: "</div>", count: 40)
        let html =
            "<body><article>\(Self.article)\(open)<div>Share</div><div>Print</div>\(close)"
            + "<ul><li>\(open)<div>Comments</div>\(close)</li></ul></article></body>"
        let text = MainContentTests.mainText(html)
        #expect(!text.contains("Share") && !text.contains("Print") && text.hasSuffix("from next week.\n\nComments"), "\(text)")
    }
}
