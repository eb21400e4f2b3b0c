import Testing

@testable import Winnow

/// `permalink-sections`: a heading's in-page link of one character or none to its chrome-named section
/// makes the section content again; a link of more text does not.
@Suite struct PermalinkSectionTests {
    static func keepsSection(linkText: String) -> Bool {
        let html =
            "<body><div role=\"main\">\(ContentRuleTests.long)<section id=\"footer-settings\"><h2>Footer settings"
            + "<a href=\"#footer-settings\">\(linkText)</a></h2>\(ContentRuleTests.prose)</section></div></body>"
        return MainContentTests.mainText(html).contains("A paragraph that is long enough")
    }

    @Test func aMarkOrNoneAmongSpacesIsAPermalink() {
        for mark in ["¶", "  § \n ", "<span> </span>#<span> </span>", "", "<b><a href=\"#other\">x</a></b>"] {
            #expect(Self.keepsSection(linkText: mark), "\(mark)")
        }
    }

    @Test func twoCharactersOrAWordAreNot() {
        for text in ["¶¶", "Link", "<span>¶</span><span> ¶</span>"] { #expect(!Self.keepsSection(linkText: text), "\(text)") }
    }
}
