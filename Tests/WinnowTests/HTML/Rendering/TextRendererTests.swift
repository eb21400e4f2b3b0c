import Testing
import WinnowTestSupport

@testable import Winnow

/// The text of a page with all of it kept: block structure, whitespace, entities, and what never counts as text.
@Suite struct TextRendererTests {
    /// With the main-content rules `rules` on (those of the tree apply to all text too).
    static func allText(_ html: String, rules: ContentRules = .all) -> String {
        var settings = HTMLExtractor.Settings()
        settings.mainContent = false
        settings.disabledRules = ContentRules.all.subtracting(rules)
        guard case .text(let text, _, _) = HTMLExtractor(settings: settings).extract(.text(html)) else { return "<refused>" }
        return text
    }

    @Test(arguments: [
        ("<p>One</p><p>Two</p>", "One\n\nTwo"),
        ("<h2>Title</h2>Body text", "Title\n\nBody text"),
        ("<ul><li>a</li><li>b</li></ul><p>after</p>", "a\nb\n\nafter"),
        ("<table><tr><td>x</td><td>1</td></tr><tr><td>y</td><td>2</td></tr></table>", "x 1\ny 2"),
        ("<p>line one<br>line two</p>", "line one\nline two"),
        ("<p>  many   \n spaces\there </p>", "many spaces here"),
        ("<p>caf&eacute; &amp; &#x263A; &lt;tag&gt;</p>", "café & ☺ <tag>"),
        ("<p>non&nbsp;breaking</p>", "non breaking"),
        ("<p>in<b>line</b> <i>words</i> <a href=x>link</a></p>", "inline words link"),
        ("<pre>  keep\n    this</pre><p>x</p>", "  keep\n    this\n\nx"),
        ("<pre>one\rtwo\r\nthree\r</pre><p>x</p>", "one\ntwo\nthree\n\nx"),
        // References without their semicolon that browsers read (HTML's legacy names), and what they do not.
        ("<p>&copy 2020 Foo &amp Bar &lt;tag&gt x&nbspy &AMP &reg</p>", "© 2020 Foo & Bar <tag> x y & ®"),
        ("<p>&notit; &frac12s &amp;copy and &amp;amp; &bogus &ZZ</p>", "¬it; ½s &copy and &amp; &bogus &ZZ"),
        // "&amp;" and "&#38;" are references: the name after them is text, even where a tag ends it.
        ("<p><code>&amp;copy</code> &amp;reg<b>x</b> &#38;nbsp<i>y</i> &#38nbsp<br>&amp</p>", "&copy &regx &nbspy &nbsp\n&"),
    ])
    func structure(html: String, expected: String) {
        #expect(Self.allText(html) == expected)
    }

    @Test(arguments: [
        "<script>var x = '<p>no</p>';</script><p>yes</p>",
        "<style>p { color: red }</style><p>yes</p>",
        "<template><p>no</p></template><p>yes</p>",
        "<!-- a comment --><p>yes</p>",
        "<p>yes</p><div style=\"display: none\">no</div>",
        "<p>yes</p><div hidden>no</div>",
        "<form><select><option>no</option></select><textarea>no</textarea></form><p>yes</p>",
        "<p>yes</p><button>no</button>",
    ])
    func dropsWhatIsNotText(html: String) {
        #expect(Self.allText(html) == "yes")
    }

    /// A declarative shadow root is shown for its host element, as a browser shows it; other templates stay inert.
    @Test func aDeclarativeShadowRootIsText() {
        #expect(Self.allText("<div><template shadowrootmode=\"open\"><p>shown</p></template></div><p>yes</p>") == "shown\n\nyes")
        #expect(Self.allText("<div><template shadowrootmode=closed><p>shown</p></template></div>") == "shown")
        #expect(Self.allText("<div><template shadowrootmode=\"bogus\"><p>no</p></template></div><p>yes</p>") == "yes")
        guard
            case .text(let text, _, _) = HTMLExtractor().extract(
                .text(
                    "<body><div><template shadowrootmode=\"open\"><article><p>A paragraph of the article, long enough to be the page's main content.</p></article></template></div></body>"
                ))
        else {
            Issue.record("refused")
            return
        }
        #expect(text == "A paragraph of the article, long enough to be the page's main content.")
    }
}
