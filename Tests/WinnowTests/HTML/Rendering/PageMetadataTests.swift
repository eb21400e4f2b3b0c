import Testing

@testable import Winnow

/// The metadata fields' whitespace folding (the ASCII path agrees with the folding by `Character`), and
/// the canonical URL read and resolved as a browser reads a link.
@Suite struct PageMetadataTests {
    static func reference(_ value: String) -> String? {
        let folded = value.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return folded.isEmpty ? nil : folded
    }

    @Test func foldingMatchesCharacterWhitespace() {
        let pieces = [
            "a", "B", "7", " ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{1C}", "\u{1F}", "\u{7F}", "-",
            "é", "\u{85}", "\u{A0}", "\u{301}", "\u{2003}",
        ]
        var generator = SystemRandomNumberGenerator()
        for round in 0..<4000 {
            // Half the strings ASCII only (the fast path), half with anything.
            let choices = round % 2 == 0 ? Array(pieces.prefix(14)) : pieces
            let value = (0..<Int.random(in: 0...12, using: &generator)).map { _ in choices.randomElement(using: &generator)! }.joined()
            #expect(PageMetadata.clean(value) == Self.reference(value), "\(Array(value.unicodeScalars))")
        }
        #expect(PageMetadata.clean(nil) == nil)
        #expect(PageMetadata.clean(" \r\n\t ") == nil)
        #expect(PageMetadata.clean("  One\u{0B}two \r\n three\u{1C} ") == "One two three\u{1C}")
    }

    static func canonical(_ head: String, url: String? = nil) -> String? {
        var document = Document(
            id: "d", text: nil, html: .text("<html><head>\(head)</head><body><p>Text.</p></body></html>"), url: url,
            origin: DocumentOrigin(source: "test", line: 1))
        _ = CleanStage(options: CleanOptions()).process(&document)
        return document.stringField("canonical_url")
    }

    /// A link's tabs and line breaks are no part of its URL; another scheme than http(s) is no page's
    /// address, and og:url stands in; a relative one is resolved against the record's own URL.
    @Test func theCanonicalURLIsAnAddress() {
        #expect(Self.canonical("<link rel=canonical href=' https://a.example/x\n/y\t '>") == "https://a.example/x/y")
        #expect(
            Self.canonical("<link rel=canonical href='javascript:void(0)'><meta property='og:url' content='HTTP://b.example/'>")
                == "HTTP://b.example/")
        #expect(Self.canonical("<link rel=canonical href='mailto:x@a.example'>") == nil)
        let page = "https://www.a.example/news/2024/story.html?x=1"
        #expect(Self.canonical("<link rel=canonical href='/news/story'>", url: page) == "https://www.a.example/news/story")
        #expect(Self.canonical("<link rel=canonical href='//cdn.a.example/s'>", url: page) == "https://cdn.a.example/s")
        #expect(
            Self.canonical("<link rel=canonical href='viewtopic.php?id=3'>", url: page)
                == "https://www.a.example/news/2024/viewtopic.php?id=3")
        #expect(Self.canonical("<link rel=canonical href='/news/story'>") == "/news/story")
        #expect(Self.canonical("<link rel=canonical href='/news/story'>", url: "file:///tmp/page.html") == "/news/story")
        #expect(Self.canonical("<link rel=canonical href='https://c.example/a b'>", url: page) == "https://c.example/a b")
        // Characters are kept as written, escapes and all, as they are in an absolute link.
        #expect(
            Self.canonical("<link rel=canonical href='/caf%C3%A9 x?f[c]=50%'>", url: page) == "https://www.a.example/caf%C3%A9 x?f[c]=50%")
        #expect(Self.canonical("<link rel=canonical href='../up/./x'>", url: page) == "https://www.a.example/news/up/x")
        #expect(Self.canonical("<link rel=canonical href='?p=2'>", url: page) == "https://www.a.example/news/2024/story.html?p=2")
        // As a browser: a backslash is a slash, a host is required, slashes before it are passed over.
        #expect(Self.canonical("<link rel=canonical href='\\\\evil.example/x'>", url: page) == "https://evil.example/x")
        #expect(Self.canonical("<link rel=canonical href='//'>", url: page) == nil)
        #expect(Self.canonical("<link rel=canonical href='//c.example/a/../b?q=a\\b'>", url: page) == "https://c.example/b?q=a\\b")
        #expect(Self.canonical("<link rel=canonical href='a\\b?c\\d#e\\f'>", url: page) == "https://www.a.example/news/2024/a/b?c\\d#e\\f")
        #expect(Self.canonical("<link rel=canonical href='1a:b'>", url: page) == "https://www.a.example/news/2024/1a:b")
        #expect(Self.canonical("<link rel=canonical href='x'>", url: "httpfoo://a.example/") == "x")
        // The page's <base href> is where its relative links start, itself resolved against the page.
        #expect(Self.canonical("<base href='https://b.example/sub/'><link rel=canonical href='p'>", url: page) == "https://b.example/sub/p")
        #expect(Self.canonical("<base href='/root/'><link rel=canonical href='p'>", url: page) == "https://www.a.example/root/p")
        #expect(Self.canonical("<base href='https://b.example/sub/'><link rel=canonical href='p'>") == "https://b.example/sub/p")
    }

    /// RFC 3986's dot segments, as its section 5.4 examples remove them.
    @Test func dotSegmentsAreRemoved() {
        let base = "http://a/b/c/d;p?q"
        for (reference, expected) in [
            ("g", "http://a/b/c/g"), ("./g", "http://a/b/c/g"), ("g/", "http://a/b/c/g/"), ("/g", "http://a/g"),
            ("?y", "http://a/b/c/d;p?y"),
            ("g?y", "http://a/b/c/g?y"), ("#s", "http://a/b/c/d;p?q#s"), ("g#s", "http://a/b/c/g#s"), (".", "http://a/b/c/"),
            ("./", "http://a/b/c/"), ("..", "http://a/b/"), ("../g", "http://a/b/g"), ("../..", "http://a/"), ("../../g", "http://a/g"),
            ("../../../g", "http://a/g"), ("/./g", "http://a/g"), ("/../g", "http://a/g"), ("g.", "http://a/b/c/g."),
            ("..g", "http://a/b/c/..g"),
            ("./../g", "http://a/b/g"), ("g/./h", "http://a/b/c/g/h"), ("g/../h", "http://a/b/c/h"), ("g;x=1/../y", "http://a/b/c/y"),
        ] {
            #expect(RelativeURL.resolve(reference, against: base) == expected, "\(reference)")
        }
    }
}
