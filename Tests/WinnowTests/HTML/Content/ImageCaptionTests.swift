import Foundation
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

    /// The text of the page around `box`, the long article before and after it left out.
    static func around(_ box: String) -> String {
        let text = MainContentTests.mainText("<body><article>\(long)\(box)\(long)</article></body>")
        return MainContentTests.mainText("<body><article>\(long)\(long)</article></body>").split(separator: "\n")
            .reduce(text) { $0.replacingOccurrences(of: String($1), with: "") }
            .split(separator: "\n").filter { !$0.isEmpty }.joined(separator: " / ")
    }

    @Test func manyImagesOverTheBoxsOwnLineKeepIt() {
        let images = String(repeating: "<img src=\"a.png\">", count: 30)
        #expect(Self.around("<div>\(images)short caption</div>") == "short caption")
        #expect(Self.around("<div>\(images)<br>short caption</div>").isEmpty, "a line break sets it apart")
    }

    @Test func theBoxIsTheHighestElementWithNoTextBeforeTheImage() {
        let deep =
            String(repeating: "<div>", count: 30) + String(repeating: "<img src=\"a.png\">", count: 10)
            + "<p>deep caption</p>" + String(repeating: "</div>", count: 30)
        #expect(Self.around(deep).isEmpty)
        let intro = "<div><span>Intro words here.</span><div><img src=\"a.png\"><p>inner caption</p></div></div>"
        #expect(Self.around(intro) == "Intro words here.")
    }

    @Test func aHeadingOrASecondBlockAfterTheImageIsNoCaption() {
        #expect(Self.around("<div><img src=\"a.png\"><p>caption one</p><h3>Title</h3></div>") == "caption one / Title")
        #expect(Self.around("<div><img src=\"a.png\"><p>caption one</p><p>caption two</p></div>") == "caption one / caption two")
    }

    @Test func aSiblingThatOpensWithAnImageMakesAGridHoweverDeepItsImage() {
        let item = "<div><img src=\"c.png\"><p>grid item</p></div>"
        let deep = "<div><div><div><img src=\"b.png\"></div></div></div>"
        #expect(Self.around("<div><p>Gallery of the week.</p>\(deep)\(item)</div>") == "Gallery of the week. / grid item")
        #expect(Self.around("<div><p>Gallery of the week.</p>\(item) \(deep)</div>") == "Gallery of the week. / grid item")
        let words = "<div><div>Other words</div></div>"
        #expect(Self.around("<div><p>Gallery of the week.</p>\(words)\(item)</div>") == "Gallery of the week. / Other words")
    }
}
