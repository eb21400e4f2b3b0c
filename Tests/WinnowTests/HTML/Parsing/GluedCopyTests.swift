import Testing

@testable import Winnow

/// `glued-copies`: an inline element whose text repeats the text right before it, with nothing
/// between, is a copy for screen readers or one a style sheet hides (eBay's `clipped` spans, a theme's
/// second `<time>`): one copy is written. Copies apart, in other blocks, in code, without letters, or
/// of under five bytes stay.
@Suite struct GluedCopyTests {
    static func text(_ body: String, rules: ContentRules = .all) -> String {
        TextRendererTests.allText("<body>\(body)</body>", rules: rules)
    }

    @Test func aCopyGluedToItsTextIsDropped() {
        #expect(Self.text("<p><span>EUR 355.58<span class=\"clipped\">EUR 355.58</span></span></p>") == "EUR 355.58")
        #expect(
            Self.text("<p>Posted <time>May 4, 2021</time><time class=\"updated\">May 4, 2021</time> by Ann</p>")
                == "Posted May 4, 2021 by Ann")
        #expect(Self.text("<p>See all <a>details<span>details</span></a> on coverage</p>") == "See all details on coverage")
        #expect(Self.text("<p><a>Close</a><a>Close</a><a>Close</a></p>") == "Close")
        // A marquee: a hundred copies of a span side by side.
        #expect(
            Self.text("<p>" + String(repeating: "<span>Book Now <span class=\"rstar\">*</span></span>", count: 100) + "</p>")
                == "Book Now *")
        #expect(Self.text("<p>Je <b>pense</b><b>pense</b>, donc</p>") == "Je pense, donc")
    }

    @Test func copiesThatAreNotGluedStay() {
        // A space between, a word the first copy ends, or a block between: the page shows both.
        #expect(Self.text("<p>Bora <b>Bora</b></p>") == "Bora Bora")
        #expect(Self.text("<p>cous<b>cous</b></p>") == "couscous")
        #expect(Self.text("<p>Tse<i>tse</i> fly</p>") == "Tsetse fly")
        #expect(Self.text("<h2>Contact</h2><p><a>Contact</a> us</p>") == "Contact\n\nContact us")
        #expect(Self.text("<div>Menu<div><span>Menu</span></div></div>") == "Menu\n\nMenu")
        // A tag or menu item that repeats the end of the one before it is an item of its own.
        #expect(Self.text("<p>Tags: <a>Climate Change</a><a>Change</a><a>Politics</a></p>") == "Tags: Climate ChangeChangePolitics")
        // Code beside its name (docs.rs' feature badge), spaces at the copies' edges, an image between.
        #expect(Self.text("<p>Use the <a>signal</a><span><code>signal</code></span> module</p>") == "Use the signalsignal module")
        #expect(Self.text("<p>Hello&nbsp;<b>Hello&nbsp;</b>x</p>") == "Hello Hello x")
        #expect(Self.text("<p><span>Sale!</span><img src=a.png><span>Sale!</span></p>") == "Sale!Sale!")
        // Scripts without spaces repeat words: 休息休息, いろいろ.
        #expect(Self.text("<p>Intro.</p><p><span>休息</span><span>休息</span>吧！</p>") == "Intro.\n\n休息休息吧！")
        // Without letters (a rating's stars, digits, rules), in code, or under five bytes.
        #expect(Self.text("<p><span>★</span><span>★</span><span>★</span></p>") == "★★★")
        #expect(Self.text("<p>Score <span>100</span><span>100</span></p>") == "Score 100100")
        #expect(Self.text("<pre><code><span>abc</span><span>abc</span></code></pre>") == "abcabc")
        #expect(Self.text("<p><span>Ha</span><span>Ha</span></p>") == "HaHa")
        #expect(Self.text("<p>mahi<span>mahi</span></p>") == "mahimahi")
    }

    /// A heading's copy dropped, its permalink mark after it is still found (`permalink-marks`).
    @Test func aHeadingsPermalinkAfterADroppedCopyIsStillDropped() {
        #expect(Self.text("<h2 id=\"install\">Install<span>Install</span><a href=\"#install\">¶</a></h2>") == "Install")
    }

    /// The first copy hidden, the second is the one shown: it stays.
    @Test func theShownCopyStaysWhenTheFirstIsHidden() {
        #expect(Self.text("<p><span style=\"display:none\">Sold out</span><span>Sold out</span></p>") == "Sold out")
        #expect(Self.text("<p><span hidden><b>Sold out</b></span><span>Sold out</span></p>") == "Sold out")
    }

    /// Pages whose copies once took time growing with the square of their size ("<b>x.<b>x.…", 200 KB in
    /// 35 s: `scripts/bench-hostile` times them): nested elements holding the rest of the page keep it,
    /// copies side by side go, and a copy bounded by its length is not looked for past that bound.
    @Test func manyNestedOrRepeatedCopies() {
        let pages = [
            ("<b>x.", String(repeating: "x.", count: 30_000)),
            ("<b>x ", Array(repeating: "x", count: 30_000).joined(separator: " ")),
            ("<span>ab. ", Array(repeating: "ab.", count: 6_000).joined(separator: " ")),
        ]
        for (unit, expected) in pages {
            let text = Self.text("<p>" + String(repeating: unit, count: unit == "<span>ab. " ? 6_000 : 30_000))
            #expect(text == expected, "\(unit)")
        }
        // Copies of one run side by side are each dropped; a first copy deep in inline elements, or copies
        // nested deep, are too many nodes for a copy.
        for (page, dropped) in [
            ("<p>Close" + String(repeating: "<b>Close</b>", count: 10_000), true),
            ("<p>" + String(repeating: " ", count: 60_000) + "Close" + String(repeating: "<b>Close</b>", count: 5_000), true),
            (
                "<p>" + String(repeating: "<i>", count: 5_000) + "Close" + String(repeating: "</i>", count: 5_000)
                    + String(repeating: "<b>Close</b>", count: 5_000), false
            ),
            ("<p>" + String(repeating: "<b>Close", count: 10_000), false),
        ] {
            let text = Self.text(page)
            #expect(dropped ? text == "Close" : text.hasPrefix("CloseClose"), "\(page.prefix(40))")
        }
    }

    @Test func switchedOffBothCopiesStay() {
        let text = Self.text(
            "<p><span>EUR 9.99<span>EUR 9.99</span></span></p>", rules: ContentRules.all.subtracting(ContentRules(.gluedCopies)))
        #expect(text == "EUR 9.99EUR 9.99")
    }
}
