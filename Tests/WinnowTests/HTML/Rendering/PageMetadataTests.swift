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
    }
}
