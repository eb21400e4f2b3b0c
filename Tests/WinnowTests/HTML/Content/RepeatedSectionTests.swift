import Testing

@testable import Winnow

/// `repeated-sections`: a section laid out twice is written once; a block repeated on its own, a
/// repeated list and repeated code stay.
@Suite struct RepeatedSectionTests {
    static let article = MainContentTests.article
    static let panel =
        "<h3>Alignment</h3><p>Improve collaboration with one workspace that brings teams and departments together.</p>"

    static func text(_ html: String, off: Bool = false) -> String {
        MainContentTests.mainText(html) { if off { $0.disabledRules = ContentRules(.repeatedSections) } }
    }

    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    @Test func aSectionLaidOutTwiceIsWrittenOnce() {
        let html =
            "<body><article>\(Self.article)<div class=\"tabs\">\(Self.panel)</div>"
            + "<div class=\"accordion-mobile\">\(Self.panel)</div></article></body>"
        let text = Self.text(html)
        #expect(Self.count("brings teams", in: text) == 1 && Self.count("Alignment", in: text) == 1, "\(text)")
        #expect(text.contains("when the auditors report"), "\(text)")
        #expect(Self.count("brings teams", in: Self.text(html, off: true)) == 2)
    }

    @Test func threeCopiesInARowAreWrittenOnce() {
        let copies = (1...3).map { "<div class=\"slide-\($0)\">\(Self.panel)</div>" }.joined()
        let text = Self.text("<body><article>\(Self.article)\(copies)</article></body>")
        #expect(Self.count("brings teams", in: text) == 1 && Self.count("Alignment", in: text) == 1, "\(text)")
    }

    @Test func pagesOfNoneOrOneBlockAreLeftAlone() {
        let one = "<body><p>Improve collaboration with one workspace that brings teams together.</p></body>"
        for html in ["<body></body>", one, "<body><div><div></div></div></body>"] {
            #expect(Self.text(html) == Self.text(html, off: true))
        }
        #expect(Self.text(one).contains("brings teams together"))
    }

    @Test func aBlockRepeatedOnItsOwnStays() {
        let meal = "<p>Asparagus and Eggs, with one cup of asparagus, two soft-boiled eggs and a slice of toast.</p>"
        let html =
            "<body><article>\(Self.article)<h2>Plan A</h2>\(meal)<p>Drink within thirty minutes.</p>"
            + "<h2>Plan B</h2>\(meal)<p>Eat before bed.</p></article></body>"
        #expect(Self.count("Asparagus and Eggs", in: Self.text(html)) == 2)
    }

    @Test func aRepeatedListOrCodeStays() {
        let list = "<ul><li>The '%' character, which marks the start.</li><li>A mapping key, in parentheses.</li></ul>"
        let code =
            "<div><pre><code>parser = ArgumentParser(prog='PROG')\nparser.add_argument('--foo')</code></pre><p>Prints the usage.</p></div>"
        let html = "<body><article>\(Self.article)\(list)\(code)<p>Bytes too:</p>\(list)\(code)</article></body>"
        let text = Self.text(html)
        #expect(Self.count("marks the start", in: text) == 2 && Self.count("add_argument", in: text) == 2, "\(text)")
    }

    @Test func theSameBlocksInAWrapperAreNoCopy() {
        let html = "<body><article><div><div>\(Self.article)</div></div></article></body>"
        #expect(Self.text(html).contains("when the auditors report"))
    }
}
