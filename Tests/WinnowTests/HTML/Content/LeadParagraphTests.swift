import Testing

@testable import Winnow

/// `lead-paragraphs`: the paragraph between the headline and the body's element is the article's lead.
@Suite struct LeadParagraphTests {
    static let body = "<div class=\"news-text\">\(String(repeating: MainContentTests.article, count: 4))</div>"
    static let lead =
        "<p>The town's budget for next year passed after a night of debate, and the library will open again in the spring.</p>"

    @Test func theLeadBetweenHeadlineAndBodyJoinsTheContent() {
        let html = "<body><article><h1>Budget passes</h1><div class=\"teaser-text\">\(Self.lead)</div>\(Self.body)</article></body>"
        let text = MainContentTests.mainText(html)
        #expect(text.contains("The town's budget for next year") && text.contains("from next week."), "\(text)")
        let off = MainContentTests.mainText(html) { $0.disabledRules = ContentRules(.leadParagraphs) }
        #expect(!off.contains("The town's budget for next year"), "\(off)")
    }

    @Test func aDekInTheArticlesHeaderStaysOut() {
        let html = "<body><article><header><h1>Budget passes</h1>\(Self.lead)</header>\(Self.body)</article></body>"
        #expect(!MainContentTests.mainText(html).contains("The town's budget for next year"))
    }

    @Test func aDekBesideTheBylineAndDateStaysOut() {
        let byline = "<div class=\"meta\">\(Self.lead)<time datetime=\"2026-01-05\">5 January</time> <span>By A. Writer</span></div>"
        let html = "<body><article><h1>Budget passes</h1>\(byline)\(Self.body)</article></body>"
        #expect(!MainContentTests.mainText(html).contains("The town's budget for next year"))
    }

    @Test func aCaptionBesideItsImageIsNoLead() {
        let figure = "<div class=\"image\"><img src=\"/council.jpg\" alt=\"\">\(Self.lead)</div>"
        let html = "<body><article><h1>Budget passes</h1>\(figure)\(Self.body)</article></body>"
        #expect(!MainContentTests.mainText(html).contains("The town's budget for next year"))
    }

    /// The article's picture before the headline (in the headline too) is no image the lead captions.
    @Test func aPictureBeforeTheHeadlineLeavesTheLead() {
        let picture = "<p><picture><source srcset=\"/hero.webp\"><img src=\"/hero.jpg\" alt=\"\"></picture></p>"
        for headline in ["<h1>Budget passes</h1>", "<h1><img src=\"/icon.png\" alt=\"\">Budget passes</h1>"] {
            let html = "<body><article><div class=\"teaser-text\">\(picture)\(headline)\(Self.lead)</div>\(Self.body)</article></body>"
            #expect(MainContentTests.mainText(html).contains("The town's budget for next year"), "\(headline)")
            let off = MainContentTests.mainText(html) { $0.disabledRules = ContentRules(.leadParagraphs) }
            #expect(!off.contains("The town's budget for next year"), "\(off)")
        }
    }

    @Test func aParagraphWithNoHeadlineBeforeItIsNoLead() {
        let html = "<body><div><div class=\"teaser-text\">\(Self.lead)</div>\(Self.body)</div></body>"
        #expect(!MainContentTests.mainText(html).contains("The town's budget for next year"))
    }
}
