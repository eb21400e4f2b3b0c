import Testing

@testable import Winnow

/// `chrome-headings`: a block that opens with a heading named like chrome goes; not when the heading
/// is a link with no text of its own (an item's title), however deep such headings nest.
@Suite struct ChromeHeadingTests {
    static let article = MainContentTests.article
    static let item = "<p>Some words of the item, in a sentence.</p>"

    @Test func aBlockUnderAChromeHeadingGoes() {
        let block = "<div><h2 class=\"related-title\">Related</h2>\(Self.item)</div>"
        let text = MainContentTests.mainText("<body><article>\(Self.article)\(block)\(Self.article)</article></body>")
        #expect(!text.contains("Some words of the item"), "\(text)")
    }

    @Test func nestedChromeHeadingsAroundALinkTitleAnItem() {
        let headings =
            String(repeating: "<h2 class=\"related-title\">", count: 10) + "<a href=\"/x\">Story title</a>"
            + String(repeating: "</h2>", count: 10)
        let block = "<div>\(headings)\(Self.item)</div>"
        let text = MainContentTests.mainText("<body><article>\(Self.article)\(block)\(Self.article)</article></body>")
        #expect(text.contains("Some words of the item"), "\(text)")
        // A heading with text of its own, around a link: chrome.
        let titled =
            "<div><h2 class=\"related-title\"><h2 class=\"related-title\">Related</h2><a href=\"/x\">Story</a></h2>\(Self.item)</div>"
        let dropped = MainContentTests.mainText("<body><article>\(Self.article)\(titled)\(Self.article)</article></body>")
        #expect(!dropped.contains("Some words of the item"), "\(dropped)")
    }
}
