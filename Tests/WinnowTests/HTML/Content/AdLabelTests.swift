import Testing

@testable import Winnow

/// `ad-labels`: a block whose whole text is an ad slot's label goes; the words inside a sentence stay.
@Suite struct AdLabelTests {
    static let article = MainContentTests.article

    @Test func theLabelOfAnAdSlotGoes() {
        for label in ["Advertisement", "- Anzeige -", "PUBLICIDAD", "Werbung:", "— Advertisement —", "广告"] {
            let html = "<body><article>\(Self.article)<div class=\"slot\"><span>\(label)</span></div>\(Self.article)</article></body>"
            let text = MainContentTests.mainText(html)
            #expect(!text.contains(label) && text.contains("from next week."), "\(label): \(text)")
            let off = MainContentTests.mainText(html) { $0.disabledRules = ContentRules(.adLabels) }
            #expect(off.contains(label), "\(label): \(off)")
        }
    }

    @Test func aSentenceAboutAdvertisingStays() {
        let html = "<body><article>\(Self.article)<p>Advertising pays.</p><p>Werbung</p>\(Self.article)</article></body>"
        let text = MainContentTests.mainText(html)
        #expect(text.contains("Advertising pays.") && !text.contains("Werbung"), "\(text)")
    }

    @Test func anItemOfAListStays() {
        let list = "<p>Designers work in:</p><ul><li>Branding</li><li>Advertising</li><li>Illustration</li></ul>"
        let text = MainContentTests.mainText("<body><article>\(Self.article)\(list)\(Self.article)</article></body>")
        #expect(text.contains("Advertising"), "\(text)")
    }

    /// Only a block of a few elements is read as a label: reading every short block's whole subtree
    /// made a page of deeply nested elements quadratic (80,000 levels took 4.5 s).
    @Test func aBlockOfManyElementsIsNoLabel() {
        let icons = String(repeating: "<i></i>", count: LabelBlocks.maxNodes)
        let html =
            "<body><article>\(Self.article)<div class=\"slot\">\(icons)<span>Advertisement</span></div>\(Self.article)</article></body>"
        #expect(MainContentTests.mainText(html).contains("Advertisement"))
        let deep = String(repeating: "<div>", count: 20_000) + "<p>Advertisement</p>" + String(repeating: "</div>", count: 20_000)
        #expect(!MainContentTests.mainText("<body><article>\(Self.article)\(deep)</article></body>").isEmpty)
    }
}
