import Testing

@testable import Winnow

/// `orphaned-labels`: the title of a box whose links were left out goes with them; a heading over
/// text of its own, a title over a hidden panel, a name over one or two links, and the headline stay.
@Suite struct OrphanedLabelTests {
    static let article = MainContentTests.article
    /// A long article (the rule looks only at one).
    static let long = String(repeating: article, count: 3)
    /// A table of contents whose links are in a `nav` (chrome), its title outside it.
    static let contents =
        "<div class=\"toc\"><p class=\"toc-title\">Table of Contents</p><nav><ul>"
        + "<li><a href=\"#costs\">What the council spends on roads</a></li><li><a href=\"#votes\">How the members voted</a></li>"
        + "<li><a href=\"#next\">What happens next</a></li>"
        + "</ul></nav></div>"

    @Test func theTitleOfALeftOutTableOfContentsGoes() {
        let html = "<body><article>\(Self.article)\(Self.contents)\(Self.long)</article></body>"
        let text = MainContentTests.mainText(html)
        #expect(!text.contains("Table of Contents") && text.contains("from next week."), "\(text)")
        let off = MainContentTests.mainText(html) { $0.disabledRules = ContentRules(.orphanedLabels) }
        #expect(off.contains("Table of Contents"), "\(off)")
    }

    @Test func aHeadingOverItsOwnTextStays() {
        let section = "<div><h3>Next steps</h3><p>Members meet again in May.</p><nav><a href=\"/a\">Minutes of the meeting</a></nav></div>"
        let text = MainContentTests.mainText("<body><article>\(Self.article)\(section)\(Self.long)</article></body>")
        #expect(text.contains("Next steps") && text.contains("Members meet again in May."), "\(text)")
    }

    @Test func aTitleOverAHiddenPanelStays() {
        let panel = "<div><h3>Details</h3><div hidden><a href=\"/a\">The full minutes of the meeting, as a download</a></div></div>"
        let text = MainContentTests.mainText("<body><article>\(Self.article)\(panel)\(Self.long)</article></body>")
        #expect(text.contains("Details"), "\(text)")
    }

    @Test func aNameOverALinkOrTwoStays() {
        let post =
            "<div class=\"card\"><span>Jane Doe</span><nav><a href=\"/u/jane\">Profile of Jane Doe, member since 2014</a></nav></div>"
        let text = MainContentTests.mainText("<body><article>\(Self.article)\(post)\(Self.long)</article></body>")
        #expect(text.contains("Jane Doe"), "\(text)")
    }

    @Test func onAShortPageTheTitleStays() {
        let html = "<body><article>\(Self.article)\(Self.contents)</article></body>"
        #expect(MainContentTests.mainText(html).contains("Table of Contents"))
    }

    @Test func theHeadlineStays() {
        let header = "<header><h1>Council passes the budget</h1><nav><a href=\"/share\">Share on Facebook and Twitter</a></nav></header>"
        let text = MainContentTests.mainText("<body><article>\(header)\(Self.long)</article></body>")
        #expect(text.contains("Council passes the budget"), "\(text)")
    }

    static func box(_ label: String, _ links: [String]) -> String {
        let items = links.enumerated().map { "<li><a href=\"#\($0.offset)\">\($0.element)</a></li>" }.joined()
        return "<div class=\"toc\"><p class=\"toc-title\">\(label)</p><nav><ul>\(items)</ul></nav></div>"
    }

    /// The share is of bytes: a label of two-byte letters needs twice the links' letters.
    @Test func textIsWeighedInBytesNotWhiteSpace() {
        func text(_ box: String) -> String {
            MainContentTests.mainText("<body><article>\(Self.article)\(box)\(Self.long)</article></body>")
        }
        let few = text(Self.box("Содержание", ["Roads costs", "Votes cast", "Next steps", "Aaaa bbbbbb"]))
        #expect(few.contains("Содержание"), "\(few)")
        let enough = text(
            Self.box("Содержание", ["Roads costs money and time", "Votes cast by the members", "Next steps for the town hall"]))
        #expect(!enough.contains("Содержание"), "\(enough)")
        let counted = text(Self.box("Top 10 stories", ["What the council spends on roads", "How the members voted", "What happens next"]))
        #expect(!counted.contains("Top 10"), "\(counted)")
    }

    @Test func onlyTextInALinkInsideTheBoxCountsAsLinks() {
        let words = "<span>\(String(repeating: "words without links here, ", count: 6))</span>"
        let links = "<a href=\"#b\">Two</a><a href=\"#c\">Three</a>"
        let plain = "<div><p>Sections</p><nav>\(words)<a href=\"#a\">One</a>\(links)</nav></div>"
        let text = MainContentTests.mainText("<body><article>\(Self.article)\(plain)\(Self.long)</article></body>")
        #expect(text.contains("Sections"), "\(text)")
        let linked = "<div><p>Sections</p><nav><a href=\"#a\">\(words)</a>\(links)</nav></div>"
        let dropped = MainContentTests.mainText("<body><article>\(Self.article)\(linked)\(Self.long)</article></body>")
        #expect(!dropped.contains("Sections"), "\(dropped)")
    }
}
