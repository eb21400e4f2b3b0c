import Testing

@testable import Winnow

/// `colon-lists`: what a list after a colon is, per element, and notes nested after one colon.
@Suite struct IntroducedListTests {
    static let article = MainContentTests.article

    @Test func eachElementIsAListByWhatItHoldsOrWhereItSits() {
        let html =
            "<body><div id=\"a\"><ul><li><div id=\"b\"><a href=\"/1\">one</a></div></li></ul></div>"
            + "<div id=\"c\"><a href=\"/2\">two</a><div id=\"d\"><a href=\"/3\">three</a></div></div>"
            + "<pre><span><b id=\"e\">code</b></span></pre><div id=\"f\"><span>plain</span></div></body>"
        let tree = HTMLParser.parse(Array(html.utf8))
        let lists = IntroducedList(tree.nodes)
        let divs = tree.nodes.indices.filter { tree.nodes[$0].tag == .div }
        let bold = tree.nodes.indices.first { tree.nodes[$0].tag == .b }!
        // a holds a list, b sits in an item, c holds two links, d one, e is inside code, f is none of these.
        #expect(divs.map { lists.isList($0) } == [true, true, true, false, false])
        #expect(lists.isList(bold))
    }

    @Test func notesNestedAfterAColonKeepTheirLink() {
        for name in ["admonition", "footnote"] {
            let notes =
                String(repeating: "<div class=\"\(name)\">", count: 30) + "<a href=\"/x\">link text here</a>"
                + String(repeating: "</div>", count: 30)
            let text = MainContentTests.mainText("<body><article>\(Self.article)<p>See these:</p>\(notes)</article></body>")
            #expect(text.contains("See these:") && text.contains("link text here"), "\(name): \(text)")
        }
    }

    @Test func aSingleLinkNestedAfterAColonGoesAndTwoStay() {
        let one = String(repeating: "<div>", count: 30) + "<a href=\"/x\">link text here</a>" + String(repeating: "</div>", count: 30)
        let text = MainContentTests.mainText("<body><article>\(Self.article)<p>See these:</p>\(one)</article></body>")
        #expect(text.contains("See these:") && !text.contains("link text here"), "\(text)")
        let two =
            String(repeating: "<div>", count: 30) + "<a href=\"/x\">link text here</a> <a href=\"/y\">other link</a>"
            + String(repeating: "</div>", count: 30)
        let kept = MainContentTests.mainText("<body><article>\(Self.article)<p>See these:</p>\(two)</article></body>")
        #expect(kept.contains("link text here other link"), "\(kept)")
    }

    @Test func aNoteAfterAColonIsAskedOfEachBlockInside() {
        // The note stays; a block in it with a single link follows the same colon and goes, two such blocks stay.
        let one = "<div class=\"admonition\"><div><a href=\"/x\">link text here</a></div></div>"
        let text = MainContentTests.mainText("<body><article>\(Self.article)<p>See these:</p>\(one)</article></body>")
        #expect(text.contains("See these:") && !text.contains("link text here"), "\(text)")
        let two =
            "<div class=\"admonition\"><div><a href=\"/x\">link text here</a></div><div><a href=\"/y\">other text here</a></div></div>"
        let kept = MainContentTests.mainText("<body><article>\(Self.article)<p>See these:</p>\(two)</article></body>")
        #expect(kept.contains("link text here") && kept.contains("other text here"), "\(kept)")
    }

    @Test func aLinkDroppedAfterAColonIsNoColonForTheNextBlock() {
        let html =
            "<body><article>\(Self.article)<p>Sources:</p><div><a href=\"/x\">first link here</a></div>"
            + "<div><a href=\"/y\">second link here</a><a href=\"/z\">third</a></div></article></body>"
        let text = MainContentTests.mainText(html)
        #expect(!text.contains("first link here") && !text.contains("second link here"), "\(text)")
    }
}
