import Testing

@testable import Winnow

/// `prose-sections`: sections of two paragraphs before the content's wrapper are a long article's
/// opening, which an ad's row splits from its body: they join whatever their share of the prose.
@Suite struct OpeningSectionsTests {
    static let opening =
        "<div class=\"row\"><div class=\"col\"><p>Germany confirmed its first cases this week, and the health authorities "
        + "say that the outbreak can still be contained if contacts are traced quickly, as they were in Bavaria, "
        + "where the first patients were found in January and the chains of infection were followed up in days.</p>"
        + "<p>One problem: so many reports and rumours circulate about the virus that it is hard to tell what is known "
        + "from what is feared, and the questions below try to sort the one from the other, one by one, with what the "
        + "health authorities and the researchers who study such viruses say today.</p></div></div>"
    static let adRow = "<div class=\"row\"><div class=\"col\"></div></div>"
    static let body =
        "<div class=\"row\"><div class=\"col\">\(String(repeating: MainContentTests.article, count: 8))</div></div>"

    @Test func theOpeningBeforeAnAdRowJoinsTheBody() {
        let html = "<body><div class=\"page\">\(Self.opening)\(Self.adRow)\(Self.body)</div></body>"
        let text = MainContentTests.mainText(html)
        #expect(text.contains("Germany confirmed its first cases") && text.contains("from next week."), "\(text)")
        let off = MainContentTests.mainText(html) { $0.disabledRules = ContentRules(.proseSections) }
        #expect(!off.contains("Germany confirmed its first cases"), "\(off)")
    }

    @Test func theSameSectionsAfterTheBodyStayOut() {
        // After the article: a writer's bio, a promotion of the site's services.
        let html = "<body><div class=\"page\">\(Self.body)\(Self.adRow)\(Self.opening)</div></body>"
        #expect(!MainContentTests.mainText(html).contains("Germany confirmed its first cases"))
    }

    @Test func aSingleParagraphBeforeTheBodyStaysOut() {
        let single =
            "<div class=\"row\"><div class=\"col\"><p>Germany confirmed its first cases this week, and the health "
            + "authorities say that the outbreak can still be contained if contacts are traced quickly.</p></div></div>"
        let html = "<body><div class=\"page\">\(single)\(Self.adRow)\(Self.body)</div></body>"
        #expect(!MainContentTests.mainText(html).contains("Germany confirmed its first cases"))
    }
}
