import Testing

@testable import Winnow

/// `headline-kickers`: the short lines above the headline (a section's name, a date) are left out;
/// the headline and a line that ends a sentence or a label stay, and without a headline nothing goes.
@Suite struct HeadlineKickerTests {
    static let headline = "Council passes the new budget"

    static func page(kicker: String, title: String = "\(headline) | Springfield Times") -> String {
        "<html><head><title>\(title)</title></head><body><article><p>\(kicker)</p><h1>\(headline)</h1>"
            + "\(MainContentTests.article)</article></body></html>"
    }

    static func text(_ html: String, off: Bool = false) -> String {
        MainContentTests.mainText(html) { if off { $0.disabledRules = ContentRules(.headlineKickers) } }
    }

    @Test func aSectionsNameAndADateAboveTheHeadlineAreLeftOut() {
        for kicker in ["Politics", "Nov. 20, 2019 6:02 AM EST"] {
            let text = Self.text(Self.page(kicker: kicker))
            #expect(text.hasPrefix(Self.headline), "\(text)")
            #expect(Self.text(Self.page(kicker: kicker), off: true).hasPrefix(kicker))
        }
    }

    @Test func aSentenceALabelOrALongLineStays() {
        for kicker in ["Read this first:", "The vote came late.", "A line above the headline that runs on for long"] {
            let text = Self.text(Self.page(kicker: kicker))
            #expect(text.hasPrefix(kicker), "\(text)")
        }
    }

    @Test func withoutAHeadlineThatRepeatsTheTitleNothingGoes() {
        let text = Self.text(Self.page(kicker: "Politics", title: "Springfield Times: news from the town"))
        #expect(text.hasPrefix("Politics"), "\(text)")
    }
}
