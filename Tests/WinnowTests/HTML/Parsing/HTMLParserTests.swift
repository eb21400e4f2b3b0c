import Testing
import WinnowTestSupport

@testable import Winnow

/// Script and style text and inline SVG markup, which the page tree drops, are passed over rather than
/// parsed by libxml2: the tree must be the one a full parse gives, wherever the end tags and the
/// 1,000-byte blocks fall, and whatever the drawing holds.
@Suite struct HTMLParserTests {
    static func bothWays(_ html: String) -> (passed: PageTree, read: PageTree) {
        let bytes = Array(html.utf8)
        return (HTMLParser.parse(bytes), HTMLParser.parse(bytes, shortcuts: false))
    }

    /// Each page parses to the same tree both ways, and the first page's text is `firstText`.
    static func expectSameTreesAndText(_ pages: [String], firstText: String) {
        for (index, page) in pages.enumerated() {
            let (passed, read) = bothWays(page)
            let same = passed == read
            #expect(same, "page \(index): \(page.debugDescription)")
        }
        #expect(String(decoding: bothWays(pages[0]).passed.text, as: UTF8.self) == firstText)
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
        Self.expectSameTreesAndText(pages, firstText: "beforeafter")
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

    @Test func inlineDrawingsGiveTheTreeAFullParseGives() {
        let icon = "<svg viewBox=\"0 0 24 24\" class=icon><path d=\"M0 0h24v24H0z\" fill=\"none\"/><path d='M12 2a>b'/></svg>"
        let pages = [
            "<p>before</p>\(icon)<p>after</p>",
            "<div><a href=\"/\"><svg><title>Search</title><g><circle cx=1 cy=2 r=3></circle></g></svg>Home</a></div>",
            "<p>one<svg><g><rect/></g></SVG ><p>two</p>",
            "<p>lines</p><svg>\n  <path d=\"M0 0\"/>\n  text a>b\n</svg><p>after</p>",
            "<p>no tag inside</p><svg>just text</svg><p>after</p>",
            "<div><svg><svg><path/></svg><text>inner</text></svg><p>after nested</p></div>",
            "<div><svg><path/></div><p>closed outside</p></svg><p>after</p>",
            "<div><svg><g><p>html inside</p></g></svg><p>after</p></div>",
            "<svg><!-- </svg> --><path/></svg><p>after the comment</p>",
            "<svg><style>path { fill: red } </svg></style><path/></svg><p>after the style</p>",
            "<svg><text data-x=\"</svg>\">label</text></svg><p>after the attribute</p>",
            "<svg><g>\u{0}<path/></g></svg><p>after a NUL</p>",
            "<html><head><svg><path/></svg><title>Head</title></head><body><p>body</p></body></html>",
            "<p>self-closed</p><svg/><p>after</p>",
            "<p>unclosed</p><svg><g><path>",
            "<table><tr><td><svg><g></g></svg>cell</td></tr></table>",
            "<div><svg>q<svg>r<svg><path/></svg><p>after the nested</p></div><svg><g/></svg><p>end</p>",
            "<svg><svg><path/></svg><svg><g/></svg></svg><svg>x<svg><path/></svg></svg><p>after</p>",
            // Long enough that libxml2 lets go of what it has read while drawings are passed over.
            String(repeating: "<p>para</p><svg><g><path d='M0 0'/></g></svg>", count: 3000) + String(repeating: "<svg>q", count: 2000)
                + "</svg><p>after the long ones</p>",
        ]
        Self.expectSameTreesAndText(pages, firstText: "beforeafter")
    }

    @Test func randomDrawingsGiveTheTreeAFullParseGives() {
        var generator = SeededRandom.forTest(0x7376_6744)
        // Mostly the markup drawings are made of (passed over), sometimes something that stops that.
        let plain = [
            "<path d=\"M1 2\"/>", "<g>", "</g>", "<g class='a>b'>", "<title>", "</title>", "<circle r=3>", "</circle>",
            "<use xlink:href=#i />", "text", " ", "\n", "&amp;", "é", "<rect\nwidth = \"1\" >", "</rect >", "a>b",
        ]
        let hostile = [
            "<div>", "</div>", "<p>", "</p>", "<svg>", "</svg>", "</SVG>", "</svgs>", "<!--", "-->", "<style>", "</style>",
            "<a>", "</a>", "\"", "'", "<", ">", "\u{0}", "<g/ >", "<g @click=x>", "</b>", "</td>",
        ]
        for _ in 0..<300 {
            var page = "<div><p>before</p>"
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                page += "<svg viewBox=\"0 0 1 1\">"
                for _ in 0..<Int.random(in: 0...12, using: &generator) {
                    let pieces = Int.random(in: 0..<20, using: &generator) == 0 ? hostile : plain
                    page += pieces.randomElement(using: &generator)!
                }
                if Int.random(in: 0..<6, using: &generator) > 0 { page += "</svg>" }
                page += "<p>after</p>"
            }
            page += "</div><p>end</p>"
            let (passed, read) = Self.bothWays(page)
            let same = passed == read
            #expect(same, "\(SeededRandom.replay): \(page.debugDescription)")
        }
    }

