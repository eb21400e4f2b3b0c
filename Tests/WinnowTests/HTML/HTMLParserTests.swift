import Testing
import WinnowTestSupport

@testable import Winnow

/// Script and style text the page tree drops is passed over rather than read by libxml2: the tree
/// must be the one a full read gives, wherever the end tag and the 1,000-byte blocks fall.
@Suite struct HTMLParserTests {
    static func bothWays(_ html: String) -> (passed: PageTree, read: PageTree) {
        let bytes = Array(html.utf8)
        return (HTMLParser.parse(bytes), HTMLParser.parse(bytes, passingOverDroppedText: false))
    }

    /// Text of `count` bytes or a little more, in the alphabet `pieces` (ASCII and multi-byte
    /// characters, so that block ends fall inside characters of every length).
    static func filler(_ count: Int, _ pieces: [String], using generator: inout SeededRandom) -> String {
        var text = ""
        while text.utf8.count < count { text += pieces.randomElement(using: &generator)! }
        return text
    }

    @Test func longScriptsAndStylesGiveTheTreeAFullReadGives() {
        let code = String(repeating: "var x = '<p>not text</p>'; if (a </b) { y = \"</scr\" + \"ipt>\"; } // é € 𝄞\n", count: 80)
        let pages = [
            "<p>before</p><script>\(code)</script><p>after</p>",
            "<p>before</p><SCRIPT type=\"text/javascript\">\(code)</SCRIPT ><p>after</p>",
            "<style>\(String(repeating: "p { color: red } /* </div> */ ", count: 100))</style><p>styled</p>",
            "<p>before</p><script>\(code)</scripts><p>still after</p>",
            "<div><svg><script>\(code)</script><text>drawn</text></svg><p>after the drawing</p></div>",
            "<p>unclosed</p><script>\(code)",
            "<p>nested</p><script>\(code)<script>\(code)</script><p>after both</p>",
        ]
        for page in pages {
            let (passed, read) = Self.bothWays(page)
            let same = passed == read
            #expect(same, "\(page.prefix(80))")
        }
        let (passed, _) = Self.bothWays(pages[0])
        #expect(String(decoding: passed.text, as: UTF8.self) == "beforeafter")
    }

    @Test func longStructuredDataIsStillReadWhole() {
        let padding = String(repeating: "{\"@type\": \"ListItem\", \"name\": \"Étape\"}, ", count: 200)
        let page =
            "<html><head><script type=\"application/ld+json\">{\"@graph\": [\(padding){\"@type\": \"Product\"}]}</script>"
            + "</head><body><p>Pack of three</p></body></html>"
        let (passed, read) = Self.bothWays(page)
        let same = passed == read
        #expect(same)
        #expect(passed.kind.isProduct)
    }

    @Test func randomPagesGiveTheTreeAFullReadGives() {
        var generator = SeededRandom.forTest(0x7261_7754)
        let scriptPieces = [
            "a", "<", "</", "</s", "</sc", "</SCR", "</styl", "<p>", "é", "€", "𝄞", "\n", " ", "\"", "'", "/", "x</b>", "\u{0}",
            "<!--", "-->",
        ]
        let textPieces = [
            "word ", "<p>", "</p>", "<b>bold</b> ", "<div class=\"nav\">", "</div>", "é ", "<br>", "<!-- <script> -->",
            "<script src=\"a.js\"/>", "<div title=\"a>b\">", "<style/>", "<svg>", "</svg>", "\u{0}",
        ]
        for _ in 0..<200 {
            var page = ""
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                page += Self.filler(Int.random(in: 0...300, using: &generator), textPieces, using: &generator)
                let element = ["script", "style", "SCRIPT", "Style"].randomElement(using: &generator)!
                let type = Bool.random(using: &generator) ? "" : " type=\"application/ld+json\""
                page += "<\(element)\(type)>"
                page += Self.filler(Int.random(in: 0...4000, using: &generator), scriptPieces, using: &generator)
                if Int.random(in: 0..<8, using: &generator) > 0 { page += "</\(element.lowercased())>" }
            }
            let (passed, read) = Self.bothWays(page)
            let same = passed == read
            #expect(same, "\(SeededRandom.replay)")
        }
    }
}
