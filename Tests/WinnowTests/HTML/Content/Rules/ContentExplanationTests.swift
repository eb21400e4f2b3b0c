import Testing

@testable import Winnow

/// `winnow clean --explain`'s account of one page: one line per block, in the order the text is written.
@Suite struct ContentExplanationTests {
    /// An element's own text after a block nested in it comes after that block's text in the output,
    /// so its line comes after that block's too (a byline's "•" between "Edited by" and "Reviewed by").
    @Test func blocksAreListedInTheOrderTheirTextIsWritten() throws {
        let html =
            "<html><body><article><h1>Budget approved</h1><div class=\"byline\"><div>Edited by Ann</div>"
            + "<span> • </span><div>Reviewed by Bob</div></div>\(MainContentTests.article)</article></body></html>"
        let explanation = try #require(ContentExplanation(.text(html), extractor: HTMLExtractor()))
        let excerpts = explanation.blocks.map(\.excerpt)
        let order = ["Budget approved", "Edited by Ann", "•", "Reviewed by Bob"].map { excerpt in excerpts.firstIndex(of: excerpt) }
        #expect(order.allSatisfy { $0 != nil }, "\(excerpts)")
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted(), "\(excerpts)")
        guard case .text(let text, _, _) = HTMLExtractor().extract(.text(html)) else {
            Issue.record("refused")
            return
        }
        let written = ["Edited by Ann", "•", "Reviewed by Bob"].compactMap { text.range(of: $0)?.lowerBound }
        #expect(written.count == 3 && written == written.sorted(), "the output writes them in this order: \(text)")
    }
}