    /// Over 64 elements left open, end tags libxml2 reads and ignores (nothing of the name open, or a
    /// `div` or table element above the one that is) are passed over rather than looked up, and misplaced
    /// body start tags are read as libxml2 reads them, without its look through the whole stack.
    @Test func ignoredEndTagsOnDeepPagesGiveTheTreeAFullParseGives() {
        let deep = String(repeating: "<b>x", count: 100)
        let pages = [
            "<p>before" + String(repeating: "<b>x</i>", count: 300) + "</p><p>after</p>",
            "<p>before" + String(repeating: "<embed>x</p>", count: 300) + "<p>after</p>",
            "<i>before" + String(repeating: "<div>x</i>", count: 300) + "after",
            "<table><tr><td>" + deep + String(repeating: "<div>x</td>", count: 80) + "</table>after",
            "<td>" + deep + String(repeating: "<b></i></u></x-y></I >", count: 80) + "</td>after",
            "<div>" + deep + "</div>" + String(repeating: "</div>", count: 80) + "after",
            deep + "<i>" + String(repeating: "<div>", count: 80) + "</i>" + String(repeating: "</div>", count: 90) + "</i>after",
            "<html><body>" + deep + String(repeating: "</body></html></head>", count: 80) + "after",
            deep + String(repeating: "<br></br></b", count: 80) + ">after",
            deep + "<script>" + String(repeating: "</i>", count: 80) + "</script>" + "<style></i></style>after",
            deep + String(repeating: "x</\(String(repeating: "q", count: 100))></\(String(repeating: "q", count: 101))>", count: 40),
            // After an end tag, "/>", a void element, a comment and a processing instruction.
            deep + String(repeating: "<u></u></i><br/></i><br></p><!----></i><?x?></i>", count: 40) + "</head></body>after",
            deep + "<body><head>" + String(repeating: "</body></head></html>", count: 80) + "after",
            // Misplaced body start tags, which libxml2 counts, and the end tags that take them off the count.
            deep + String(repeating: "<body>x<BODY class=\"a>b\"><body/><p><body><br><body></body>", count: 40) + "after",
            "<html><body>" + deep + String(repeating: "<body></body></html>", count: 80) + "<p>after</p>",
            // After a void element, "/>", an end tag's own element and a start tag with attributes.
            "<table><tr><td><table>" + deep + String(repeating: "<img src=x></td><x/></td><u></u></td><x></x></td>", count: 40),
            "<div><table><tr><td>" + deep + String(repeating: "<u></u></div><b class=x></i><i title=\"a<b\"></i>", count: 40),
            deep + String(repeating: "<u></u><body><b class=\"a>b\"></i></u junk></i><br></td>", count: 40) + "after",
            // A body start closes an open p first, also from under a void element that closes at once.
            String(repeating: "<div>x", count: 100) + String(repeating: "<p><body>a<p>b<br><body>c<span><img><body>", count: 20),
            // libxml2 opens a body on its own while it reads the script tag: that callback is not the script's.
            String(repeating: "<frameset>", count: 63) + "<script></script>x</body>" + String(repeating: "</frameset>", count: 63)
                + "<p>after</p>",
            // After a doctype in the middle, libxml2 writes the "<" of "</p>" as text before moving past it.
            String(repeating: "<div>", count: 63) + "<!doctype html></p><h1>Title</h1><p>after</p>",
            // A misplaced "<body/>" pops the innermost element; a body start closes a p or a title first.
            deep + String(repeating: "<u><body/>x<i>y<BODY class=\"a>b\" />", count: 40) + "after",
            deep + String(repeating: "<body/>", count: 60) + "after" + String(repeating: "<i></i><body/><u/><body />", count: 20),
            String(repeating: "<div>x", count: 100) + String(repeating: "<p><body/>a<p>b<body>c<title>t<body/>d", count: 20),
            deep + String(repeating: "<img src=x><body/><br/><body/><span><img><body/>", count: 20) + "after",
            // "&" and the name libxml2 reads after it come in two callbacks.
            deep + String(repeating: "&x<body/>&amp;<body/>&x;<body/>&#38<body/>&<body/>", count: 20) + "after",
        ]
        Self.expectSameTreesAndText(pages, firstText: "before" + String(repeating: "x", count: 300) + "after")
    }

