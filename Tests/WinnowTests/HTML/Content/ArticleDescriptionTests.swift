import Testing

@testable import Winnow

/// `article-descriptions`: the `itemprop=description` of the item whose `articleBody` is the content is its lead.
@Suite struct ArticleDescriptionTests {
    static let lead = "The town's budget for next year passed after a night of debate, and the library will open again."
    static let description = "<div class=\"row\"><div class=\"col\"><div itemprop=\"description\"><p>\(lead)</p></div></div></div>"
    static let body =
        "<div class=\"row\"><div class=\"col\"><div itemprop=\"articleBody\">\(String(repeating: MainContentTests.article, count: 4))</div></div></div>"

    /// A news item as a CMS writes it: headline, description and body in one `NewsArticle` item.
    static func page(_ description: String, body: String = body) -> String {
        "<body><div class=\"article\" itemscope itemtype=\"https://schema.org/NewsArticle\"><h1>Budget passes</h1>"
            + "\(description)\(body)</div></body>"
    }

    @Test func theDescriptionOfTheArticleJoinsItsBody() {
        let html = Self.page(Self.description)
        let text = MainContentTests.mainText(html)
        #expect(text.contains("The town's budget for next year") && text.contains("from next week."), "\(text)")
        #expect(text.firstRange(of: "The town's budget")!.lowerBound < text.firstRange(of: "The council approved")!.lowerBound)
        let off = MainContentTests.mainText(html) { $0.disabledRules = ContentRules(.articleDescriptions) }
        #expect(!off.contains("The town's budget for next year"), "\(off)")
    }

    @Test func aTeasersDescriptionStaysOut() {
        let teaser =
            "<div itemscope itemtype=\"https://schema.org/NewsArticle\"><a href=\"/other\">Another story</a>"
            + "<div itemprop=\"description\"><p>\(Self.lead)</p></div></div>"
        let html = "<body>\(teaser)<div itemscope itemtype=\"https://schema.org/NewsArticle\">\(Self.body)</div></body>"
        #expect(!MainContentTests.mainText(html).contains("The town's budget for next year"))
    }

    @Test func theDescriptionOfAnOuterItemStaysOut() {
        let html =
            "<body itemscope itemtype=\"https://schema.org/WebPage\">\(Self.description)"
            + "<div itemscope itemtype=\"https://schema.org/NewsArticle\">\(Self.body)</div></body>"
        #expect(!MainContentTests.mainText(html).contains("The town's budget for next year"))
    }

    @Test func aDescriptionAfterTheBodyStaysOut() {
        let html =
            "<body><div itemscope itemtype=\"https://schema.org/NewsArticle\">\(Self.body)"
            + "<div class=\"row\"><div class=\"col\">\(Self.description)</div></div></div></body>"
        #expect(!MainContentTests.mainText(html).contains("The town's budget for next year"))
    }

    @Test func theTreeRecordsItemsAndDescriptions() {
        let tree = HTMLParser.parse(Array(Self.page(Self.description).utf8))
        #expect(tree.items.scopes.count == 1 && tree.items.descriptions.count == 1)
        let description = Int(tree.items.descriptions[0])
        var scopes = tree.items.scopeOfEach(tree.nodes)
        #expect(scopes.nearest(description) == Int(tree.items.scopes[0]))
    }

    @Test func theDescriptionJoinsPastEmptyItemsAndManyBodies() {
        let items = String(repeating: "<div itemscope></div>", count: 20)
        let bodies = String(repeating: "<div itemprop=\"articleBody\">b</div>", count: 20)
        let html =
            "<body><div itemscope><p itemprop=\"description\">\(Self.lead)</p>\(items)<article itemprop=\"articleBody\">"
            + "\(String(repeating: MainContentTests.article, count: 4))\(bodies)</article></div></body>"
        #expect(MainContentTests.mainText(html).contains("The town's budget for next year"))
        let tree = HTMLParser.parse(Array(html.utf8))
        var scopes = tree.items.scopeOfEach(tree.nodes)
        let article = tree.nodes.indices.first { tree.nodes[$0].tag == .article }!
        #expect(
            scopes.nearest(article) == Int(tree.items.scopes[0]) && scopes.nearest(0) == nil
                && scopes.nearest(Int(tree.items.scopes[0])) == nil)
    }
}
