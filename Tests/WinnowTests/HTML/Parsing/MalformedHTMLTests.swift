import Testing
import WinnowTestSupport

@testable import Winnow

/// Pages that break parsers: every one gives text or a clear refusal, never a crash.
@Suite struct MalformedHTMLTests {
    static func outcome(_ bytes: [UInt8], maxBytes: Int = 32 << 20, mainContent: Bool = true) -> HTMLExtractor.Outcome {
        var settings = HTMLExtractor.Settings()
        settings.maxBytes = maxBytes
        settings.mainContent = mainContent
        return HTMLExtractor(settings: settings).extract(.bytes(bytes))
    }

    static func text(_ outcome: HTMLExtractor.Outcome) -> String? {
        if case .text(let text, _, _) = outcome { return text }
        return nil
    }

    @Test func unclosedTags() {
        let html = "<html><body><div><p>First paragraph, with words<p>Second <b>bold <i>both</div><table><tr><td>cell"
        let text = Self.text(Self.outcome(Array(html.utf8), mainContent: false))
        #expect(text?.contains("First paragraph") == true && text?.contains("cell") == true)
    }

    @Test func tenThousandLevelsDeep() {
        let depth = 10_000
        let html =
            String(repeating: "<div>", count: depth) + "deep text, inside many divs, still text."
            + String(repeating: "</div>", count: depth)
        #expect(Self.text(Self.outcome(Array(html.utf8)))?.contains("deep text") == true)
        let spans = String(repeating: "<span><b>", count: depth) + "inline depth"
        #expect(Self.text(Self.outcome(Array(spans.utf8)))?.contains("inline depth") == true)
    }

    @Test func binaryJunkIsRefused() {
        var generator = SeededRandom.forTest(0x6A75_6E6B)
        let junk = (0..<100_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        #expect(Self.outcome(junk) == .refused(reason: "binary"), "\(SeededRandom.replay)")
    }

    /// A UTF-8 page whose head is thick with stray controls (no NUL) is a page: read, its controls
    /// dropped. Compressed and image data stay binary, as bytes and as the text a JSON field makes of
    /// them (their bytes as Latin-1 characters, or decoded with U+FFFD).
    @Test func strayControlsInUTF8AreNotBinary() {
        let page = "<p>" + String(repeating: "a\u{01}b\u{1B} ", count: 400) + "</p><p>Words after the controls.</p>"
        #expect(Self.text(Self.outcome(Array(page.utf8), mainContent: false))?.hasSuffix("Words after the controls.") == true)
        #expect(HTMLExtractor().extract(.text(page)) != .refused(reason: "binary"))
        var generator = SeededRandom.forTest(0x6763)
        let noise = (0..<6000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let gzip: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0x5E, 0x3A, 0x01, 0x66, 0x00, 0x03] + noise
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D] + Array("IHDR".utf8) + noise
        let pdf =
            Array(
                "%PDF-1.4\n%\u{E2}\u{E3}\u{CF}\u{D3}\n1 0 obj\n<< /Filter /FlateDecode >>\nstream\n".unicodeScalars.map { UInt8($0.value) })
            + noise
        for data in [gzip, png, pdf] {
            #expect(Self.outcome(data) == .refused(reason: "binary"), "\(SeededRandom.replay)")
            let latin1 = String(String.UnicodeScalarView(data.map { Unicode.Scalar($0) }))
            #expect(HTMLExtractor().extract(.text(latin1)) == .refused(reason: "binary"), "\(SeededRandom.replay)")
            #expect(HTMLExtractor().extract(.text(String(decoding: data, as: UTF8.self))) == .refused(reason: "binary"))
        }
        // Without a NUL byte, bytes that are not UTF-8 are still binary.
        #expect(Self.outcome(noise.filter { $0 != 0 }) == .refused(reason: "binary"), "\(SeededRandom.replay)")
    }

    @Test func emptyAndWhitespaceDocuments() {
        #expect(Self.text(Self.outcome([])) == "")
        #expect(Self.text(Self.outcome(Array("   \n ".utf8))) == "")
        #expect(Self.text(Self.outcome(Array("<html></html>".utf8))) == "")
    }

    @Test func pagesOverTheLimitAreRefused() {
        let big = Array(repeating: UInt8(ascii: "a"), count: 2_000_001)
        #expect(Self.outcome(big, maxBytes: 2_000_000) == .refused(reason: "html-too-large"))
    }

    @Test func aButtonThatNeverClosesDoesNotSwallowThePage() {
        let html = "<p>Before.</p><button><div>menu</button><p>After the button comes the article, a sentence.</p>"
        #expect(Self.text(Self.outcome(Array(html.utf8)))?.contains("After the button") == true)
    }

    @Test func stray() {
        for html in [
            "</p></div></body>", "<<<>>>", "<p <p <p>", "<!DOCTYPE", "<![CDATA[x", "<a href=\"unterminated>text",
            "&#0; &#xFFFFFFFF; &bogus;", "<script>never closed",
        ] {
            #expect(Self.text(Self.outcome(Array(html.utf8))) != nil, "\(html)")
        }
    }
}