    @Test func randomDeepPagesGiveTheTreeAFullParseGives() {
        var generator = SeededRandom.forTest(0x6465_6570)
        let names = ["b", "i", "div", "td", "th", "tr", "table", "tbody", "p", "span", "embed", "br", "li", "font", "a"]
        let others = ["html", "body", "head", "script", "x-y", "DIV", "Td", "BODY", "body class=x", "body/"]
        let text = [
            "x", " ", "&amp;", "&x", "é", "", "<!-- c -->", "</", "</>", "<?x?>", "<br/>", "<!doctype html>", "<frameset>",
            "<body/>",
        ]
        for _ in 0..<150 {
            var page = ""
            for _ in 0..<Int.random(in: 100...700, using: &generator) {
                let name =
                    Int.random(in: 0..<12, using: &generator) == 0
                    ? others.randomElement(using: &generator)! : names.randomElement(using: &generator)!
                switch Int.random(in: 0..<10, using: &generator) {
                case 0..<4: page += "<\(name)>"
                case 4..<7: page += "</\(name)>"
                case 7: page += "</\(name) junk=\"a\">"
                default: page += text.randomElement(using: &generator)!
                }
                if name == "script" { page += "</script>" }
            }
            let (passed, read) = Self.bothWays(page)
            let same = passed == read
            #expect(same, "\(SeededRandom.replay): \(page.debugDescription)")
        }
    }

    /// `count` attributes of distinct names, values quoted with markup characters in them or bare.
    static func attributes(_ count: Int) -> String {
        (0..<count).map { $0 % 3 == 0 ? "a\($0)=\">\"" : $0 % 3 == 1 ? "a\($0)='<b>'" : "a\($0)=x" }.joined(separator: " ")
    }

    /// Whether the page's first `div` is marked hidden, and the page's text.
    static func hiddenDivAndText(_ page: String) -> (Bool?, String) {
        let tree = HTMLParser.parse(Array(page.utf8))
        let div = tree.nodes.first { $0.tag == .div }
        return (div.map { $0.hint.marks.contains(.hidden) }, String(decoding: tree.text, as: UTF8.self))
    }

    /// libxml2 compares each attribute of a tag with every one before it, so a tag's attributes past the
    /// 256th are dropped before the parse: `hidden` as the 256th still counts, as the 257th it is gone.
    @Test func attributesPastThe256thAreDropped() {
        let kept = Self.hiddenDivAndText("<div \(Self.attributes(255)) hidden>secret</div><p>shown</p>")
        #expect(kept.0 == true && kept.1 == "secretshown")
        let dropped = Self.hiddenDivAndText("<div \(Self.attributes(256)) hidden>secret</div><p>shown</p>")
        #expect(dropped.0 == false && dropped.1 == "secretshown")
        let huge = Self.hiddenDivAndText("<p \(Self.attributes(100_000))>after a huge tag</p><div hidden>x</div>")
        #expect(huge.0 == true && huge.1 == "after a huge tagx")
    }

    /// What only looks like a tag of many attributes (in a script, a style, a comment) is left as it is.
    @Test func markupInScriptsAndCommentsIsNotCut() {
        let words = (0..<300).map { "w\($0)" }.joined(separator: " ")
        for page in [
            "<script>if (a<b \(words)) {}</script><div hidden>gone</div><p>kept</p>",
            "<!-- <b \(words)--!><div hidden>gone</div><p>kept</p>",
            "<style>a<b \(words) {}</STYLE><div hidden>gone</div><p>kept</p>",
        ] {
            let (hidden, text) = Self.hiddenDivAndText(page)
            #expect(hidden == true && text == "gonekept", "\(page.prefix(40))")
        }
    }

    static func text(_ page: String) -> String {
        String(decoding: HTMLParser.parse(Array(page.utf8)).text, as: UTF8.self)
    }

