import Testing

@testable import Winnow

/// The metadata fields' whitespace folding: the ASCII path agrees with the folding by `Character`.
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
}
