import Testing

@testable import Winnow

/// `permalink-marks`: a heading's or a definition term's in-page link that shows one mark after its
/// text, to an anchor already on the page, is its permalink, and its mark is not text; a letter, a
/// word, a link elsewhere, ahead or out of the page stays.
@Suite struct PermalinkMarkTests {
    static func text(_ body: String, rules: ContentRules = .all) -> String {
        TextRendererTests.allText("<body>\(body)</body>", rules: rules)
    }

    @Test func aHeadingsMarkIsDropped() {
        for mark in ["¶", " # ", "<span>§</span>", "🔗", "\u{F0C1}"] {
            let text = Self.text("<h2 id=\"usage\">Usage<a class=\"headerlink\" href=\"#usage\">\(mark)</a></h2><p>Run it.</p>")
            #expect(text == "Usage\n\nRun it.", "\(mark): \(text)")
        }
        // White space in the link stays, between the words around it.
        #expect(Self.text("<h2 id=\"x\">Usage<a href=\"#x\"> ¶ </a>notes</h2>") == "Usage notes")
    }

    @Test func aTermsMarkIsDropped() {
        let text = Self.text("<dl><dt id=\"f\"><code>f(x)</code><a href=\"#f\">¶</a></dt><dd>Returns x.</dd></dl>")
        #expect(text == "f(x)\nReturns x.", "\(text)")
    }

    @Test func lettersWordsAndOtherLinksStay() {
        #expect(Self.text("<h2><a href=\"#a\">A</a></h2>") == "A")
        #expect(Self.text("<h2><a href=\"#n\">7</a></h2>") == "7")
        #expect(Self.text("<h2>Usage<a href=\"#usage\">¶¶</a></h2>") == "Usage¶¶")
        #expect(Self.text("<h2>Usage<a href=\"/usage\">¶</a></h2>") == "Usage¶")
        #expect(Self.text("<p>A claim.<a href=\"#note-1\">*</a></p>") == "A claim.*")
        // A mark that is the whole heading or term, or comes first, names it; one linking ahead is a
        // footnote's reference, not a permalink.
        #expect(Self.text("<dl><dt id=\"op\"><a href=\"#op\">+</a></dt><dd>Adds.</dd></dl>") == "+\nAdds.")
        #expect(Self.text("<h3 id=\"s1\"><a href=\"#s1\">§</a> 1.2 Scope</h3>") == "§ 1.2 Scope")
        #expect(Self.text("<h2>Results<a href=\"#fn1\">*</a></h2><p id=\"fn1\">From a survey.</p>") == "Results*\n\nFrom a survey.")
    }

    /// A mark link inside another in-page link is left alone: the outer link's count of characters
    /// would no longer hold. A link after a dropped mark is counted from its own text.
    @Test func nestedAndFollowingLinks() {
        #expect(Self.text("<h2><a href=\"#x\">Title <b><a href=\"#y\">¶</a></b></a></h2>").hasPrefix("Title"))
        #expect(Self.text("<h2 id=\"a\">Usage<a href=\"#a\">¶</a><a href=\"#a\"></a><a href=\"#a\">x</a></h2>") == "Usagex")
    }

    @Test func switchedOffTheMarkStays() {
        let text = Self.text(
            "<h2 id=\"usage\">Usage<a href=\"#usage\">¶</a></h2>", rules: ContentRules.all.subtracting(ContentRules(.permalinkMarks)))
        #expect(text == "Usage¶", "\(text)")
    }
}