    /// What a browser reads as an empty or bogus comment adds no text and hides none: libxml2 2.9 reads
    /// "<!-->" on to the next "-->" (the rest of a page) and writes "<![if …]>" or "</>" as text.
    @Test func markupABrowserReadsAsNothingIsDropped() {
        for markup in [
            "<!-->", "<!--->", "<![if !supportLists]>", "<![endif]>", "<![CDATA[x]]>", "<!x>", "<!>", "<!-x>", "<? x >",
            "<?>", "</>", "</ p>", "</3>", "<?php echo 1; ?>", "<!DOCTYPE html>", "<!---->", "<!-- a -- b -->",
        ] {
            #expect(Self.text("<p>one \(markup)two</p><p>three</p>") == "one twothree", "\(markup)")
        }
        // Inside a script, an attribute value or a comment they are not markup; with no '>' left they stay.
        #expect(Self.text("<script>var s = '<!-->';</script><p title=\"<!-->\">kept</p><!-- a <!-- b --><p>too</p>") == "kepttoo")
        #expect(Self.text("<p>x < y</p><p>a <! b") == "x < ya <! b")
        // An empty comment at the very end, or followed by a '>' of the text.
        #expect(Self.text("<p>a<!-->>b</p><p>c</p><!-->") == "a>bc")
        #expect(Self.text("<p>a</p><!--->") == "a")
        // One that an end tag interrupts is left to libxml2: in a title it is the title's text, not a comment.
        #expect(Self.text("<p>a</p><title>x <! y</title><p>b</p><textarea></ x</textarea><p>c</p>") == "abc")
        // Start tags before its '>' are inside it, as in a browser: "<![CDATA[" is no text.
        #expect(Self.text("<p>before <![CDATA[ cdata <b>x</b> ]]> after</p>") == "before x ]]> after")
        #expect(Self.text("<div><![CDATA[<p>Second</p>]]></div>") == "Second]]>")
        #expect(Self.text("<p>a <! b <i>c</i> d</p><p>e <? f <i>g</i></p>") == "a c de g")
        // A doctype ends at its first '>', even inside an identifier whose quote never closes.
        #expect(Self.text("<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01//EN><html><body><p>Hello</p></body></html>") == "Hello")
        #expect(Self.text("<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01//EN\" 'x'><p>Hi</p>") == "Hi")
        // An end tag runs to its '>', whatever it holds.
        #expect(Self.text("<p>a</p></p <!-->b<p>c</p>") == "abc")
    }

