import Testing

@testable import Winnow

/// `image-captions`: the line of text under an image, in the image's own box, is its caption or credit.
@Suite struct ImageCaptionTests {
    static let long = String(repeating: MainContentTests.article, count: 4)
    static let figure =
        "<div class=\"img-inline\"><a href=\"/photo.jpg\"><img src=\"/photo.jpg\" alt=\"\"></a>"
        + "<div class=\"meta\">The council chamber on Tuesday night. Photo: A. Photographer</div></div>"

    @Test func aCaptionUnderAnImageGoes() {
        let html = "<body><article>\(Self.long)\(Self.figure)\(Self.long)</article></body>"
        let text = MainContentTests.mainText(html)
        #expect(!text.contains("Photo: A. Photographer") && text.contains("from next week."), "\(text)")
        let off = MainContentTests.mainText(html) { $0.disabledRules = ContentRules(.imageCaptions) }
        #expect(off.contains("Photo: A. Photographer"), "\(off)")
    }

    @Test func aCaptionAfterALineBreakGoes() {
        let figure = "<p><img src=\"/chart.png\"><br><em>Figure: the budget by year.</em></p>"
        let text = MainContentTests.mainText("<body><article>\(Self.long)\(figure)\(Self.long)</article></body>")
        #expect(!text.contains("the budget by year"), "\(text)")
    }

    @Test func aParagraphBesideAFloatedImageStays() {
        let paragraph = "<p><img class=\"alignleft\" src=\"/mayor.jpg\">The mayor said the vote was close.</p>"
        let text = MainContentTests.mainText("<body><article>\(Self.long)\(paragraph)\(Self.long)</article></body>")
        #expect(text.contains("The mayor said the vote was close."), "\(text)")
    }

    @Test func theItemsOfAGridStay() {
        let items = ["Peace lily", "Snake plant", "Fern"].map {
            "<div class=\"item\"><img src=\"/\($0).jpg\"><div class=\"name\">\($0), a plant for low light.</div></div>"
        }
        let text = MainContentTests.mainText("<body><article>\(Self.long)<div>\(items.joined())</div></article></body>")
        #expect(text.contains("Snake plant, a plant for low light."), "\(text)")
    }

    @Test func aShortArticleKeepsItsCaptions() {
        let html = "<body><article>\(MainContentTests.article)\(Self.figure)</article></body>"
        #expect(MainContentTests.mainText(html).contains("Photo: A. Photographer"))
    }
}
