import Testing

@testable import Winnow

/// `story-headings`: a heading introducing other stories after the article goes, with its teasers.
@Suite struct StoryHeadingTests {
    static let article = MainContentTests.article

    @Test func aHeadingOfOtherStoriesAfterTheArticleGoesWithItsTeasers() {
        let teasers = (1...3).map {
            "<div><h3><a href=\"/s/\($0)\">Another story from the town, number \($0)</a></h3>"
                + "<p>A short summary of that other story, which readers of this one may also like to read today.</p></div>"
        }
        let html =
            "<body><article>\(Self.article)<h2>Weitere Artikel</h2>\(teasers.joined())<h2>Contact</h2>"
            + "<p>Write to the newsroom.</p></article></body>"
        let text = MainContentTests.mainText(html)
        #expect(text.contains("from next week.") && text.contains("Write to the newsroom."), "\(text)")
        for teaser in ["Weitere Artikel", "Another story", "A short summary"] { #expect(!text.contains(teaser), "\(teaser) in \(text)") }
    }

    @Test func paragraphsAfterSuchAHeadingStayWhenTheyAreNotTeasers() {
        let more =
            "<p>Further paragraphs of the same story follow the heading, as the article goes on after an inserted box.</p>"
        let html = "<body><article>\(Self.article)<h3>Lesen Sie auch</h3>\(more)\(more)</article></body>"
        let text = MainContentTests.mainText(html)
        #expect(!text.contains("Lesen Sie auch") && text.contains("Further paragraphs"), "\(text)")
    }

    @Test func aBoldLineIsSuchAHeadingToo() {
        let links = (1...3).map { "<li><a href=\"/s/\($0)\">Another story from the town, number \($0)</a></li>" }
        let html =
            "<body><article>\(Self.article)<p><strong>Lesen Sie auch die folgenden Beiträge:</strong></p>"
            + "<ul>\(links.joined())</ul></article></body>"
        let text = MainContentTests.mainText(html)
        #expect(text.hasSuffix("from next week."), "\(text)")
    }

    @Test func aBoldSentenceInsideAParagraphIsNotAHeading() {
        let html =
            "<body><article>\(Self.article)<p><strong>Read also</strong> the notes of the meeting, at the town hall.</p></article></body>"
        #expect(MainContentTests.mainText(html).contains("Read also the notes"))
    }

    @Test func aParagraphOfSuchAPhraseAndALinkInsideTheArticleGoes() {
        let html =
            "<body><article>\(Self.article)<p><em>Czytaj też: <a href=\"/s/1\">Another story from the town</a></em></p>"
            + "<p>Lire aussi : <a href=\"/s/2\">A second story</a></p>\(Self.article)</article></body>"
        let text = MainContentTests.mainText(html)
        #expect(!text.contains("Another story") && !text.contains("A second story"), "\(text)")
        #expect(text.components(separatedBy: "from next week.").count == 3, "\(text)")
    }

    @Test func aSentenceWithALinkInsideTheArticleStays() {
        let html = "<body><article>\(Self.article)<p>Read more about <a href=\"/s/1\">the library and its floods</a>.</p></article></body>"
        #expect(MainContentTests.mainText(html).contains("Read more about the library"))
    }

    @Test func aPageOpeningWithSuchAHeadingKeepsIt() {
        let html = "<body><article><h1>Related articles</h1>\(Self.article)</article></body>"
        #expect(MainContentTests.mainText(html).hasPrefix("Related articles"))
    }

    static let more = "<p>A paragraph of the same story, which goes on after the box with more about the budget and the town.</p>"
    static let teasers = (1...3).map {
        "<div><h3><a href=\"/s/\($0)\">Another story from the town, number \($0)</a></h3>"
            + "<p>A short summary of that other story, which readers may like.</p></div>"
    }.joined()

    @Test func headingsThatAreLinksOpenNoSectionOverTheArticlesParagraphs() {
        let linked = "<h2><a href=\"/r\">Related articles</a></h2>\(Self.more)\(Self.more)"
        let html =
            "<body><article>\(Self.article)\(String(repeating: linked, count: 3))<h2>Contact</h2>"
            + "<p>Write to the newsroom.</p></article></body>"
        let text = MainContentTests.mainText(html)
        #expect(text.components(separatedBy: "A paragraph of the same story").count == 7, "\(text)")
        #expect(text.hasSuffix("Contact\n\nWrite to the newsroom."), "\(text)")
    }

    @Test func aSectionRunsToTheNextHeadingOfItsRankOrAbove() {
        let html =
            "<body><article>\(Self.article)<h2>Weitere Artikel</h2>\(Self.teasers)<h3>Lesen Sie auch</h3>\(Self.more)"
            + "<h2>Contact</h2><p>Write to the newsroom.</p></article></body>"
        let text = MainContentTests.mainText(html)
        #expect(text.hasSuffix("from next week.\n\nContact\n\nWrite to the newsroom."), "\(text)")
    }

    @Test func sectionsOfSeveralRanksInARowGo() {
        let html =
            "<body><article>\(Self.article)<h3>Read also</h3>\(Self.teasers)<h2>Weitere Artikel</h2>\(Self.teasers)"
            + "<h3>More stories</h3>\(Self.teasers)<p>Write to the newsroom.</p></article></body>"
        let text = MainContentTests.mainText(html)
        #expect(text.hasSuffix("from next week."), "\(text)")
    }

    @Test func aLinkedStoryHeadingEndsAtTheNextHeadingThatIsNoLink() {
        let html =
            "<body><article>\(Self.article)<h2><a href=\"/r\">Related articles</a></h2>\(Self.teasers)"
            + "<h2>Contact</h2><p>Write to the newsroom.</p></article></body>"
        let text = MainContentTests.mainText(html)
        #expect(text.hasSuffix("from next week.\n\nContact\n\nWrite to the newsroom."), "\(text)")
    }

    /// Each of many nested headings is asked whether it holds text: a heading inside 40 others reads as one alone.
    @Test func nestedHeadingsReadAsTheirText() {
        let nested = String(repeating: "<h3>", count: 40)
        let kept = MainContentTests.mainText("<body><article>\(Self.article)\(nested)Some heading</article></body>")
        #expect(kept.hasSuffix("from next week.\n\nSome heading"), "\(kept)")
        let dropped = MainContentTests.mainText("<body><article>\(Self.article)\(nested)Related articles</article></body>")
        #expect(dropped.hasSuffix("from next week."), "\(dropped)")
    }

    /// A heading whose text the content left out (a box of links inside it) is no heading of other stories.
    @Test func aHeadingWhoseTextWasLeftOutOpensNoSection() {
        let heading = "<h2><div><a href=\"/r\">Related articles</a> <a href=\"/all\">All</a></div></h2>"
        let text = MainContentTests.mainText("<body><article>\(Self.article)\(heading)\(Self.teasers)</article></body>")
        #expect(!text.contains("Related articles") && text.contains("A short summary of that other story"), "\(text)")
    }
}
