import Testing
@testable import Winnow

@Suite struct TextNormalizerTests {
    private let normalizer = TextNormalizer()

    @Test(arguments: [
        ("e\u{0301}t\u{00E9}", "\u{00E9}t\u{00E9}"),                  // NFC composes
        ("a\u{0000}b\u{0007}c\u{009F}d\u{007F}", "abcd"),            // C0, C1, DEL
        ("zero\u{200B}width\u{00AD}soft\u{FEFF}bom\u{2060}", "zerowidthsoftbom"),
        ("keep\u{200D}joiner\u{200C}", "keep\u{200D}joiner\u{200C}"),
        ("a \t\u{00A0}\u{2003} b", "a b"),                             // Unicode spaces fold
        ("  lead and trail  \n  next  ", "lead and trail\nnext"),
        ("a\r\nb\rc\u{2028}d", "a\nb\nc\nd"),                          // line endings
        ("\n\n\ntop\n\n\n\nmiddle\n \n\t\nbottom\n\n", "top\n\nmiddle\n\nbottom"),
        ("plain ascii stays", "plain ascii stays"),
        ("Ⅻ ﬁ ²", "Ⅻ ﬁ ²"),                                           // NFC leaves compatibility forms
    ])
    func defaults(input: String, expected: String) {
        #expect(normalizer.normalize(input) == expected)
    }

    @Test func unchangedTextIsReported() {
        #expect(normalizer.normalizeIfChanged("already\n\nclean") == nil)
        #expect(normalizer.normalizeIfChanged("not  clean") == "not clean")
    }

    @Test func options() {
        var options = NormalizeOptions()
        options.unicode = .nfkc
        options.maxBlankLines = 0
        #expect(TextNormalizer(options: options).normalize("ﬁ²\n\n\nx") == "fi2\nx")

        options = NormalizeOptions()
        options.foldSpaces = false
        options.trimLines = false
        #expect(TextNormalizer(options: options).normalize("  a\t\tb  \nc") == "  a\t\tb  \nc")

        options = NormalizeOptions()
        options.removeControl = false
        options.removeInvisible = false
        options.unicode = .none
        #expect(TextNormalizer(options: options).normalize("e\u{0301}\u{0007}\u{200B}") == "e\u{0301}\u{0007}\u{200B}")
    }

    @Test func stageRemovesEmptyDocuments() {
        let stage = NormalizeStage(options: NormalizeOptions())
        var empty = Document(id: "e", text: " \u{200B}\n\t ", origin: DocumentOrigin(source: "t", line: 1))
        #expect(stage.process(&empty) == .remove(reason: "empty"))
        var full = Document(id: "f", text: "  words  ", origin: DocumentOrigin(source: "t", line: 2))
        #expect(stage.process(&full) == .keep)
        #expect(full.text == "words")
    }
}
