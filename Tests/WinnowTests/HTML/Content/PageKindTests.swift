import Testing
import WinnowTestSupport

@testable import Winnow

/// What a page's structured data says it is.
@Suite struct PageKindTests {
    static func kind(_ head: String) -> PageKind {
        HTMLParser.parse(Array("<html><head>\(head)</head><body><p>Text</p></body></html>".utf8)).kind
    }

    @Test func productsByOpenGraphJSONLDAndMicrodata() {
        #expect(Self.kind("<meta property=\"og:type\" content=\"product.item\">").isProduct)
        #expect(Self.kind("<script type=\"application/ld+json\">{\"@type\" : \"ProductGroup\"}</script>").isProduct)
        #expect(Self.kind("<script type=\"application/ld+json\">{\"@graph\": [{\"@type\": [\"Thing\", \"Product\"]}]}</script>").isProduct)
        #expect(HTMLParser.parse(Array("<div itemscope itemtype=\"https://schema.org/Product\"><p>Pack</p></div>".utf8)).kind.isProduct)
    }

    @Test func articlesAndOtherPagesAreNotProducts() {
        #expect(!Self.kind("").isProduct)
        #expect(!Self.kind("<script type=\"application/ld+json\">{\"@type\": \"Productivity\"}</script>").isProduct)
        #expect(!Self.kind("<meta property=\"og:type\" content=\"website\">").isProduct)
        #expect(
            !Self.kind(
                "<meta property=\"og:type\" content=\"product\"><script type=\"application/ld+json\">"
                    + "{\"@type\": \"NewsArticle\"}</script>"
            ).isProduct)
    }
}
