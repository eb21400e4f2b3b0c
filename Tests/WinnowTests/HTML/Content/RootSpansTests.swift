import Testing

@testable import Winnow

/// `RootSpans` answers as the roots' subtrees read one by one do.
@Suite struct RootSpansTests {
    @Test func answersAsTheRootsReadOneByOne() {
        let html =
            "<body><div><p>One <a href=\"/a\">link</a></p><p>Two</p><div><p>Three</p><ul><li>Four</li></ul></div></div>"
            + "<p>Five</p><section><p>Six</p></section></body>"
        let nodes = HTMLParser.parse(Array(html.utf8)).nodes
        let count = nodes.count
        for roots in [[], [1], [count - 1], [2, 5, count - 2], [1, 3, 3], (0..<count).filter { $0 % 3 == 1 }] {
            let spans = RootSpans(roots, nodes: nodes)
            for index in 0..<count {
                #expect(spans.contains(index) == roots.contains(index), "\(roots) \(index)")
                #expect(spans.covers(index) == roots.contains { nodes.isWithin(index, subtreeOf: $0) }, "\(roots) \(index)")
                #expect(
                    spans.holdsRoot(index, nodes: nodes) == roots.contains { nodes.isWithin($0, subtreeOf: index) }, "\(roots) \(index)")
            }
        }
    }

    @Test func manyProseSiblingsJoinTheContentAndALinkParagraphStillGoes() {
        let siblings = (1...40).map { "<p>Closing line \($0) of the story.</p>" }.joined()
        let html =
            "<body><div><div>\(MainContentTests.article)</div>\(siblings)"
            + "<div><p>READ MORE: <a href=\"/other\">Council votes to close the old library for good after the floods</a></p></div></div></body>"
        let text = MainContentTests.mainText(html)
        #expect(text.contains("from next week.") && text.contains("Closing line 1 of") && text.contains("Closing line 40 of"), "\(text)")
        #expect(!text.contains("READ MORE"), "\(text)")
    }
}