    /// A numeric reference to NUL, a surrogate or past U+10FFFF is U+FFFD in HTML, where libxml2 2.9 read
    /// it as nothing (and ended an attribute's value there): in text, a title, an attribute, with or
    /// without its ';'. Others are left to libxml2, and so is the text of a script, a style or a comment.
    @Test func referencesToNoCharacterAreTheReplacementCharacter() {
        #expect(
            Self.text("<p>x&#0;y &#xD800;z &#XDFFF;w &#x110000;v &#99999999999999;u &#0 t &#x0000</p>")
                == "x\u{FFFD}y \u{FFFD}z \u{FFFD}w \u{FFFD}v \u{FFFD}u \u{FFFD} t \u{FFFD}")
        #expect(Self.text("<p>&#65;&#x10FFFD;&#xD7FF;&#xE000;&#xd800</p>") == "A\u{10FFFD}\u{D7FF}\u{E000}\u{FFFD}")
        #expect(Self.text("<script>var s = '&#0;';</script><!-- &#0; --><p>a</p>") == "a")
        guard case .text(let text, let metadata, _) = HTMLExtractor().extract(.text("<title>A&#0;B</title><p>x&#xD800;y</p>")) else {
            Issue.record("refused")
            return
        }
        #expect(metadata.title == "A\u{FFFD}B" && text == "x\u{FFFD}y")
        var settings = HTMLExtractor.Settings()
        settings.mainContent = false
        guard
            case .text(_, let ogTitle, _) = HTMLExtractor(settings: settings).extract(
                .text("<meta property=og:title content=\"A&#0;B\"><p>x</p>"))
        else {
            Issue.record("refused")
            return
        }
        #expect(ogTitle.title == "A\u{FFFD}B")
    }

    /// A numeric reference without digits is text in HTML ("absence-of-digits-in-numeric-character-reference":
    /// the "&#" or "&#x" is written as it is), where libxml2 2.9 dropped it, with its ';' or the page's end:
    /// in text, a title, an attribute, at the page's end, beside the references that are U+FFFD.
    @Test func referencesWithoutDigitsAreText() {
        for reference in ["&#x;", "&#X;", "&#;", "&#xZZ;", "&#xG", "&#a;", "&# ", "&#x;&#;&#x;"] {
            #expect(Self.text("<p>A\(reference)B</p>") == "A\(reference)B", "\(reference)")
        }
        for end in ["&#x", "&#X", "&#", "&#x;", "&#;"] {
            #expect(Self.text("<p>at the end " + end) == "at the end " + end, "\(end)")
        }
        #expect(Self.text("<p>a&#x;&#0;b&#;&#x41;&#12345678901234567890;c</p>") == "a&#x;\u{FFFD}b&#;A\u{FFFD}c")
        #expect(Self.text("<p>&amp;#x; &#38;#; &#x26;#x</p>") == "&#x; &#; &#x")
        #expect(Self.text("<script>var s = '&#x;';</script><!-- &#; --><p>a</p>") == "a")
        var settings = HTMLExtractor.Settings()
        settings.mainContent = false
        guard
            case .text(let text, let metadata, _) = HTMLExtractor(settings: settings).extract(
                .text("<title>A&#x;B</title><meta property=og:title content=\"C &#; D&#x\"><p title=\"&#x;\">x&#;y</p>"))
        else {
            Issue.record("refused")
            return
        }
        #expect(metadata.title == "C &#; D&#x" && text == "x&#;y")
        guard case .text(_, let titled, _) = HTMLExtractor(settings: settings).extract(.text("<title>A&#x;B</title><p>x</p>")) else {
            Issue.record("refused")
            return
        }
        #expect(titled.title == "A&#x;B")
    }

    /// Named references as a browser reads them (the WHATWG table, 2,231 names): libxml2 2.9 knows HTML 4's
    /// 253 only, so "&AMP;" gave "&;" (the name decoded, its ';' left), "&check;" stayed text and "&lang;"
    /// was U+2329; in a title or an attribute's value they stayed text. In a value, a legacy name without
    /// its ';' is text when a '=' or a letter or digit follows ("?a=1&copy=2"), as the standard says.
    @Test func namedReferencesAreReadAsABrowserReadsThem() {
        let names = [
            "AMP", "LT", "GT", "QUOT", "COPY", "REG", "check", "star", "period", "commat", "colon", "NoBreak", "hyphen", "half",
            "lpar", "rpar", "NotEqual", "leq", "lang", "rang", "NotEqualTilde", "Afr", "CounterClockwiseContourIntegral",
        ]
        #expect(
            Self.text("<p>" + names.map { "[&\($0);]" }.joined(separator: " ") + "</p>")
                == "[&] [<] [>] [\"] [©] [®] [✓] [☆] [.] [@] [:] [\u{2060}] [‐] [½] [(] [)] [≠] [≤] [⟨] [⟩] [≂̸] [𝔄] [∳]")
        #expect(Self.text("<p>a&NewLine;b&Tab;c&ZeroWidthSpace;d</p>") == "a\nb\tc\u{200B}d")
        #expect(
            Self.text("<p>&copy-right &amp.x &GT&LT &notin; &notit; x&nbspy &AMP;AMP; &check &checkmark; &bogus;</p>")
                == "©-right &.x >< ∉ ¬it; x\u{A0}y &AMP; &check ✓ &bogus;")
        #expect(Self.text("<script>var s = '&check;';</script><!-- &AMP; --><p>a</p>") == "a")
        var settings = HTMLExtractor.Settings()
        settings.mainContent = false
        guard
            case .text(_, let metadata, _) = HTMLExtractor(settings: settings).extract(
                .text("<title>Tom &AMP; Jerry &check;</title><link rel=canonical href=\"https://a.example/?x=1&AMP;y=2\"><p>x</p>"))
        else {
            Issue.record("refused")
            return
        }
        #expect(metadata.title == "Tom & Jerry ✓" && metadata.canonicalURL == "https://a.example/?x=1&y=2")
        let value = "a &copy=b &copyx &copy; &copy d &notit; &check; &GT &QUOT;"
        guard
            case .text(_, let og, _) = HTMLExtractor(settings: settings).extract(
                .text("<meta property=og:title content=\"\(value)\"><p>x</p>"))
        else {
            Issue.record("refused")
            return
        }
        #expect(og.title == "a &copy=b &copyx © © d &notit; ✓ > \"")
    }

    /// A script's or style's text that starts with an end tag other than its own: libxml2 2.9 reads that
    /// tag and passes over everything to the next '>', the element's own end tag included.
    @Test func rawTextStartingWithAnotherEndTagEndsAtItsOwn() {
        for page in [
            "<style></x {color:red}</style><p>kept</p>", "<script></div>var x = 1;</script><p>kept</p>",
            "<script></x + 1</script><p>kept</p>", "<style></p>p{color:red}</style><p>kept</p>",
            "<SCRIPT></ x</SCRIPT><p>kept</p>",
        ] {
            #expect(Self.text(page) == "kept", "\(page)")
        }
        #expect(Self.text("<script></script><p>kept</p><style></style ><p>too</p>") == "kepttoo")
        // An end tag that only starts with the element's name is passed over, and the text goes on.
        #expect(Self.text("<p>a</p><script>s=\"</scripts>\";if(x<!y)z()</script><p>rest</p>") == "arest")
        #expect(Self.text("<p>a</p><script>a</scripts></div>b</script><p>rest</p>") == "arest")
        // "<_" is text to libxml2 and a browser, not a tag: the script after it is still found.
        #expect(Self.text("<p>a <_<script>if(a<!b)x()</script> b</p><p>rest</p>") == "a <_ brest")
    }

    /// Attribute names a browser reads whole but libxml2 cannot hold ("@click" of Vue and Alpine, a
    /// '/' inside the tag) no longer end the tag at a '>' in their value.
    @Test func attributeNamesOfScriptFrameworksKeepTheirTags() {
        #expect(Self.text("<div @click=\"open = a > b\" x-on:keydown.escape=\"() => open = false\">Menu</div><p>next</p>") == "Menunext")
        #expect(Self.text("<p [title]=\"n > 3\" *ngIf=\"x>1\" #ref>shown</p>") == "shown")
        // A tag's name runs to a blank, '/' or '>', quotes and all: "<y!=\">" is a tag, and '"/ and' text.
        #expect(Self.text("<p>x<y!=\">\"/ and @here 5/6</p>") == "x\"/ and @here 5/6")
        let tree = HTMLParser.parse(Array("<div/hidden>secret</div><p>shown</p>".utf8))
        #expect(tree.nodes.first { $0.tag == .div }?.hint.marks.contains(.hidden) == true)
    }

    /// Void elements the tree drops (`embed`, `source`, `track`): libxml2 keeps some open, but what
    /// follows them is the text around them.
    @Test func textAfterAVoidElementIsKept() {
        #expect(Self.text("<p>a<embed src=v.swf>x</p><p>b<source>y</p><p>c<track>z</p>") == "axbycz")
        #expect(Self.text("<p>a<input type=text>x<meta name=n>y</p>") == "axy")
    }

    /// An inline drawing whose markup never closes ends, as in a browser, at an HTML element that breaks
    /// out of it; inside its text elements (`foreignObject`, `title`, `desc`) HTML stays the drawing's.
    @Test func anUnclosedDrawingEndsAtAnHTMLElement() {
        #expect(Self.text("<div><p>one</p><svg><path d='x'/><p>two</p><p>three</p></div><p>four</p>") == "onetwothreefour")
        #expect(Self.text("<div><svg><g><text>label<em>two</em></text></g></svg><p>three</p></div>") == "twothree")
        #expect(Self.text("<div><svg><foreignObject><p>inside</p></foreignObject><g/></svg><p>after</p></div>") == "after")
        #expect(Self.text("<svg><title><b>name</b></title><path/></svg><p>after</p>") == "after")
        #expect(Self.text("<div><svg><font color=red>x</font>y</div><svg><font>z</font></svg>") == "xy")
        // The elements libxml2 holds open close with the element around the drawing, not before it.
        let tree = HTMLParser.parse(Array("<section><svg><g><p>two</p></section><p>after</p>".utf8))
        let section = tree.nodes.firstIndex { $0.tag == .section }!
        let paragraphs = tree.nodes.indices.filter { tree.nodes[$0].tag == .p }
        #expect(paragraphs.count == 2 && paragraphs[0] < Int(tree.nodes[section].end) && paragraphs[1] >= Int(tree.nodes[section].end))
    }
}
