import Testing

@testable import Winnow

/// `credit-lines`: a short line that opens with a source's or a picture's label and a colon goes; the
/// label inside a sentence, a long paragraph that opens with it, and a page of nothing else stay.
@Suite struct CreditLineTests {
    static let article = MainContentTests.article

    @Test func aLineCreditingASourceOrAPictureGoes() {
        for credit in ["Quelle: dpa", "Foto: Jane Doe", "Źródło: PAP", "Photo credit: Getty Images", "SOURCE : News agencies"] {
            let html = "<body><article>\(Self.article)<p><em>\(credit)</em></p></article></body>"
            let text = MainContentTests.mainText(html)
            #expect(!text.contains(credit) && text.hasSuffix("from next week."), "\(credit): \(text)")
            let off = MainContentTests.mainText(html) { $0.disabledRules = ContentRules(.creditLines) }
            #expect(off.contains(credit), "\(credit): \(off)")
        }
    }

    @Test func theLabelInASentenceStays() {
        let lines = [
            "<p>The source of the money was never named.</p>",
            "<p>Source: the council's own figures show that spending on roads rose by a third in four years, while spending "
                + "on the library fell, which is why the members asked for a review of both budgets before March.</p>",
        ]
        for line in lines {
            let text = MainContentTests.mainText("<body><article>\(Self.article)\(line)</article></body>")
            #expect(text.contains("ource"), "\(line): \(text)")
        }
    }

    @Test func aPageOfOnlyACreditKeepsIt() {
        let text = MainContentTests.mainText("<body><p>Foto: Jane Doe</p></body>")
        #expect(text.contains("Foto: Jane Doe"), "\(text)")
    }
}
